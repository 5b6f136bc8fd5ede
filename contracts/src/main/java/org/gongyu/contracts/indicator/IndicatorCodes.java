package org.gongyu.contracts.indicator;

import java.util.List;

/**
 * Stable indicator codes of the default catalogue (shared/domain/indicators.md). Codes travel as
 * strings so that a consumer that does not know a newer code can still store and forward it.
 */
public final class IndicatorCodes {

  /** Students with at least one guardian registered on the digital parent-school platform / enrolled students. */
  public static final String PLATFORM_REGISTRATION = "PLATFORM_REGISTRATION";
  /** Learning sessions on the platform in the school year / registered parents. */
  public static final String PARENT_LEARNING_PER_CAPITA = "PARENT_LEARNING_PER_CAPITA";
  /** Distinct family-education resources recommended to the school's parents in the calendar year. */
  public static final String RESOURCES_RECOMMENDED = "RESOURCES_RECOMMENDED";
  /** Collective (whole-school) parent-school sessions in the semester. */
  public static final String COLLECTIVE_SESSIONS = "COLLECTIVE_SESSIONS";
  /** Classes with at least two class-based parent-school sessions in the semester / classes. */
  public static final String CLASS_SESSIONS = "CLASS_SESSIONS";
  /** Whether the school has an established parent school (person in charge, structure). */
  public static final String PARENT_SCHOOL_ESTABLISHED = "PARENT_SCHOOL_ESTABLISHED";
  /** Parent-school heads who completed co-education training / parent-school heads. */
  public static final String HEAD_TRAINING = "HEAD_TRAINING";
  /** Whether the school has at least one certified family-education instructor. */
  public static final String INSTRUCTOR_COVERAGE = "INSTRUCTOR_COVERAGE";
  /** Whether the school has a school-level parent committee in term. */
  public static final String COMMITTEE_COVERAGE = "COMMITTEE_COVERAGE";
  /** Students whose parent had at least one direct contact (any mode) in the semester / enrolled students. */
  public static final String PARENT_CONTACT = "PARENT_CONTACT";
  /** Students with an in-home visit in the current 3-year cycle / enrolled students. */
  public static final String HOME_VISIT_3Y = "HOME_VISIT_3Y";
  /** Visited students with a home-visit file / visited students. */
  public static final String VISIT_FILES = "VISIT_FILES";
  /** Registered left-behind or special students with a care file and assistance plan / registered ones. */
  public static final String SPECIAL_CARE = "SPECIAL_CARE";
  /** Families who received the consultation-service information / enrolled students' families. */
  public static final String CONSULTATION_OUTREACH = "CONSULTATION_OUTREACH";
  /** Consultation cases resolved / cases opened. */
  public static final String CONSULTATION_RESOLUTION = "CONSULTATION_RESOLUTION";
  /** Students whose family took part in at least one of the "six ones" activities / enrolled students. */
  public static final String SIX_ONES_PARTICIPATION = "SIX_ONES_PARTICIPATION";
  /** Parent suggestions resolved / suggestions received. */
  public static final String SUGGESTIONS_RESOLVED = "SUGGESTIONS_RESOLVED";
  /** Schools holding the demonstration title (awarded, not revoked); counted by the county programme. */
  public static final String DEMONSTRATION_SCHOOLS = "DEMONSTRATION_SCHOOLS";
  /**
   * Lecturers of the school year's parent-school sessions who were registered with and trained by the
   * city centre (as the school's copy of the registry stands when derived) / distinct lecturers of
   * those sessions (registry ids plus distinct free-text names). Seeds T18, ADR 0024.
   */
  public static final String LECTURER_REGISTRATION = "LECTURER_REGISTRATION";
  /** Days in the semester on which the school held a parent meeting (家长会), whole school or class. */
  public static final String PARENT_MEETINGS = "PARENT_MEETINGS";
  /** "Parents' lecture hall" (父母大讲堂) sessions held in the school year. */
  public static final String LECTURE_HALL_SESSIONS = "LECTURE_HALL_SESSIONS";
  /** Students who checked in on every day of a reading campaign ended in the semester / students who checked in at all. */
  public static final String READING_CAMPAIGN_COMPLETION = "READING_CAMPAIGN_COMPLETION";
  /** Classes of the semester's school year with a class parent committee in term on its last day / those classes. */
  public static final String CLASS_COMMITTEE_COVERAGE = "CLASS_COMMITTEE_COVERAGE";
  /**
   * Instructors in post on the semester's last day holding a city instructor certificate valid on that
   * day (issued to them, not expired, not revoked) / instructors in post. Seeds T19, ADR 0025.
   */
  public static final String INSTRUCTOR_LICENSED = "INSTRUCTOR_LICENSED";
  /**
   * Students of the school year's classes with at least one consultation case opened in the year (a
   * family-education problem found) / Σ enrolment of those classes. Seeds T10 (发现率), no target ("提高").
   */
  public static final String PROBLEM_DISCOVERY = "PROBLEM_DISCOVERY";

  /** Every code of the default catalogue, in the catalogue's order. */
  public static final List<String> ALL = List.of(
      PLATFORM_REGISTRATION, PARENT_LEARNING_PER_CAPITA, RESOURCES_RECOMMENDED, COLLECTIVE_SESSIONS, CLASS_SESSIONS,
      PARENT_SCHOOL_ESTABLISHED, HEAD_TRAINING, INSTRUCTOR_COVERAGE, COMMITTEE_COVERAGE, PARENT_CONTACT, HOME_VISIT_3Y,
      VISIT_FILES, SPECIAL_CARE, CONSULTATION_OUTREACH, CONSULTATION_RESOLUTION, SIX_ONES_PARTICIPATION,
      SUGGESTIONS_RESOLVED, DEMONSTRATION_SCHOOLS,
      LECTURER_REGISTRATION, PARENT_MEETINGS, LECTURE_HALL_SESSIONS, READING_CAMPAIGN_COMPLETION,
      CLASS_COMMITTEE_COVERAGE, INSTRUCTOR_LICENSED, PROBLEM_DISCOVERY);

  /**
   * Codes in the catalogue's order ({@link #ALL}); codes it does not know (a newer catalogue's) after
   * them, by code. The one ordering every list of indicators uses outside the city's own table.
   */
  public static final java.util.Comparator<String> CATALOGUE_ORDER = java.util.Comparator
      .comparingInt((String code) -> {
        int at = ALL.indexOf(code);
        return at < 0 ? Integer.MAX_VALUE : at;
      })
      .thenComparing(java.util.Comparator.naturalOrder());

  private IndicatorCodes() {}
}
