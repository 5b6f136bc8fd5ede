package org.gongyu.city.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.contracts.school.v1.SurveyResultsPublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The survey tables: questionnaires and the latest counts of each school. */
@Repository
class Surveys {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<SurveyResponse.Question>> QUESTIONS = new TypeReference<>() {};
  private static final TypeReference<List<SurveyResultsPublished.QuestionCounts>> COUNTS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, county_id, title, purpose, audience, questions, opens_on, closes_on, status, version, created_at, created_by, owner_tier";

  /** A questionnaire as stored. */
  record Survey(String id, String countyId, String title, String purpose, String audience,
      List<SurveyResponse.Question> questions, LocalDate opensOn, LocalDate closesOn, String status, long version,
      Instant createdAt, String createdBy, String ownerTier) {

    /** Built by the county admin of {@code county}: only that county publishes and closes it. */
    boolean ownedBy(String county) {
      return "COUNTY".equals(ownerTier) && county.equals(countyId);
    }
  }

  /** A school's latest counts. */
  record SchoolResult(String schoolId, String countyId, String schoolName, long responses,
      List<SurveyResultsPublished.QuestionCounts> questions, long version, Instant publishedAt) {}

  private final JdbcClient jdbc;

  Surveys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Survey s, Instant now) {
    jdbc.sql("""
            insert into survey (id, county_id, title, purpose, audience, questions, opens_on, closes_on, status, version,
              created_at, created_by, updated_at, owner_tier)
            values (:id, :county, :title, :purpose, :audience, cast(:questions as jsonb), :opensOn, :closesOn, :status, 1,
              :at, :by, :at, :owner)
            """)
        .param("id", s.id()).param("county", s.countyId()).param("title", s.title()).param("purpose", s.purpose())
        .param("audience", s.audience()).param("questions", JSON.writeValueAsString(s.questions()))
        .param("opensOn", s.opensOn()).param("closesOn", s.closesOn()).param("status", s.status())
        .param("at", Timestamp.from(now)).param("by", s.createdBy()).param("owner", s.ownerTier())
        .update();
  }

  /** Moves the survey to {@code status} with version + 1; the caller holds the row lock. */
  void status(String id, String status, long version, Instant now) {
    jdbc.sql("update survey set status = ?, version = ?, updated_at = ? where id = ?")
        .params(status, version, Timestamp.from(now), id).update();
  }

  Optional<Survey> lock(String id) {
    return jdbc.sql("select " + COLUMNS + " from survey where id = ? for update").param(id).query(Surveys::map).optional();
  }

  Optional<Survey> find(String id) {
    return jdbc.sql("select " + COLUMNS + " from survey where id = ?").param(id).query(Surveys::map).optional();
  }

  /**
   * Every survey, newest first; when {@code county} is set only those a county sees: the published
   * ones reaching its schools (city-wide or its own) and the drafts it built itself.
   */
  List<Survey> list(String county) {
    return jdbc.sql("select " + COLUMNS + " from survey"
            + (county == null ? "" : " where (county_id is null or county_id = :county)"
                + " and (status <> 'DRAFT' or owner_tier = 'COUNTY')")
            + " order by created_at desc, id")
        .params(county == null ? Map.of() : Map.of("county", county))
        .query(Surveys::map).list();
  }

  Map<String, Long> schoolsReporting() {
    Map<String, Long> out = new HashMap<>();
    jdbc.sql("select survey_id, count(*) from survey_school_result group by survey_id")
        .query((rs, n) -> out.put(rs.getString(1), rs.getLong(2))).list();
    return out;
  }

  /** Keeps the school's counts if newer than the stored ones; answers whether it did. */
  boolean storeIfNewer(SurveyResultsPublished r, Instant now) {
    return jdbc.sql("""
            insert into survey_school_result (survey_id, school_id, county_id, school_name, responses, questions, version,
              published_at, received_at)
            values (:survey, :school, :county, :name, :responses, cast(:questions as jsonb), :version, :at, :now)
            on conflict (survey_id, school_id) do update set county_id = excluded.county_id, school_name = excluded.school_name,
              responses = excluded.responses, questions = excluded.questions, version = excluded.version,
              published_at = excluded.published_at, received_at = excluded.received_at
            where survey_school_result.version < excluded.version
            """)
        .param("survey", r.surveyId()).param("school", r.schoolId()).param("county", r.countyId())
        .param("name", r.schoolName()).param("responses", r.responses())
        .param("questions", JSON.writeValueAsString(r.questions())).param("version", r.version())
        .param("at", Timestamp.from(r.at())).param("now", Timestamp.from(now))
        .update() == 1;
  }

  /** The schools' latest counts, of one county if {@code county} is set, by county and school. */
  List<SchoolResult> results(String surveyId, String county) {
    return jdbc.sql("""
            select school_id, county_id, school_name, responses, questions, version, published_at from survey_school_result
            where survey_id = :survey""" + (county == null ? "" : " and county_id = :county") + " order by county_id, school_id")
        .params(county == null ? Map.of("survey", surveyId) : Map.of("survey", surveyId, "county", county))
        .query((rs, n) -> new SchoolResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
            JSON.readValue(rs.getString(5), COUNTS), rs.getLong(6), rs.getTimestamp(7).toInstant()))
        .list();
  }

  Map<String, String> countyNames(String cityId) {
    Map<String, String> out = new HashMap<>();
    jdbc.sql("select id, name from county where city_id = ?").param(cityId)
        .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
    return out;
  }

  private static Survey map(ResultSet rs, int n) throws SQLException {
    return new Survey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        JSON.readValue(rs.getString(6), QUESTIONS), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
        rs.getString(9), rs.getLong(10), rs.getTimestamp(11).toInstant(), rs.getString(12), rs.getString(13));
  }
}
