package org.gongyu.school.privacy;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of who read which sensitive school record, when and why (issue 12 item 6; table
 * {@code sensitive_read}, append-only). Every endpoint that answers a special-student entry, a
 * consultation case or a home-visit file, or a list of them, calls {@link #record} before it answers.
 */
@Service
public class SensitiveReads {

  /** Header and query parameter that carry why the record is read. */
  public static final String HEADER = "X-Purpose";
  public static final String PARAM = "purpose";

  /** The record families whose reads are recorded. */
  public enum Family {
    SPECIAL_CARE, CONSULTATION, HOME_VISIT_FILE
  }

  /** Why a record is read: 家访跟进, 个案辅导, 统计核对, 其他. */
  public enum Purpose {
    FOLLOW_UP, COUNSELLING, STATISTICS_CHECK, OTHER
  }

  /** One recorded read. */
  public record Read(long id, Instant at, String actor, String username, String roles, String family, String recordId,
      String filter, String purpose) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  SensitiveReads(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The purpose the request states (header {@value #HEADER}, else query {@value #PARAM}); an
   * unknown value is a 400 naming {@code purpose}; none is a 400 when {@code required}.
   */
  public Purpose purpose(HttpServletRequest request, boolean required) {
    String raw = request.getHeader(HEADER);
    if (raw == null || raw.isBlank()) {
      raw = request.getParameter(PARAM);
    }
    if (raw == null || raw.isBlank()) {
      if (required) {
        throw ApiProblem.badRequest(new Msg("school.sensitive-read.purpose-required", PARAM, HEADER));
      }
      return null;
    }
    try {
      return Purpose.valueOf(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(new Msg("school.sensitive-read.purpose-unknown", PARAM));
    }
  }

  /** Records a read of one record. Written in its own transaction: a read is recorded even if the answer then fails. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordOne(String schoolId, Family family, String recordId, Purpose purpose) {
    append(schoolId, family, recordId, null, purpose);
  }

  /** Records a read of a list and its filter. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordList(String schoolId, Family family, String filter, Purpose purpose) {
    append(schoolId, family, null, filter == null ? "" : filter, purpose);
  }

  private void append(String schoolId, Family family, String recordId, String filter, Purpose purpose) {
    Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication())
        .orElseThrow(() -> new IllegalStateException("a sensitive read without an authenticated caller"));
    jdbc.sql("""
            insert into sensitive_read (at, school_id, actor, username, roles, family, record_id, filter, purpose)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(Timestamp.from(clock.instant()), schoolId, caller.subject(), caller.username(),
            caller.roles().stream().map(Role::realmName).sorted().collect(Collectors.joining(",")), family.name(),
            recordId, filter, purpose == null ? null : purpose.name())
        .update();
  }

  /** A page of a school's recorded reads in [from, to), newest first, optionally of one family. */
  public List<Read> list(String schoolId, Instant from, Instant to, Family family, int page, int size) {
    return jdbc.sql("""
            select id, at, actor, username, roles, family, record_id, filter, purpose from sensitive_read
            where school_id = :school and at >= :from and at < :to and (cast(:family as varchar) is null or family = :family)
            order by at desc, id desc limit :size offset :offset""")
        .param("school", schoolId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .param("family", family == null ? null : family.name()).param("size", size).param("offset", (long) page * size)
        .query((rs, n) -> new Read(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)))
        .list();
  }

  /** How many reads {@link #list} pages through. */
  public long count(String schoolId, Instant from, Instant to, Family family) {
    return jdbc.sql("""
            select count(*) from sensitive_read
            where school_id = :school and at >= :from and at < :to and (cast(:family as varchar) is null or family = :family)""")
        .param("school", schoolId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .param("family", family == null ? null : family.name())
        .query(Long.class).single();
  }
}
