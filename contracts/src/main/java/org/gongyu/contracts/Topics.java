package org.gongyu.contracts;

/**
 * Topic names, {@code gongyu.<tier>.<family>.v<N>}. Records are keyed by the owning unit's id so
 * that each unit's events stay in order on one partition.
 */
public final class Topics {

  /** {@link org.gongyu.contracts.school.v1.IndicatorSnapshotPublished}, key = school id. */
  public static final String SCHOOL_INDICATOR_SNAPSHOTS = "gongyu.school.indicator-snapshots.v1";

  /** {@link org.gongyu.contracts.district.v1.SchoolRegistered}, key = county id. */
  public static final String DISTRICT_SCHOOL_REGISTRY = "gongyu.district.school-registry.v1";

  /** {@link org.gongyu.contracts.district.v1.CountyRollupPublished}, key = county id. */
  public static final String DISTRICT_INDICATOR_ROLLUPS = "gongyu.district.indicator-rollups.v1";

  /** {@link org.gongyu.contracts.city.v1.CountyRegistered}, key = city id. */
  public static final String CITY_COUNTIES = "gongyu.city.counties.v1";

  /**
   * {@link org.gongyu.contracts.city.v2.IndicatorDefined}, key = indicator code. Replaced {@code
   * gongyu.city.catalogue.v1}, whose single mandatory target could not change per period.
   */
  public static final String CITY_CATALOGUE = "gongyu.city.catalogue.v2";

  /** {@link org.gongyu.contracts.city.v1.CityRollupPublished}, key = city id. */
  public static final String CITY_INDICATOR_ROLLUPS = "gongyu.city.indicator-rollups.v1";

  /**
   * {@link org.gongyu.contracts.school.v1.DemonstrationApplied} and {@link
   * org.gongyu.contracts.school.v1.SelfEvaluationSubmitted}, key = school id: one topic so that a
   * school's application always precedes its self-evaluation.
   */
  public static final String SCHOOL_DEMONSTRATION = "gongyu.school.demonstration.v1";

  /**
   * {@link org.gongyu.contracts.district.v1.DemonstrationProgrammePublished} and {@link
   * org.gongyu.contracts.district.v1.DemonstrationStatusChanged}, key = county id: one topic so that
   * a programme always precedes the statuses of its applications.
   */
  public static final String DISTRICT_DEMONSTRATION = "gongyu.district.demonstration.v1";

  /** {@link org.gongyu.contracts.city.v1.StandardPublished}, key = standard id. */
  public static final String CITY_DEMONSTRATION_STANDARDS = "gongyu.city.demonstration-standards.v1";

  /** {@link org.gongyu.contracts.school.v1.PeriodSignedOff}, key = school id (ADR 0019). */
  public static final String SCHOOL_SIGN_OFFS = "gongyu.school.sign-offs.v1";

  /**
   * {@link org.gongyu.contracts.district.v1.SchoolPeriodReviewed}, {@link
   * org.gongyu.contracts.district.v1.CountyPeriodSubmission} and {@link
   * org.gongyu.contracts.district.v1.ReportingDeadlineSet}, key = county id: one topic so that the
   * reviews a submission rests on precede it.
   */
  public static final String DISTRICT_PERIOD_APPROVALS = "gongyu.district.period-approvals.v1";

  /** {@link org.gongyu.contracts.city.v1.CountyPeriodDecided}, key = county id. */
  public static final String CITY_PERIOD_DECISIONS = "gongyu.city.period-decisions.v1";

  /**
   * {@link org.gongyu.contracts.city.v1.LecturerRegistryChanged}, key = lecturer id: the city's
   * lecturer registry as schools need it (ADR 0024).
   */
  public static final String CITY_LECTURERS = "gongyu.city.lecturers.v1";

  /**
   * {@link org.gongyu.contracts.city.v1.SurveyPublished}, key = survey id: the city's questionnaires
   * for schools (ADR 0026).
   */
  public static final String CITY_SURVEYS = "gongyu.city.surveys.v1";

  /**
   * {@link org.gongyu.contracts.school.v1.SurveyResultsPublished}, key = school id: a school's
   * answers to a city survey as counts with small cells withheld (ADR 0026).
   */
  public static final String SCHOOL_SURVEY_RESULTS = "gongyu.school.survey-results.v1";

  /**
   * {@link org.gongyu.contracts.city.v1.ResearchTopicPublished}, key = topic id: the city's research
   * topic bank (课题库, ADR 0026).
   */
  public static final String CITY_RESEARCH_TOPICS = "gongyu.city.research-topics.v1";

  /**
   * {@link org.gongyu.contracts.school.v1.TopicClaimChanged}, key = school id: a school's claim of a
   * topic of the bank (ADR 0026).
   */
  public static final String SCHOOL_TOPIC_CLAIMS = "gongyu.school.topic-claims.v1";

  /**
   * {@link org.gongyu.contracts.city.v1.InstructorCertificateChanged}, key = certificate number: the
   * city's instructor certificates as schools need them (ADR 0025).
   */
  public static final String CITY_INSTRUCTOR_CERTIFICATES = "gongyu.city.instructor-certificates.v1";

  private Topics() {}
}
