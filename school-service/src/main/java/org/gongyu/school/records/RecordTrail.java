package org.gongyu.school.records;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trail of every record family the school keeps (issue 13 item 1): one row per version in
 * {@code record_version} (V10), append-only. A writer calls it inside its own transaction, after it
 * has taken the school's lock and changed its table:
 *
 * <ul>
 *   <li>a new record: {@link #created} (after {@link #refuseIfWithdrawn}: a withdrawn id is not
 *       recorded again);
 *   <li>other content for a stored record: {@link #requireReason}, then {@link #corrected};
 *   <li>a withdrawal: the writer deletes its row (so no figure counts it) and calls {@link
 *       #withdrawn}; the record's last content stays readable from here.
 * </ul>
 *
 * The content is the record as the school tier answers it (a family's own record type, serialised
 * as JSON): never notes, never a student's or guardian's reference.
 */
@Service
public class RecordTrail {

  /** The longest reason kept. */
  public static final int MAX_REASON = 500;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  RecordTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** What was done to a record in one version. */
  public enum Action { CREATED, CORRECTED, WITHDRAWN }

  /** The newest version of a record. */
  public record Latest(int version, Action action, String reason, Instant at) {
    public boolean withdrawn() {
      return action == Action.WITHDRAWN;
    }
  }

  /** 400 naming {@code reason}, unless a reason of 1..500 characters is given. */
  public static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiProblem.invalid(Msg.msg("school.record.reason-required"), List.of(Msg.msg("school.record.reason-required.field")));
    }
    if (reason.strip().length() > MAX_REASON) {
      throw ApiProblem.invalid(Msg.msg("school.record.reason-required"), List.of(Msg.msg("school.record.reason-too-long", MAX_REASON)));
    }
    return reason.strip();
  }

  /** 409 if the record was withdrawn: a withdrawn record is neither corrected nor recorded again. */
  public void refuseIfWithdrawn(String schoolId, String family, String recordId) {
    if (latest(schoolId, family, recordId).filter(Latest::withdrawn).isPresent()) {
      throw ApiProblem.conflict(Msg.msg("school.record.withdrawn", recordId));
    }
  }

  /** 404 if there is no such record, 409 if it is withdrawn; otherwise the stored record. */
  public <T> T requireActive(String schoolId, String family, String recordId, Optional<T> stored) {
    if (stored.isPresent()) {
      return stored.get();
    }
    refuseIfWithdrawn(schoolId, family, recordId);
    throw ApiProblem.notFound(Msg.msg("school.record.unknown", recordId));
  }

  /** 404 if there is no such record, 409 if it is withdrawn already; otherwise the stored record. */
  public <T> T requireWithdrawable(String schoolId, String family, String recordId, Optional<T> stored) {
    if (stored.isPresent()) {
      return stored.get();
    }
    if (latest(schoolId, family, recordId).filter(Latest::withdrawn).isPresent()) {
      throw ApiProblem.conflict(Msg.msg("school.record.already-withdrawn", recordId));
    }
    throw ApiProblem.notFound(Msg.msg("school.record.unknown", recordId));
  }

  /**
   * Whether the caller is one of the school's own users (the endpoint's rule has checked the
   * school): only they read withdrawn records and trails.
   */
  public static boolean ownSchoolCaller() {
    return Caller.of(SecurityContextHolder.getContext().getAuthentication())
        .map(c -> c.tier() == Role.Tier.SCHOOL)
        .orElse(false);
  }

  /** Appends version 1 of a new record. */
  public int created(String schoolId, String family, String recordId, Object content, String reason) {
    int version = latest(schoolId, family, recordId).map(Latest::version).orElse(0) + 1;
    append(schoolId, family, recordId, version, Action.CREATED, blankToNull(reason), actor(), clock.instant(), content);
    return version;
  }

  /**
   * Appends the corrected content; a record stored before trails were kept first gets its earlier
   * content as version 1 (no actor).
   */
  public int corrected(String schoolId, String family, String recordId, Object before, Object after, String reason) {
    int version = baseline(schoolId, family, recordId, before) + 1;
    append(schoolId, family, recordId, version, Action.CORRECTED, reason, actor(), clock.instant(), after);
    return version;
  }

  /** Appends the withdrawal, with the record's last content. */
  public Latest withdrawn(String schoolId, String family, String recordId, Object last, String reason) {
    int version = baseline(schoolId, family, recordId, last) + 1;
    Instant at = clock.instant();
    append(schoolId, family, recordId, version, Action.WITHDRAWN, reason, actor(), at, last);
    return new Latest(version, Action.WITHDRAWN, reason, at);
  }

  /** The newest version of a record, if it has a trail. */
  public Optional<Latest> latest(String schoolId, String family, String recordId) {
    return jdbc.sql("""
            select version, action, reason, at from record_version where school_id = ? and family = ? and record_id = ?
            order by version desc limit 1""")
        .params(schoolId, family, recordId)
        .query((rs, n) -> new Latest(rs.getInt(1), Action.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /** The version of each record of a family that has a trail (a record without one is at version 1). */
  public Map<String, Integer> versions(String schoolId, String family) {
    Map<String, Integer> versions = new HashMap<>();
    jdbc.sql("select record_id, max(version) from record_version where school_id = ? and family = ? group by record_id")
        .params(schoolId, family)
        .query(rs -> {
          versions.put(rs.getString(1), rs.getInt(2));
        });
    return versions;
  }

  /** A record as listed: its content and how it stands. */
  public <T> Tracked<T> active(T record, Map<String, Integer> versions, String recordId) {
    return Tracked.active(record, versions.getOrDefault(recordId, 1));
  }

  /** The records of a family that are withdrawn, with their last content, oldest withdrawal first. */
  public <T> List<Tracked<T>> withdrawnRecords(String schoolId, String family, Class<T> type) {
    return jdbc.sql("""
            select v.version, v.reason, v.at, v.content::text from record_version v
            where v.school_id = ? and v.family = ? and v.action = 'WITHDRAWN'
              and v.version = (select max(w.version) from record_version w
                               where w.school_id = v.school_id and w.family = v.family and w.record_id = v.record_id)
            order by v.at, v.record_id""")
        .params(schoolId, family)
        .query((rs, n) -> Tracked.withdrawn(read(rs.getString(4), type), rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /**
   * The rows of a batch to insert, of those not stored yet ({@link IdempotentBatch#fresh}): a record
   * withdrawn earlier and re-sent is not recorded again (it counts as already recorded). Every
   * batch ingest of the school's record families goes through here, so a replay is treated the
   * same way in each.
   */
  public <R> List<R> notWithdrawn(String schoolId, String family, List<R> unstored, java.util.function.Function<R, String> recordId) {
    java.util.Set<String> withdrawn = withdrawnAmong(schoolId, family, unstored.stream().map(recordId).toList());
    return withdrawn.isEmpty() ? unstored : unstored.stream().filter(r -> !withdrawn.contains(recordId.apply(r))).toList();
  }

  /**
   * Which of {@code recordIds} are withdrawn: what a batch checks its new items against (a withdrawn
   * id re-sent is not recorded again). Reads only those ids' trails (the unique index on school,
   * family, record id, version), not every withdrawal of the school as {@link #withdrawnRecords}.
   */
  public java.util.Set<String> withdrawnAmong(String schoolId, String family, java.util.Collection<String> recordIds) {
    if (recordIds.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.sql("""
            select record_id from (
              select distinct on (record_id) record_id, action from record_version
              where school_id = ? and family = ? and record_id = any(?) order by record_id, version desc) latest
            where action = 'WITHDRAWN'""")
        .params(schoolId, family, recordIds.toArray(String[]::new))
        .query(String.class)
        .list());
  }

  /** The version of a stored record: its trail's latest, or 1 for one stored before its family had a trail. */
  public int versionOf(String schoolId, String family, String recordId) {
    return latest(schoolId, family, recordId).map(Latest::version).orElse(1);
  }

  /**
   * One record as the school reads it back: {@code active} (the record as stored, if it is) with its
   * version, else the withdrawn one from its trail, else nothing.
   */
  public <T> Optional<Tracked<T>> read(String schoolId, String family, String recordId, Optional<T> active, Class<T> type) {
    if (active.isPresent()) {
      return Optional.of(Tracked.active(active.get(), versionOf(schoolId, family, recordId)));
    }
    return withdrawnRecord(schoolId, family, recordId, type);
  }

  /** One withdrawn record, if the record is withdrawn. */
  public <T> Optional<Tracked<T>> withdrawnRecord(String schoolId, String family, String recordId, Class<T> type) {
    return jdbc.sql("""
            select version, action, reason, at, content::text from record_version where school_id = ? and family = ? and record_id = ?
            order by version desc limit 1""")
        .params(schoolId, family, recordId)
        .query((rs, n) -> Action.valueOf(rs.getString(2)) != Action.WITHDRAWN ? null
            : Tracked.withdrawn(read(rs.getString(5), type), rs.getInt(1), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /**
   * The content of every version of each of {@code recordIds} that has a trail, oldest first: what
   * a family keyed by something other than the record id (home-visit files, by student) compares a
   * re-sent item with.
   */
  public <T> Map<String, List<T>> contents(String schoolId, String family, java.util.Collection<String> recordIds, Class<T> type) {
    Map<String, List<T>> contents = new HashMap<>();
    if (recordIds.isEmpty()) {
      return contents;
    }
    jdbc.sql("""
            select record_id, content::text from record_version
            where school_id = ? and family = ? and record_id = any(?) order by record_id, version""")
        .params(schoolId, family, recordIds.toArray(String[]::new))
        .query(rs -> {
          contents.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(read(rs.getString(2), type));
        });
    return contents;
  }

  /**
   * Every version of a record, oldest first; a record stored before trails were kept and never
   * changed since answers its current content as version 1 ({@code current}, may be empty).
   */
  public List<HistoryEntry> history(String schoolId, String family, String recordId, Optional<?> current) {
    List<HistoryEntry> versions = jdbc.sql("""
            select version, action, reason, actor, at, content::text from record_version
            where school_id = ? and family = ? and record_id = ? order by version""")
        .params(schoolId, family, recordId)
        .query((rs, n) -> new HistoryEntry(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant(), tree(rs.getString(6))))
        .list();
    if (versions.isEmpty() && current.isPresent()) {
      return List.of(new HistoryEntry(1, Action.CREATED.name(), null, null, null, json.valueToTree(current.get())));
    }
    if (versions.isEmpty()) {
      throw ApiProblem.notFound(Msg.msg("school.record.unknown", recordId));
    }
    return versions;
  }

  private int baseline(String schoolId, String family, String recordId, Object before) {
    Optional<Latest> latest = latest(schoolId, family, recordId);
    if (latest.isPresent()) {
      return latest.get().version();
    }
    // recorded before V10: its content until now is version 1
    append(schoolId, family, recordId, 1, Action.CREATED, null, null, clock.instant(), before);
    return 1;
  }

  private void append(String schoolId, String family, String recordId, int version, Action action, String reason, String actor,
      Instant at, Object content) {
    jdbc.sql("""
            insert into record_version (school_id, family, record_id, version, action, reason, actor, at, content)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
        .params(schoolId, family, recordId, version, action.name(), reason, actor, Timestamp.from(at), write(content))
        .update();
  }

  private static String actor() {
    return Caller.of(SecurityContextHolder.getContext().getAuthentication())
        .map(c -> c.username() != null ? c.username() : c.subject())
        .orElse(null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private String write(Object content) {
    return json.writeValueAsString(content);
  }

  private JsonNode tree(String text) {
    return json.readTree(text);
  }

  private <T> T read(String text, Class<T> type) {
    return json.readValue(text, type);
  }
}
