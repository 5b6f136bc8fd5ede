package org.gongyu.district;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.city.v1.StandardPublished;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.contracts.school.v1.SelfEvaluationSubmitted;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows the demonstration ITs start from, written straight to the database so that one step can be
 * tested without walking the steps before it: a small rubric, a programme and an application in a
 * chosen status. The whole lifecycle through the APIs and events is the system test's.
 */
final class DemonstrationFixtures {

  static final String STANDARD = "TEST-DEMO";
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Two areas, three criteria worth 10 + 20 + 10 = 40 points, pass mark 30. */
  static final Rubric RUBRIC = new Rubric("测试标准", "Test standard", new BigDecimal("30"), List.of(
      new Rubric.Area("A1", "家庭教育指导", "Family-education guidance", List.of(
          new Rubric.Criterion("A1.1", "家长学校", "Parent school", new BigDecimal("10"), "章程", List.of("PARENT_SCHOOL_ESTABLISHED")),
          new Rubric.Criterion("A1.2", "数字家长学校", "Digital parent school", new BigDecimal("20"), "平台统计", List.of("PLATFORM_REGISTRATION")))),
      new Rubric.Area("A3", "家访", "Home visits", List.of(
          new Rubric.Criterion("A3.1", "家访前", "Before the visit", new BigDecimal("10"), "家访计划", List.of("PARENT_CONTACT"))))));

  private DemonstrationFixtures() {}

  /** The city's event for version {@code version} of the test standard, as JSON. */
  static String standardEvent(long version, Rubric rubric) {
    return EventCodec.encode(EventEnvelope.wrap("city-service", Instant.parse("2024-01-10T00:00:00Z"),
        new StandardPublished(STANDARD, version, Instant.parse("2024-01-10T00:00:00Z"), rubric)));
  }

  /** Inserts standard version {@code version} unless it is there. */
  static void standard(JdbcClient jdbc, long version) {
    jdbc.sql("""
            insert into demonstration_standard (standard_id, version, published_at, rubric)
            values (?, ?, now(), cast(? as jsonb)) on conflict do nothing""")
        .params(STANDARD, version, JSON.writeValueAsString(RUBRIC)).update();
  }

  /**
   * A programme of {@code countyId}: target 10, 2024-02-01 to 2027-01-31, applications 2024-02-01 to
   * 2024-02-29, 12 creation months, titles valid 3 years, consensus margin 2 points.
   */
  static String programme(JdbcClient jdbc, String countyId, String programmeId) {
    standard(jdbc, 1);
    jdbc.sql("""
            insert into demonstration_programme (id, county_id, name, target, starts_on, ends_on, application_opens_on,
              application_deadline, creation_months, title_validity_years, consensus_margin, standard_id, standard_version,
              version, updated_at)
            values (?, ?, '测试创建', 10, date '2024-02-01', date '2027-01-31', date '2024-02-01', date '2024-02-29',
              12, 3, 2, ?, 1, 1, now())""")
        .params(programmeId, countyId, STANDARD).update();
    return programmeId;
  }

  /** An application in {@code status} (version 1, round 1 from SELF_EVALUATED on), with no trail. */
  static UUID application(JdbcClient jdbc, String countyId, String programmeId, String schoolId, DemonstrationStatus status) {
    return application(jdbc, countyId, programmeId, schoolId, "", status);
  }

  /** As above, of a school in 学区 {@code xuequKey} ({@code ""}: directly under the county). */
  static UUID application(
      JdbcClient jdbc, String countyId, String programmeId, String schoolId, String xuequKey, DemonstrationStatus status) {
    UUID id = UUID.randomUUID();
    boolean evaluated = status.ordinal() >= DemonstrationStatus.SELF_EVALUATED.ordinal() && status != DemonstrationStatus.DEFERRED;
    jdbc.sql("""
            insert into demonstration_application (id, programme_id, county_id, school_id, xuequ_key, status, version,
              applied_at, baseline, plan, creation_ends_on, round, final_score, updated_at)
            values (?, ?, ?, ?, ?, ?, 1, ?, '[]', '一校一案', ?, ?, null, now())""")
        .params(id, programmeId, countyId, schoolId, xuequKey, status.name(), Timestamp.from(Instant.parse("2024-02-20T02:00:00Z")),
            status == DemonstrationStatus.APPLIED ? null : LocalDate.parse("2025-02-20"), evaluated ? 1 : 0)
        .update();
    return id;
  }

  /**
   * An application that was awarded a title, in {@code status} (TITLED, REINSPECTING, RECTIFYING,
   * REVOKED or EXPIRED), final score 35, with its {@code demonstration_title} row: ended the day
   * after {@code validUntil} when EXPIRED, a year after the award when REVOKED, otherwise not ended;
   * no re-inspection day nor rectification deadline (set them with SQL where a test needs them).
   */
  static UUID title(JdbcClient jdbc, String countyId, String programmeId, String schoolId, String xuequKey,
      DemonstrationStatus status, LocalDate awardedOn, LocalDate validUntil) {
    UUID id = application(jdbc, countyId, programmeId, schoolId, xuequKey, status);
    jdbc.sql("update demonstration_application set final_score = 35.00 where id = ?").param(id).update();
    LocalDate endedOn = switch (status) {
      case EXPIRED -> validUntil.plusDays(1);
      case REVOKED -> awardedOn.plusYears(1);
      default -> null;
    };
    jdbc.sql("""
            insert into demonstration_title (application_id, programme_id, county_id, school_id, xuequ_key, awarded_on,
              valid_until, reinspection_on, rectification_deadline, ended_on, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, null, null, ?, now())""")
        .params(id, programmeId, countyId, schoolId, xuequKey, awardedOn, validUntil, endedOn)
        .update();
    return id;
  }

  /**
   * The school's self-evaluation of {@code round} as school-service sends it (items of {@code
   * SelfEvaluationSubmitted}): self-scores 8 + 16 + 7, a narrative and one evidence reference each.
   */
  static void selfEvaluation(JdbcClient jdbc, UUID applicationId, int round) {
    List<SelfEvaluationSubmitted.Item> items = List.of(
        new SelfEvaluationSubmitted.Item("A1.1", new BigDecimal("8"), "家长学校章程齐全，每学期授课四次",
            List.of(new SelfEvaluationSubmitted.Evidence("家长学校章程", "档案柜A-12"))),
        new SelfEvaluationSubmitted.Item("A1.2", new BigDecimal("16"), "数字家长学校注册率达到百分之八十",
            List.of(new SelfEvaluationSubmitted.Evidence("平台统计截图", "https://example.edu/stats/2025"))),
        new SelfEvaluationSubmitted.Item("A3.1", new BigDecimal("7"), "家访前制定计划并告知家长",
            List.of(new SelfEvaluationSubmitted.Evidence("家访计划", "教务处-2025-07"))));
    jdbc.sql("""
            insert into demonstration_self_evaluation (application_id, round, submitted_at, standard_id, standard_version, items, self_total)
            values (?, ?, now(), ?, 1, cast(? as jsonb), 31)""")
        .params(applicationId, round, STANDARD, JSON.writeValueAsString(items)).update();
  }

  /** As if the deferred school had submitted again: SELF_EVALUATED, round + 1, with its self-evaluation. */
  static void resubmitted(JdbcClient jdbc, UUID applicationId) {
    int round = jdbc.sql("""
            update demonstration_application set status = 'SELF_EVALUATED', version = version + 1, round = round + 1, updated_at = now()
            where id = ? returning round""")
        .param(applicationId).query(Integer.class).single();
    selfEvaluation(jdbc, applicationId, round);
  }

  /** An assessor on {@code round} in {@code status} (declared when not ASSIGNED), submitted or not. */
  static void assignment(JdbcClient jdbc, UUID applicationId, int round, String assessor, String status, boolean submitted) {
    jdbc.sql("""
            insert into demonstration_assignment (application_id, round, assessor, status, assigned_at, assigned_by,
              declared_at, declared_conflicts, statement, submitted_at)
            values (?, ?, ?, ?, now(), 'fixture', case when ? = 'ASSIGNED' then null else now() end,
              case when ? = 'RECUSED' then '["RELATIVE"]'::jsonb else '[]'::jsonb end,
              case when ? = 'ASSIGNED' then null else '本人声明' end, case when ? then now() end)""")
        .params(applicationId, round, assessor, status, status, status, status, submitted).update();
  }

  /** An assessor's points on the three criteria A1.1, A1.2, A3.1 of {@code round}. */
  static void scores(JdbcClient jdbc, UUID applicationId, int round, String assessor, String a11, String a12, String a31) {
    String[][] rows = {{"A1.1", a11}, {"A1.2", a12}, {"A3.1", a31}};
    for (String[] r : rows) {
      jdbc.sql("""
              insert into demonstration_score (application_id, round, assessor, criterion_code, points, comment, updated_at)
              values (?, ?, ?, ?, ?, '现场查看', now())""")
          .params(applicationId, round, assessor, r[0], new BigDecimal(r[1])).update();
    }
  }
}
