package org.gongyu.school.privacy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guardian consent for the sensitive record families (issue 12 item 7; table {@code
 * guardian_consent}). A special-student entry or a consultation case is created only while the
 * student's consent for its category stands, when {@code gongyu.school.consent.required} is on.
 */
@Service
public class GuardianConsents {

  /** The sensitive categories that need a guardian's consent. */
  public enum Category {
    SPECIAL_CARE, CONSULTATION
  }

  /** How the consent or its withdrawal was given. */
  public enum Basis {
    WRITTEN, ELECTRONIC, ORAL_RECORDED
  }

  /** A consent as the API shows it: no student reference. */
  public record Consent(long id, String category, LocalDate givenOn, String basis, LocalDate withdrawnOn, String withdrawalBasis) {}

  private final JdbcClient jdbc;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  private final boolean required;

  GuardianConsents(JdbcClient jdbc, Pseudonymizer pseudonymizer, Clock clock,
      @Value("${gongyu.school.consent.required:true}") boolean required) {
    this.jdbc = jdbc;
    this.pseudonymizer = pseudonymizer;
    this.clock = clock;
    this.required = required;
  }

  /** A consent and whether this call recorded it (false: an identical standing one was there). */
  public record Given(Consent consent, boolean created) {}

  /**
   * Records a guardian's consent for a student and category. Idempotent: when the same consent
   * (student, category, day and basis) stands already, that one is returned and nothing is stored,
   * so a school system or loader that sends it again does not pile up copies.
   */
  @Transactional
  public Given give(String schoolId, String studentRef, Category category, LocalDate givenOn, Basis basis) {
    String studentKey = pseudonymizer.student(schoolId, studentRef);
    // two identical requests at once: the second waits and then finds the first one's row
    jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext('guardian_consent'), hashtext(? || ? || ?))) l")
        .params(schoolId, studentKey, category.name()).query(Integer.class).single();
    Optional<Long> standing = jdbc.sql("""
            select id from guardian_consent where school_id = ? and student_key = ? and category = ? and given_on = ?
              and basis = ? and withdrawn_on is null order by id limit 1""")
        .params(schoolId, studentKey, category.name(), Date.valueOf(givenOn), basis.name())
        .query(Long.class).optional();
    if (standing.isPresent()) {
      return new Given(find(schoolId, standing.get()).orElseThrow(), false);
    }
    long id = jdbc.sql("""
            insert into guardian_consent (school_id, student_key, category, given_on, basis, recorded_at, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?) returning id""")
        .params(schoolId, studentKey, category.name(), Date.valueOf(givenOn), basis.name(),
            Timestamp.from(clock.instant()), caller())
        .query(Long.class).single();
    return new Given(find(schoolId, id).orElseThrow(), true);
  }

  /** Records the withdrawal of a consent; a consent already withdrawn is a 409. */
  @Transactional
  public Consent withdraw(String schoolId, long id, LocalDate withdrawnOn, Basis basis) {
    Consent c = find(schoolId, id).orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.consent.not-found", id)));
    if (c.withdrawnOn() != null) {
      throw ApiProblem.conflict(Msg.msg("school.consent.already-withdrawn", id, c.withdrawnOn()));
    }
    if (withdrawnOn.isBefore(c.givenOn())) {
      throw ApiProblem.unprocessable(Msg.msg("school.consent.withdrawn-before-given", "withdrawnOn", c.givenOn()), null);
    }
    jdbc.sql("""
            update guardian_consent set withdrawn_on = ?, withdrawal_basis = ?, withdrawn_at = ?, withdrawn_by = ?
            where school_id = ? and id = ? and withdrawn_on is null""")
        .params(Date.valueOf(withdrawnOn), basis.name(), Timestamp.from(clock.instant()), caller(), schoolId, id)
        .update();
    return find(schoolId, id).orElseThrow();
  }

  Optional<Consent> find(String schoolId, long id) {
    return jdbc.sql("""
            select id, category, given_on, basis, withdrawn_on, withdrawal_basis from guardian_consent
            where school_id = ? and id = ?""")
        .params(schoolId, id)
        .query((rs, n) -> new Consent(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
            rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getString(6)))
        .optional();
  }

  /**
   * Refuses (409, naming the category) a new record of a student whose guardian has no standing
   * consent for the category on {@code day}: given on or before it and not withdrawn.
   */
  public void requireStanding(String schoolId, String studentKey, Category category, LocalDate day) {
    if (!required) {
      return;
    }
    boolean standing = jdbc.sql("""
            select exists (select 1 from guardian_consent where school_id = ? and student_key = ? and category = ?
              and given_on <= ? and withdrawn_on is null)""")
        .params(schoolId, studentKey, category.name(), Date.valueOf(day))
        .query(Boolean.class).single();
    if (!standing) {
      throw ApiProblem.conflict(Msg.msg("school.consent.missing", category.name(), day));
    }
  }

  private static String caller() {
    return Caller.of(SecurityContextHolder.getContext().getAuthentication()).map(Caller::subject).orElse("system");
  }
}
