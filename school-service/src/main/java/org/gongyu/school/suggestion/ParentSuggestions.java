package org.gongyu.school.suggestion;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import java.util.Optional;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.school.records.Findings;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and corrects parents' suggestions. */
@Service
class ParentSuggestions {

  /** Periods start in 2000 at the earliest; nothing older is a record of this platform. */
  static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final CityCalendar calendar;
  private final RecordTrail trail;

  /** The family's name in the record trail. */
  static final String FAMILY = "PARENT_SUGGESTION";

  ParentSuggestions(JdbcClient jdbc, SchoolRegistry registry, ApplicationEventPublisher events, Clock clock,
      CityCalendar calendar, RecordTrail trail) {
    this.trail = trail;
    this.jdbc = jdbc;
    this.registry = registry;
    this.events = events;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** A suggestion as stored. */
  record Suggestion(String suggestionId, LocalDate receivedOn, SuggestionRequest.Category category,
      SuggestionRequest.Channel channel, SuggestionRequest.Status status, LocalDate resolvedOn) {}

  /** The outcome of a PUT: whether the suggestion is new, whether anything changed, how it now stands. */
  record Saved(boolean created, boolean changed, Suggestion suggestion, int version) {}

  @Transactional
  Saved save(String schoolId, String suggestionId, SuggestionRequest r) {
    if (r.status() == SuggestionRequest.Status.RESOLVED && r.resolvedOn() == null) {
      throw ApiProblem.badRequest(Msg.msg("school.resolved-on-required"));
    }
    registry.lockForUpdate(schoolId);
    LocalDate today = calendar.today();
    List<String> errors = new ArrayList<>();
    if (r.receivedOn().isAfter(today)) {
      errors.add("receivedOn: " + r.receivedOn() + " is in the future");
    } else if (r.receivedOn().isBefore(EARLIEST)) {
      errors.add("receivedOn: " + r.receivedOn() + " is before " + EARLIEST);
    }
    if (r.resolvedOn() != null) {
      if (r.status() != SuggestionRequest.Status.RESOLVED) {
        errors.add("resolvedOn: only a RESOLVED suggestion has a resolvedOn, this one is " + r.status());
      } else if (r.resolvedOn().isBefore(r.receivedOn())) {
        errors.add("resolvedOn: " + r.resolvedOn() + " is before receivedOn " + r.receivedOn());
      } else if (r.resolvedOn().isAfter(today)) {
        errors.add("resolvedOn: " + r.resolvedOn() + " is in the future");
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.suggestion.not-recorded", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }

    Suggestion wanted = new Suggestion(suggestionId, r.receivedOn(), r.category(), r.channel(), r.status(), r.resolvedOn());
    Optional<Suggestion> existing = find(schoolId, suggestionId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, false, existing.get(),
          trail.versionOf(schoolId, FAMILY, suggestionId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, suggestionId);
    }
    jdbc.sql("""
            insert into parent_suggestion (school_id, suggestion_id, received_on, category, channel, status, resolved_on, updated_at)
            values (:school, :suggestion, :received, :category, :channel, :status, :resolved, :at)
            on conflict (school_id, suggestion_id) do update set received_on = excluded.received_on,
              category = excluded.category, channel = excluded.channel, status = excluded.status,
              resolved_on = excluded.resolved_on, updated_at = excluded.updated_at
            """)
        .param("school", schoolId)
        .param("suggestion", suggestionId)
        .param("received", Date.valueOf(wanted.receivedOn()))
        .param("category", wanted.category().name())
        .param("channel", wanted.channel().name())
        .param("status", wanted.status().name())
        .param("resolved", wanted.resolvedOn() == null ? null : Date.valueOf(wanted.resolvedOn()))
        .param("at", Timestamp.from(clock.instant()))
        .update();
    // A suggestion counts in the school year it was received in: a corrected receivedOn moves it from
    // one year to another, so both the old and the new day's years are re-derived.
    List<LocalDate> days = existing.isPresent() ? List.of(existing.get().receivedOn(), wanted.receivedOn()) : List.of(wanted.receivedOn());
    events.publishEvent(RecordsChanged.of(schoolId, days, IndicatorCodes.SUGGESTIONS_RESOLVED));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, suggestionId, wanted, reason)
        : trail.corrected(schoolId, FAMILY, suggestionId, existing.get(), wanted, reason);
    return new Saved(existing.isEmpty(), true, wanted, version);
  }

  /** Withdraws a suggestion: it leaves the table (no figure counts it) and stays in its trail. 404 unknown, 409 withdrawn already. */
  @Transactional
  Tracked<Suggestion> withdraw(String schoolId, String suggestionId, String reason) {
    registry.lockForUpdate(schoolId);
    Suggestion existing = trail.requireWithdrawable(schoolId, FAMILY, suggestionId, find(schoolId, suggestionId));
    jdbc.sql("delete from parent_suggestion where school_id = ? and suggestion_id = ?").params(schoolId, suggestionId).update();
    events.publishEvent(RecordsChanged.of(schoolId, List.of(existing.receivedOn()), IndicatorCodes.SUGGESTIONS_RESOLVED));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, suggestionId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  /** The suggestions received in a school year as the school reads them back: active ones, then withdrawn ones. */
  List<Tracked<Suggestion>> tracked(String schoolId, Period schoolYear) {
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<Suggestion>> all = new ArrayList<>();
    list(schoolId, schoolYear).forEach(s -> all.add(trail.active(s, versions, s.suggestionId())));
    LocalDate start = schoolYear.start(calendar.calendar());
    LocalDate end = schoolYear.endExclusive(calendar.calendar());
    trail.withdrawnRecords(schoolId, FAMILY, Suggestion.class).stream()
        .filter(t -> !t.record().receivedOn().isBefore(start) && t.record().receivedOn().isBefore(end))
        .forEach(all::add);
    return all;
  }

  List<HistoryEntry> history(String schoolId, String suggestionId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, suggestionId, find(schoolId, suggestionId));
  }

  Optional<Suggestion> find(String schoolId, String suggestionId) {
    return jdbc.sql(SELECT + " where school_id = ? and suggestion_id = ?")
        .params(schoolId, suggestionId)
        .query((rs, n) -> suggestion(rs))
        .optional();
  }

  /** The suggestions received in a school year. */
  List<Suggestion> list(String schoolId, Period schoolYear) {
    registry.require(schoolId);
    return jdbc.sql(SELECT + " where school_id = ? and received_on >= ? and received_on < ? order by received_on, suggestion_id")
        .params(schoolId, Date.valueOf(schoolYear.start(calendar.calendar())), Date.valueOf(schoolYear.endExclusive(calendar.calendar())))
        .query((rs, n) -> suggestion(rs))
        .list();
  }

  private static final String SELECT =
      "select suggestion_id, received_on, category, channel, status, resolved_on from parent_suggestion";

  private static Suggestion suggestion(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Suggestion(rs.getString(1), rs.getDate(2).toLocalDate(), SuggestionRequest.Category.valueOf(rs.getString(3)),
        SuggestionRequest.Channel.valueOf(rs.getString(4)), SuggestionRequest.Status.valueOf(rs.getString(5)),
        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate());
  }
}
