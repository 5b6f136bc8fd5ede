package org.gongyu.school.parentschool;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.SchoolCalendar;

/**
 * The derivation rules of the parent-school indicators (docs/indicators.md), as pure functions of
 * the school's records, so each edge (a period's last day, a change of head, an instructor who
 * left) is tested without a database.
 */
final class ParentSchoolRules {

  private ParentSchoolRules() {}

  /** A head of the parent school from a day on. */
  record Head(LocalDate from, String name) {}

  /** A completed training: who, when. */
  record Training(String personName, LocalDate completedOn) {}

  /** An instructor's certification and, if they left, when. */
  record Certification(LocalDate certifiedOn, LocalDate leftOn) {}

  /** The last day of a period (snapshot indicators are the state on that day). */
  static LocalDate lastDay(Period period, SchoolCalendar calendar) {
    return period.endExclusive(calendar).minusDays(1);
  }

  /** {@code PARENT_SCHOOL_ESTABLISHED}: 1/1 if established on or before the last day, else 0/1. */
  static Figure established(Optional<LocalDate> establishedOn, LocalDate lastDay) {
    return new Figure(isEstablished(establishedOn, lastDay) ? 1 : 0, 1);
  }

  private static boolean isEstablished(Optional<LocalDate> establishedOn, LocalDate day) {
    return establishedOn.isPresent() && !establishedOn.get().isAfter(day);
  }

  /**
   * The head on a day: the latest change on or before it; before the first recorded change, the
   * first head recorded (taken as head since the parent school was established).
   */
  static Optional<String> headOn(List<Head> heads, LocalDate day) {
    return heads.stream()
        .filter(h -> !h.from().isAfter(day))
        .max(Comparator.comparing(Head::from))
        .or(() -> heads.stream().min(Comparator.comparing(Head::from)))
        .map(Head::name);
  }

  /**
   * {@code HEAD_TRAINING}: denominator 1 if the parent school is established by the year's last
   * day (else 0/0); numerator 1 if, in addition, the head as of that day completed a training on or
   * before it.
   */
  static Figure headTraining(Optional<LocalDate> establishedOn, List<Head> heads, List<Training> trainings, LocalDate lastDay) {
    if (!isEstablished(establishedOn, lastDay)) {
      return new Figure(0, 0);
    }
    Optional<String> head = headOn(heads, lastDay).map(ParentSchoolRules::sameName);
    boolean trained = head.isPresent() && trainings.stream()
        .anyMatch(t -> !t.completedOn().isAfter(lastDay) && sameName(t.personName()).equals(head.get()));
    return new Figure(trained ? 1 : 0, 1);
  }

  /** Names compare with outer blanks removed and inner runs of blanks as one space. */
  static String sameName(String name) {
    return name.strip().replaceAll("\\s+", " ");
  }

  /**
   * {@code INSTRUCTOR_COVERAGE}: 1/1 if an instructor was certified on or before the last day and
   * had not left by it (left on a later day), else 0/1.
   */
  static Figure instructorCoverage(List<Certification> instructors, LocalDate lastDay) {
    boolean covered = instructors.stream()
        .anyMatch(i -> !i.certifiedOn().isAfter(lastDay) && (i.leftOn() == null || i.leftOn().isAfter(lastDay)));
    return new Figure(covered ? 1 : 0, 1);
  }

  /**
   * A certificate of the city's copy (ADR 0025): valid on a day from its issue until (excluding) its
   * expiry or revocation day.
   */
  record CityCertificate(String number, String holderName, LocalDate issuedOn, LocalDate expiresOn, LocalDate revokedOn,
      long version) {
    boolean validOn(LocalDate day) {
      return !day.isBefore(issuedOn) && day.isBefore(expiresOn) && (revokedOn == null || day.isBefore(revokedOn));
    }
  }

  /**
   * How an instructor's certificate stands against the city's on a day: {@code NOT_FOUND} (未持证: the
   * city issued no certificate of that number), {@code HOLDER_MISMATCH} (issued to someone else),
   * {@code REVOKED} (revoked on or before the day), {@code EXPIRED} (expired on or before it),
   * {@code NOT_YET_ISSUED}, or {@code VALID}.
   */
  enum CertificateCheck { VALID, EXPIRED, REVOKED, NOT_YET_ISSUED, HOLDER_MISMATCH, NOT_FOUND }

  static CertificateCheck check(String instructorName, Optional<CityCertificate> certificate, LocalDate day) {
    if (certificate.isEmpty()) {
      return CertificateCheck.NOT_FOUND;
    }
    CityCertificate c = certificate.get();
    if (!sameName(c.holderName()).equals(sameName(instructorName))) {
      return CertificateCheck.HOLDER_MISMATCH;
    }
    if (c.revokedOn() != null && !day.isBefore(c.revokedOn())) {
      return CertificateCheck.REVOKED;
    }
    if (!day.isBefore(c.expiresOn())) {
      return CertificateCheck.EXPIRED;
    }
    if (day.isBefore(c.issuedOn())) {
      return CertificateCheck.NOT_YET_ISSUED;
    }
    return CertificateCheck.VALID;
  }

  /** An instructor as INSTRUCTOR_LICENSED reads it: name, certification, leaving, and the city's certificate of its number. */
  record LicensedInstructor(String name, LocalDate certifiedOn, LocalDate leftOn, Optional<CityCertificate> certificate) {}

  /**
   * {@code INSTRUCTOR_LICENSED} (T19, 持证上岗): of the instructors in post on the last day (certified on
   * or before it, not left by it), those whose certificate number is a city certificate issued to them
   * and valid on that day / all of them.
   */
  static Figure instructorLicensed(List<LicensedInstructor> instructors, LocalDate lastDay) {
    long inPost = 0;
    long licensed = 0;
    for (LicensedInstructor i : instructors) {
      if (i.certifiedOn().isAfter(lastDay) || (i.leftOn() != null && !i.leftOn().isAfter(lastDay))) {
        continue;
      }
      inPost++;
      if (check(i.name(), i.certificate(), lastDay) == CertificateCheck.VALID) {
        licensed++;
      }
    }
    return new Figure(licensed, inPost);
  }

  /** {@code COLLECTIVE_SESSIONS}: collective sessions dated in [start, endExclusive), over 1. */
  static Figure collectiveSessions(List<Session> sessions, LocalDate start, LocalDate endExclusive) {
    long n = sessions.stream()
        .filter(s -> s.type() == Session.Type.COLLECTIVE && within(s.date(), start, endExclusive))
        .count();
    return new Figure(n, 1);
  }

  /**
   * {@code CLASS_SESSIONS}: of {@code classIds} (the classes of the semester's school year), those
   * with at least two class sessions dated in [start, endExclusive) / all of them.
   */
  static Figure classSessions(List<Session> sessions, Collection<String> classIds, LocalDate start, LocalDate endExclusive) {
    Map<String, Integer> perClass = new HashMap<>();
    for (Session s : sessions) {
      if (s.type() == Session.Type.CLASS && within(s.date(), start, endExclusive)) {
        perClass.merge(s.classId(), 1, Integer::sum);
      }
    }
    long covered = classIds.stream().distinct().filter(c -> perClass.getOrDefault(c, 0) >= 2).count();
    return new Figure(covered, classIds.stream().distinct().count());
  }

  /**
   * {@code LECTURER_REGISTRATION} (T18, ADR 0024): of the distinct lecturers of the sessions dated
   * in [start, endExclusive) (a registry lecturer by id; an unregistered one by name, names compared
   * by {@link #sameName}), those that are registry lecturers registered and trained ({@code
   * registeredAndTrained}, the school's copy of the registry as it stands) / all of them; 0/0
   * without sessions.
   */
  static Figure lecturerRegistration(List<Session> sessions, Set<String> registeredAndTrained, LocalDate start,
      LocalDate endExclusive) {
    Set<String> ids = new java.util.HashSet<>();
    Set<String> names = new java.util.HashSet<>();
    for (Session s : sessions) {
      if (!within(s.date(), start, endExclusive)) {
        continue;
      }
      if (s.lecturerId() != null) {
        ids.add(s.lecturerId());
      } else if (s.lecturer() != null && !s.lecturer().isBlank()) {
        names.add(sameName(s.lecturer()));
      }
    }
    long counted = ids.stream().filter(registeredAndTrained::contains).count();
    return new Figure(counted, ids.size() + names.size());
  }

  private static boolean within(LocalDate day, LocalDate start, LocalDate endExclusive) {
    return !day.isBefore(start) && day.isBefore(endExclusive);
  }
}
