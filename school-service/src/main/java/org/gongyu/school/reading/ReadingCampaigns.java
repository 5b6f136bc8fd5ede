package org.gongyu.school.reading;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.privacy.PersonalDataGuard;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.records.Findings;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading campaigns (recorded, corrected and withdrawn by id, with a trail) and their check-ins
 * (idempotent per student and day, no trail: a check-in is a day's fact, replaced by a repeat).
 * Every change re-derives {@code READING_CAMPAIGN_COMPLETION} in the semester of the campaign's
 * last day, dated on that day (a signed-off semester refuses it, ADR 0019).
 */
@Service
class ReadingCampaigns {

  static final String FAMILY = "READING_CAMPAIGN";
  static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);
  private static final String COLUMNS = "campaign_id, class_id, name, start_date, days, target_minutes";

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final Clock clock;
  private final PersonalDataGuard guard;
  private final Pseudonymizer pseudonymizer;
  private final RecordTrail trail;

  ReadingCampaigns(JdbcClient jdbc, SchoolRegistry registry, SchoolClasses classes, ApplicationEventPublisher events,
      CityCalendar calendar, Clock clock, PersonalDataGuard guard, Pseudonymizer pseudonymizer, RecordTrail trail) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.classes = classes;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
    this.guard = guard;
    this.pseudonymizer = pseudonymizer;
    this.trail = trail;
  }

  record Saved(boolean created, boolean changed, ReadingCampaign campaign, int version) {}

  /** What a batch of check-ins did: counts only. */
  record CheckInOutcome(int received, int recorded, int replaced, int unchanged) {}

  /** A campaign's counts as the school reads them: no student. */
  record Summary(String campaignId, int participants, int completed, int checkIns, List<DayCount> perDay) {}

  record DayCount(LocalDate date, int students) {}

  @Transactional
  Saved put(String schoolId, String campaignId, ReadingCampaignRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    LocalDate today = calendar.today();
    if (r.startDate().isAfter(today)) {
      errors.add("startDate: " + r.startDate() + " is in the future");
    } else if (r.startDate().isBefore(EARLIEST)) {
      errors.add("startDate: " + r.startDate() + " is before " + EARLIEST);
    } else {
      String year = Period.containing(PeriodType.SCHOOL_YEAR, r.startDate(), calendar.calendar()).id();
      Optional<SchoolClasses.SchoolClass> c = classes.find(schoolId, r.classId());
      if (c.isEmpty()) {
        errors.add("classId: class " + r.classId() + " is not recorded at school " + schoolId);
      } else if (!c.get().schoolYear().equals(year)) {
        errors.add("classId: class " + r.classId() + " belongs to school year " + c.get().schoolYear()
            + ", but the campaign's startDate " + r.startDate() + " is in " + year);
      }
    }
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts("campaignId", campaignId, "name", r.name())));
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
    ReadingCampaign wanted = ReadingCampaign.of(campaignId, r.classId(), r.name().strip(), r.startDate(),
        r.days() == null ? ReadingCampaignRequest.DEFAULT_DAYS : r.days(),
        r.targetMinutes() == null ? ReadingCampaignRequest.DEFAULT_TARGET_MINUTES : r.targetMinutes());
    Optional<ReadingCampaign> existing = find(schoolId, campaignId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, false, wanted, trail.versionOf(schoolId, FAMILY, campaignId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, campaignId);
    } else {
      // a shorter or moved window must not leave recorded check-ins outside it
      long outside = jdbc.sql("""
              select count(*) from reading_check_in where school_id = ? and campaign_id = ?
                and (check_in_on < ? or check_in_on > ?)""")
          .params(schoolId, campaignId, wanted.startDate(), wanted.lastDay())
          .query(Long.class).single();
      if (outside > 0) {
        throw ApiProblem.conflict(Msg.msg("school.reading-campaign.check-ins-outside", outside, campaignId, wanted.startDate(),
            wanted.lastDay()));
      }
    }
    jdbc.sql("""
            insert into reading_campaign (school_id, campaign_id, class_id, name, start_date, days, target_minutes, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (school_id, campaign_id) do update set class_id = excluded.class_id, name = excluded.name,
              start_date = excluded.start_date, days = excluded.days, target_minutes = excluded.target_minutes,
              updated_at = excluded.updated_at
            """)
        .params(schoolId, campaignId, wanted.classId(), wanted.name(), wanted.startDate(), wanted.days(), wanted.targetMinutes(),
            Timestamp.from(clock.instant()))
        .update();
    List<LocalDate> days = new ArrayList<>(List.of(wanted.lastDay()));
    existing.ifPresent(e -> days.add(e.lastDay()));
    events.publishEvent(RecordsChanged.of(schoolId, days, IndicatorCodes.READING_CAMPAIGN_COMPLETION));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, campaignId, wanted, reason)
        : trail.corrected(schoolId, FAMILY, campaignId, existing.get(), wanted, reason);
    return new Saved(existing.isEmpty(), true, wanted, version);
  }

  /** Withdraws a campaign and deletes its check-ins (minors' data kept no longer than needed); the campaign stays in its trail. */
  @Transactional
  Tracked<ReadingCampaign> withdraw(String schoolId, String campaignId, String reason) {
    registry.lockForUpdate(schoolId);
    ReadingCampaign existing = trail.requireWithdrawable(schoolId, FAMILY, campaignId, find(schoolId, campaignId));
    jdbc.sql("delete from reading_check_in where school_id = ? and campaign_id = ?").params(schoolId, campaignId).update();
    jdbc.sql("delete from reading_campaign where school_id = ? and campaign_id = ?").params(schoolId, campaignId).update();
    events.publishEvent(RecordsChanged.of(schoolId, Set.of(existing.lastDay()), IndicatorCodes.READING_CAMPAIGN_COMPLETION));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, campaignId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  /**
   * Records a batch of check-ins of one campaign, all or nothing: 404 for an unknown (or withdrawn)
   * campaign, 422 naming {@code checkIns[i].date} for a day outside the campaign or in the future.
   * A check-in of a student and day already recorded replaces its minutes; the same twice in one
   * batch, the later wins.
   */
  @Transactional
  CheckInOutcome checkIn(String schoolId, String campaignId, CheckInBatch batch) {
    registry.lockForUpdate(schoolId);
    ReadingCampaign campaign = find(schoolId, campaignId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.reading-campaign.unknown", campaignId, schoolId)));
    LocalDate today = calendar.today();
    List<String> errors = new ArrayList<>();
    Map<String, Integer> wanted = new LinkedHashMap<>(); // student key + day -> minutes
    Map<String, String[]> parts = new LinkedHashMap<>();
    for (int i = 0; i < batch.checkIns().size(); i++) {
      CheckInBatch.CheckIn c = batch.checkIns().get(i);
      String at = "checkIns[" + i + "].date: ";
      if (!campaign.covers(c.date())) {
        errors.add(at + c.date() + " is outside campaign " + campaignId + " (" + campaign.startDate() + " to " + campaign.lastDay() + ")");
      } else if (c.date().isAfter(today)) {
        errors.add(at + c.date() + " is in the future");
      }
      String key = pseudonymizer.student(schoolId, c.studentRef().strip());
      String id = key + "|" + c.date();
      wanted.put(id, c.minutes());
      parts.put(id, new String[] {key, c.date().toString()});
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
    Map<String, Integer> stored = new java.util.HashMap<>();
    jdbc.sql("select student_key, check_in_on, minutes from reading_check_in where school_id = ? and campaign_id = ?")
        .params(schoolId, campaignId)
        .query((rs, n) -> stored.put(rs.getString(1).strip() + "|" + rs.getObject(2, LocalDate.class), rs.getInt(3)))
        .list();
    int recorded = 0;
    int replaced = 0;
    int unchanged = 0;
    Timestamp now = Timestamp.from(clock.instant());
    for (var e : wanted.entrySet()) {
      Integer before = stored.get(e.getKey());
      if (before != null && before.equals(e.getValue())) {
        unchanged++;
        continue;
      }
      String[] p = parts.get(e.getKey());
      jdbc.sql("""
              insert into reading_check_in (school_id, campaign_id, student_key, check_in_on, minutes, updated_at)
              values (?, ?, ?, ?, ?, ?)
              on conflict (school_id, campaign_id, student_key, check_in_on)
                do update set minutes = excluded.minutes, updated_at = excluded.updated_at""")
          .params(schoolId, campaignId, p[0], LocalDate.parse(p[1]), e.getValue(), now)
          .update();
      if (before == null) {
        recorded++;
      } else {
        replaced++;
      }
    }
    if (recorded > 0) {
      // minutes alone do not change the figure; a new student-day can
      events.publishEvent(RecordsChanged.of(schoolId, Set.of(campaign.lastDay()), IndicatorCodes.READING_CAMPAIGN_COMPLETION));
    }
    return new CheckInOutcome(batch.checkIns().size(), recorded, replaced, unchanged + (batch.checkIns().size() - wanted.size()));
  }

  /** The counts of one campaign: students who checked in, those on every day, check-ins, students per day. */
  Summary summary(String schoolId, String campaignId) {
    registry.require(schoolId);
    ReadingCampaign campaign = find(schoolId, campaignId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.reading-campaign.unknown", campaignId, schoolId)));
    Map<String, Set<LocalDate>> perStudent = checkIns(schoolId, List.of(campaignId)).getOrDefault(campaignId, Map.of());
    Map<LocalDate, Integer> perDay = new java.util.TreeMap<>();
    perStudent.values().forEach(ds -> ds.forEach(d -> perDay.merge(d, 1, Integer::sum)));
    int completed = (int) perStudent.values().stream().filter(ds -> ReadingRules.completed(ds, campaign)).count();
    int checkIns = perStudent.values().stream().mapToInt(Set::size).sum();
    return new Summary(campaignId, perStudent.size(), completed, checkIns,
        perDay.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue())).toList());
  }

  Optional<Tracked<ReadingCampaign>> read(String schoolId, String campaignId) {
    registry.require(schoolId);
    return trail.read(schoolId, FAMILY, campaignId, find(schoolId, campaignId), ReadingCampaign.class);
  }

  /** Campaigns whose last day is in [start, endExclusive), of one class if given: active ones, then withdrawn ones. */
  List<Tracked<ReadingCampaign>> list(String schoolId, LocalDate start, LocalDate endExclusive, String classId) {
    registry.require(schoolId);
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<ReadingCampaign>> list = new ArrayList<>();
    endingBetween(schoolId, start, endExclusive).stream()
        .filter(c -> classId == null || classId.equals(c.classId()))
        .forEach(c -> list.add(trail.active(c, versions, c.campaignId())));
    trail.withdrawnRecords(schoolId, FAMILY, ReadingCampaign.class).stream()
        .filter(t -> !t.record().lastDay().isBefore(start) && t.record().lastDay().isBefore(endExclusive))
        .filter(t -> classId == null || classId.equals(t.record().classId()))
        .forEach(list::add);
    return list;
  }

  List<HistoryEntry> history(String schoolId, String campaignId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, campaignId, find(schoolId, campaignId));
  }

  Optional<ReadingCampaign> find(String schoolId, String campaignId) {
    return jdbc.sql("select " + COLUMNS + " from reading_campaign where school_id = ? and campaign_id = ?")
        .params(schoolId, campaignId)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** Campaigns whose last day is in [start, endExclusive). */
  List<ReadingCampaign> endingBetween(String schoolId, LocalDate start, LocalDate endExclusive) {
    return jdbc.sql("select " + COLUMNS + " from reading_campaign where school_id = ?"
            + " and start_date + (days - 1) >= ? and start_date + (days - 1) < ? order by start_date, campaign_id")
        .params(schoolId, start, endExclusive)
        .query((rs, n) -> map(rs))
        .list();
  }

  /** campaign -> student key -> days checked in, of the given campaigns. */
  Map<String, Map<String, Set<LocalDate>>> checkIns(String schoolId, List<String> campaignIds) {
    Map<String, Map<String, Set<LocalDate>>> m = new java.util.HashMap<>();
    if (campaignIds.isEmpty()) {
      return m;
    }
    jdbc.sql("select campaign_id, student_key, check_in_on from reading_check_in where school_id = :school"
            + " and campaign_id in (:campaigns)")
        .param("school", schoolId)
        .param("campaigns", campaignIds)
        .query((rs, n) -> m.computeIfAbsent(rs.getString(1), k -> new java.util.HashMap<>())
            .computeIfAbsent(rs.getString(2).strip(), k -> new HashSet<>()).add(rs.getObject(3, LocalDate.class)))
        .list();
    return m;
  }

  private static ReadingCampaign map(ResultSet rs) throws SQLException {
    return ReadingCampaign.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getInt(5),
        rs.getInt(6));
  }
}
