package org.gongyu.district.demonstration.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.district.county.CountyDirectory;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.demonstration.EffectiveTime;
import org.gongyu.district.demonstration.TrailEntry;
import org.gongyu.district.demonstration.programme.Programme;
import org.gongyu.district.demonstration.programme.Programmes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/** The county's first decision on an application, and the reads of applications; one transaction per command. */
@Service
class ApplicationService {

  private final Applications applications;
  private final Programmes programmes;
  private final CountyDirectory counties;
  private final EffectiveTime clock;
  private final JdbcClient jdbc;

  ApplicationService(Applications applications, Programmes programmes, CountyDirectory counties, EffectiveTime clock, JdbcClient jdbc) {
    this.applications = applications;
    this.programmes = programmes;
    this.counties = counties;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /**
   * Selects an APPLIED application for creation: CREATING, and the school may submit its
   * self-evaluation from today (city zone) + the programme's creation months on. The creation end
   * is stored before the transition so that the status event carries it.
   */
  @Transactional
  ApplicationResponses.Detail accept(String countyId, UUID id, String note, String actor) {
    Application a = applications.lock(countyId, id);
    Applications.require(a, "accepting it", DemonstrationStatus.APPLIED);
    Programme p = programmes.find(a.programmeId()).orElseThrow();
    LocalDate creationEndsOn = clock.today().plusMonths(p.creationMonths());
    jdbc.sql("update demonstration_application set creation_ends_on = ? where id = ?").params(creationEndsOn, a.id()).update();
    applications.transition(a, DemonstrationStatus.CREATING, actor, "ACCEPT", blankToNull(note),
        Map.of("creationEndsOn", creationEndsOn.toString()));
    return detail(countyId, id);
  }

  /** Does not select an APPLIED application (final); the reason goes to the school with the status. */
  @Transactional
  ApplicationResponses.Detail decline(String countyId, UUID id, String reason, String actor) {
    Application a = applications.lock(countyId, id);
    Applications.require(a, "declining it", DemonstrationStatus.APPLIED);
    applications.transition(a, DemonstrationStatus.DECLINED, actor, "DECLINE", reason.strip(), Map.of());
    return detail(countyId, id);
  }

  /** The county's applications, optionally of one programme (of this county) and in one status. */
  @Transactional(readOnly = true)
  List<ApplicationResponses.Summary> list(String countyId, String programmeId, String status) {
    if (!counties.exists(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
    DemonstrationStatus wanted = status == null ? null : parseStatus(status);
    if (programmeId != null && programmes.find(countyId, programmeId).isEmpty()) {
      throw ApiProblem.notFound(Msg.msg("district.programme.unknown", programmeId, countyId));
    }
    StringBuilder sql = new StringBuilder("""
        select id, programme_id, school_id, xuequ_key, status, version, applied_at, creation_ends_on, round, final_score
        from demonstration_application where county_id = ?""");
    List<Object> params = new ArrayList<>(List.of(countyId));
    if (programmeId != null) {
      sql.append(" and programme_id = ?");
      params.add(programmeId);
    }
    if (wanted != null) {
      sql.append(" and status = ?");
      params.add(wanted.name());
    }
    sql.append(" order by applied_at, id");
    return jdbc.sql(sql.toString()).params(params)
        .query((rs, n) -> new ApplicationResponses.Summary(
            rs.getString("id"), rs.getString("programme_id"), rs.getString("school_id"), xuequId(rs.getString("xuequ_key")),
            rs.getString("status"), rs.getLong("version"), rs.getTimestamp("applied_at").toInstant(),
            rs.getObject("creation_ends_on", LocalDate.class), rs.getInt("round"), rs.getBigDecimal("final_score")))
        .list();
  }

  @Transactional(readOnly = true)
  ApplicationResponses.Detail detail(String countyId, UUID id) {
    Application a = applications.find(countyId, id);
    record Sent(String baseline, String plan, String schoolName) {}
    Sent sent = jdbc.sql("""
            select a.baseline::text, a.plan, s.name from demonstration_application a left join school s on s.id = a.school_id
            where a.id = ?""")
        .param(id).query((rs, n) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    List<ApplicationResponses.Baseline> baseline = new ArrayList<>();
    for (JsonNode b : Intake.JSON.readTree(sent.baseline())) {
      baseline.add(new ApplicationResponses.Baseline(b.path("areaCode").asString(), b.path("level").asInt(),
          b.hasNonNull("note") ? b.get("note").asString() : null));
    }
    ApplicationResponses.SelfEvaluation latest = jdbc.sql("""
            select round, submitted_at, self_total from demonstration_self_evaluation where application_id = ?
            order by round desc limit 1""")
        .param(id)
        .query((rs, n) -> new ApplicationResponses.SelfEvaluation(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3)))
        .optional().orElse(null);
    return new ApplicationResponses.Detail(a.id().toString(), a.programmeId(), a.countyId(), a.schoolId(), sent.schoolName(),
        xuequId(a.xuequKey()), a.status().name(), a.version(), a.appliedAt(), baseline, sent.plan(), a.creationEndsOn(), a.round(),
        a.finalScore(), latest);
  }

  @Transactional(readOnly = true)
  List<ApplicationResponses.HistoryEntry> history(String countyId, UUID id) {
    applications.find(countyId, id);
    return applications.history(id).stream().map(ApplicationService::entry).toList();
  }

  private static ApplicationResponses.HistoryEntry entry(TrailEntry t) {
    return new ApplicationResponses.HistoryEntry(t.seq(), t.at(), t.actor(), t.action(),
        t.fromStatus() == null ? null : t.fromStatus().name(), t.toStatus() == null ? null : t.toStatus().name(),
        Intake.JSON.readTree(t.detailJson()));
  }

  private static DemonstrationStatus parseStatus(String status) {
    try {
      return DemonstrationStatus.valueOf(status);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(Msg.msg("district.status.unknown", status, Arrays.toString(DemonstrationStatus.values())));
    }
  }

  private static String xuequId(String key) {
    return key.isEmpty() ? null : key;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
