package org.gongyu.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.gongyu.contracts.city.v1.CityRollupPublished;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.city.v1.StandardPublished;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.contracts.district.v1.DemonstrationProgrammePublished;
import org.gongyu.contracts.district.v1.AssessmentPanelChanged;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.gongyu.contracts.school.v1.DemonstrationApplied;
import org.gongyu.contracts.school.v1.SelfEvaluationSubmitted;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.contracts.school.v1.PeriodSignedOff;
import org.gongyu.contracts.district.v1.ReportingDeadlineSet;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.contracts.district.v1.CountyPeriodSubmission;
import org.gongyu.contracts.city.v1.CountyPeriodDecided;
import org.gongyu.contracts.city.v1.InstructorCertificateChanged;
import org.gongyu.contracts.city.v1.LecturerRegistryChanged;
import org.gongyu.contracts.city.v1.ResearchTopicPublished;
import org.gongyu.contracts.city.v1.SurveyPublished;
import org.gongyu.contracts.school.v1.TopicClaimChanged;
import org.gongyu.contracts.school.v1.SurveyResultsPublished;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the wire format of every event: each golden file must equal what the codec writes for the
 * sample, and must decode back to the sample. Changing a golden file is changing a public API.
 */
class GoldenEventsTest {

  private static final UUID ID = UUID.fromString("0b7e7a51-4a52-4c5e-9f53-7e1c2a3d4b5c");
  private static final Instant AT = Instant.parse("2025-10-08T02:15:30Z");

  record Golden(String file, Object payload) {
    @Override
    public String toString() {
      return file;
    }
  }

  static final Rubric RUBRIC = new Rubric("示范学校建设标准", "Demonstration-school standard", new BigDecimal("24"),
      List.of(new Rubric.Area("A1", "家庭教育指导", "Family-education guidance",
          List.of(new Rubric.Criterion("A1.1", "家长学校", "Parent school", new BigDecimal("10"), "章程、师资名册、授课记录",
                  List.of("PARENT_SCHOOL_ESTABLISHED", "COLLECTIVE_SESSIONS")),
              new Rubric.Criterion("A1.2", "数字家长学校", "Digital parent school", new BigDecimal("20"), "平台统计",
                  List.of("PLATFORM_REGISTRATION"))))));

  static Stream<Golden> events() {
    return Stream.of(
        new Golden("StandardPublished.json", new StandardPublished("DEMO-SCHOOL", 2, AT, RUBRIC)),
        new Golden("DemonstrationApplied.json",
            new DemonstrationApplied(ID, "3301010001", "330101", "330101-2024", AT,
                List.of(new DemonstrationApplied.AreaBaseline("A1", 3, "家长学校已建立")), "一校一案：补齐数字家长学校注册短板")),
        new Golden("SelfEvaluationSubmitted.json",
            new SelfEvaluationSubmitted(ID, "3301010001", "330101-2024", "DEMO-SCHOOL", 2, 1, AT,
                List.of(new SelfEvaluationSubmitted.Item("A1.1", new BigDecimal("8.5"), "每学期1次集中授课",
                    List.of(new SelfEvaluationSubmitted.Evidence("家长学校章程", "档案 2025-03")))))),
        new Golden("DemonstrationProgrammePublished.json",
            new DemonstrationProgrammePublished("330101-2024", "330101", "2024—2027 协同育人示范学校创建", 100,
                LocalDate.parse("2024-02-01"), LocalDate.parse("2027-01-31"), LocalDate.parse("2024-02-01"),
                LocalDate.parse("2024-02-29"), 12, 3, "DEMO-SCHOOL", 2, RUBRIC,
                List.of(new DemonstrationProgrammePublished.Quota("330101-XQ1", 60),
                    new DemonstrationProgrammePublished.Quota(null, 40)), 3)),
        new Golden("DemonstrationStatusChanged.json",
            new DemonstrationStatusChanged(ID, "330101-2024", "330101", "3301010001", DemonstrationStatus.RECTIFYING,
                DemonstrationStatus.REINSPECTING, AT, 9, LocalDate.parse("2025-03-01"), new BigDecimal("86.5"),
                LocalDate.parse("2028-03-31"), LocalDate.parse("2026-12-31"), "家访档案不全，限期整改")),
        new Golden("AssessmentPanelChanged.json",
            new AssessmentPanelChanged(ID, "330101-2024", "330101", "3301010001", AT, 3,
                List.of(new AssessmentPanelChanged.Member("assessor-330101-1", 1, "CLEARED"),
                    new AssessmentPanelChanged.Member("assessor-330101-2", 1, "ASSIGNED")))),
        new Golden("IndicatorSnapshotPublished.json",
            new IndicatorSnapshotPublished("3301010001", "PLATFORM_REGISTRATION", "2025-2026-1", 412, 640, 3, AT)),
        new Golden("SchoolRegistered.json",
            new SchoolRegistered("3301010001", "330101", "330101-XQ1", "城东实验小学", "PRIMARY", 1)),
        new Golden("CountyRollupPublished.json",
            new CountyRollupPublished("330101", "PLATFORM_REGISTRATION", "2025-2026-1", 5230, 8120, 11, 12, 8, 17, AT,
                List.of(new CountyRollupPublished.SnapshotRef("3301010001", 3),
                    new CountyRollupPublished.SnapshotRef("3301010002", 1)))),
        new Golden("CountyRegistered.json", new CountyRegistered("330101", "330100", "东城县", 1)),
        new Golden("IndicatorDefined.json",
            new IndicatorDefined("PLATFORM_REGISTRATION", "数字家长学校家长注册率", "Digital parent-school registration rate",
                IndicatorKind.RATIO, PeriodType.SEMESTER, TargetComparator.AT_LEAST, false, List.of(),
                List.of(new PeriodTarget("2024-2025-1", new BigDecimal("0.60")), new PeriodTarget("2026-2027-2", new BigDecimal("0.65"))),
                2)),
        new Golden("IndicatorDefined-rising.json",
            new IndicatorDefined("SUGGESTIONS_RESOLVED", "家长意见建议办结率", "Parent suggestions resolved",
                IndicatorKind.RATIO, PeriodType.SCHOOL_YEAR, TargetComparator.AT_LEAST, false,
                List.of("PRIMARY", "JUNIOR_SECONDARY"), List.of(new PeriodTarget("2024-2025", null)), 1)),
        new Golden("SchoolRegistered-moved.json",
            new SchoolRegistered("3301010001", "330102", null, "城东实验小学", "PRIMARY", 4,
                List.of(new SchoolRegistered.Membership("330101", "330101-XQ1", SchoolRegistered.Membership.ALWAYS),
                    new SchoolRegistered.Membership("330102", null, LocalDate.parse("2027-02-01"))))),
        new Golden("SchoolRegistered-closed.json",
            new SchoolRegistered("3301010002", "330101", "330101-XQ1", "城东第二小学", "PRIMARY", 2,
                List.of(new SchoolRegistered.Membership("330101", "330101-XQ1", SchoolRegistered.Membership.ALWAYS)),
                LocalDate.parse("2027-03-15"), "3301010001")),
        new Golden("CountyRollupPublished-deadline.json",
            new CountyRollupPublished("330101", "PARENT_CONTACT", "2025-2026-1", 5230, 8120, 11, 12, 8, 17, AT,
                List.of(new CountyRollupPublished.SnapshotRef("3301010001", 3)), 9, Instant.parse("2026-01-15T16:00:00Z"))),
        new Golden("CityRollupPublished-deadline.json",
            new CityRollupPublished("330100", "PARENT_CONTACT", "2025-2026-1", 15230, 24120, 3, 3, 30, 31, 22, 40, AT,
                List.of(new CityRollupPublished.RollupRef("330101", 17)), "示例市", 19, 21)),
        new Golden("CountyRollupPublished-signoffs.json",
            new CountyRollupPublished("330101", "PARENT_CONTACT", "2025-2026-1", 5230, 8120, 11, 12, 8, 18, AT,
                List.of(new CountyRollupPublished.SnapshotRef("3301010001", 3)), 9, Instant.parse("2026-01-15T16:00:00Z"),
                10, 7, 6)),
        new Golden("CityRollupPublished-signoffs.json",
            new CityRollupPublished("330100", "PARENT_CONTACT", "2025-2026-1", 15230, 24120, 3, 3, 30, 31, 22, 41, AT,
                List.of(new CityRollupPublished.RollupRef("330101", 18)), "示例市", 19, 21, 27, 16, 20)),
        new Golden("PeriodSignedOff.json",
            new PeriodSignedOff("3301010001", "2025-2026-1", 2, AT,
                List.of(new PeriodSignedOff.SignedFigure("PLATFORM_REGISTRATION", 412, 640, 3),
                    new PeriodSignedOff.SignedFigure("PARENT_CONTACT", 600, 640, 7)))),
        new Golden("SchoolPeriodReviewed.json",
            new SchoolPeriodReviewed("330101", "3301010001", "2025-2026-1", 2, SchoolPeriodReviewed.Action.RETURNED,
                "家访记录与家长联系数不符，请核对后重新上报", AT, 3)),
        new Golden("ReportingDeadlineSet.json",
            new ReportingDeadlineSet("330101", "2025-2026-1", Instant.parse("2026-01-15T16:00:00Z"), 2, AT)),
        new Golden("CountyPeriodSubmission.json",
            new CountyPeriodSubmission("330101", "2025-2026-1", CountyPeriodSubmission.Status.SUBMITTED,
                List.of(new CountyPeriodSubmission.ApprovedSchool("3301010001", 2),
                    new CountyPeriodSubmission.ApprovedSchool("3301010002", 1)), null, AT, 1)),
        new Golden("CountyPeriodDecided.json",
            new CountyPeriodDecided("330100", "330101", "2025-2026-1", 1, CountyPeriodDecided.Decision.ACCEPTED, null, AT, 1)),
        new Golden("LecturerRegistryChanged.json",
            new LecturerRegistryChanged("330100", "L-7f3a9c2e", "王丽华", "长治学院教育系",
                LecturerRegistryChanged.Status.REGISTERED, LocalDate.parse("2025-09-20"), AT, 3)),
        new Golden("SurveyPublished.json",
            new SurveyPublished("330100", "SV-4b1d0e7a", null, "家庭教育需求问卷", SurveyPublished.Purpose.PROBLEM_DISCOVERY,
                SurveyPublished.Audience.PARENTS,
                List.of(new SurveyPublished.Question("Q1", "您在家庭教育中最困扰的问题是？", SurveyPublished.Kind.SINGLE,
                        List.of(new SurveyPublished.Option("A", "沉迷手机"), new SurveyPublished.Option("B", "学习动力不足"))),
                    new SurveyPublished.Question("Q2", "您对学校家校沟通的满意度", SurveyPublished.Kind.SCALE,
                        List.of(new SurveyPublished.Option("1", "很不满意"), new SurveyPublished.Option("5", "很满意")))),
                LocalDate.parse("2025-10-08"), LocalDate.parse("2025-10-31"), SurveyPublished.Status.OPEN, AT, 2)),
        new Golden("ResearchTopicPublished.json",
            new ResearchTopicPublished("330100", "TP-51c0a9e3", "激发小学生学习内驱力的家庭策略", "学习习惯", "学习动力不足", 10,
                ResearchTopicPublished.Status.OPEN, AT, 1)),
        new Golden("TopicClaimChanged.json",
            new TopicClaimChanged("TP-51c0a9e3", "3301010001", "330101", "示例市第一小学", TopicClaimChanged.Status.COMPLETED,
                "形成家庭学习约定模板一套", AT, 3)),
        new Golden("SurveyResultsPublished.json",
            new SurveyResultsPublished("SV-4b1d0e7a", "3301010001", "330101", "示例市第一小学", 38,
                List.of(new SurveyResultsPublished.QuestionCounts("Q1", 38L,
                        List.of(new SurveyResultsPublished.OptionCount("A", 21L), new SurveyResultsPublished.OptionCount("B", 17L))),
                    new SurveyResultsPublished.QuestionCounts("Q2", 38L,
                        List.of(new SurveyResultsPublished.OptionCount("1", null), new SurveyResultsPublished.OptionCount("5", null)))),
                AT, 1)),
        new Golden("InstructorCertificateChanged.json",
            new InstructorCertificateChanged("330100", "JZ-2025-0018", "陈静", "3301010002", "330101",
                LocalDate.parse("2025-07-10"), LocalDate.parse("2028-07-10"), InstructorCertificateChanged.Status.REVOKED,
                LocalDate.parse("2025-10-08"), AT, 2)),
        new Golden("CityRollupPublished.json",
            new CityRollupPublished("330100", "PLATFORM_REGISTRATION", "2025-2026-1", 15230, 24120, 3, 3, 30, 31, 22, 40, AT,
                List.of(new CityRollupPublished.RollupRef("330101", 17), new CityRollupPublished.RollupRef("330102", 9)), "示例市")));
  }

  @ParameterizedTest
  @MethodSource("events")
  void codecWritesExactlyTheGoldenFile(Golden golden) throws IOException {
    String written = EventCodec.encode(envelope(golden.payload()));
    JsonMapper plain = JsonMapper.builder().build();
    JsonNode expected = plain.readTree(read(golden.file()));
    assertThat(plain.readTree(written)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("events")
  void goldenFileDecodesToTheSample(Golden golden) throws IOException {
    EventEnvelope<?> decoded = EventCodec.decode(read(golden.file()), golden.payload().getClass());
    assertThat(decoded).isEqualTo(envelope(golden.payload()));
  }

  @Test
  void typeOfDispatchesATopicOfSeveralTypes() throws IOException {
    assertThat(EventCodec.typeOf(read("DemonstrationApplied.json"))).isEqualTo("DemonstrationApplied");
    assertThat(EventCodec.typeOf(read("SelfEvaluationSubmitted.json"))).isEqualTo("SelfEvaluationSubmitted");
    assertThatThrownBy(() -> EventCodec.typeOf("{\"payload\":{}}")).isInstanceOf(EventCodec.MalformedEventException.class);
    assertThatThrownBy(() -> EventCodec.typeOf("[1,2")).isInstanceOf(EventCodec.MalformedEventException.class);
  }

  @Test
  void rubricRefusesDuplicateCodesAndAnUnreachablePassMark() {
    Rubric.Criterion c = RUBRIC.criteria().getFirst();
    assertThat(RUBRIC.fullMark()).isEqualByComparingTo("30");
    assertThatThrownBy(() -> new Rubric("t", "t", new BigDecimal("31"), RUBRIC.areas()))
        .hasMessageContaining("at most the full mark 30");
    assertThatThrownBy(() -> new Rubric("t", "t", BigDecimal.ONE, List.of(new Rubric.Area("A1", "a", "a", List.of(c, c)))))
        .hasMessageContaining("A1.1 is used twice");
    assertThatThrownBy(() -> new Rubric.Criterion("X", "x", "x", BigDecimal.ZERO, "e", null))
        .hasMessageContaining("more than 0 points");
  }

  @Test
  void toleratesFieldsAddedByANewerProducer() throws IOException {
    String newer = read("IndicatorSnapshotPublished.json").replace("\"asOf\"", "\"addedLater\":\"x\",\"asOf\"");
    assertThat(EventCodec.decode(newer, IndicatorSnapshotPublished.class).payload().numerator()).isEqualTo(412);
  }

  @Test
  void readsACityRollupWrittenBeforeTheCityNameWasAdded() throws IOException {
    String older = read("CityRollupPublished.json").replaceAll(",\\s*\"cityName\"\\s*:\\s*\"[^\"]*\"", "");
    assertThat(older).doesNotContain("cityName");
    CityRollupPublished decoded = EventCodec.decode(older, CityRollupPublished.class).payload();
    assertThat(decoded.cityName()).isNull();
    assertThat(decoded.numerator()).isEqualTo(15230);
  }

  @Test
  void readsACountyRegisteredBeforeTheKindWasAddedAsACounty() throws IOException {
    String older = read("CountyRegistered.json").replaceAll(",\\s*\"kind\"\\s*:\\s*\"[^\"]*\"", "");
    assertThat(older).doesNotContain("kind");
    CountyRegistered decoded = EventCodec.decode(older, CountyRegistered.class).payload();
    assertThat(decoded.kind()).isEqualTo(CountyRegistered.Kind.COUNTY);
    assertThat(decoded.name()).isEqualTo("东城县");
  }

  @Test
  void carriesACityDirectUnit() {
    CountyRegistered direct = new CountyRegistered("330100", "330100", "市直学校", 1, CountyRegistered.Kind.CITY_DIRECT);
    assertThat(EventCodec.encode(EventEnvelope.wrap("p", Instant.EPOCH, direct)))
        .contains("\"kind\":\"CITY_DIRECT\"");
  }

  @Test
  void rejectsAnEventOfAnotherType() throws IOException {
    assertThatThrownBy(() -> EventCodec.decode(read("CountyRegistered.json"), IndicatorSnapshotPublished.class))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessageContaining("expected a IndicatorSnapshotPublished event but got CountyRegistered");
  }

  /** Decoding reads the envelope in one pass: a payload that reads as the type asked for is still refused under another type's name. */
  @Test
  void rejectsAnEventOfAnotherTypeWhosePayloadReadsAsTheTypeAskedFor() throws IOException {
    String renamed = read("IndicatorSnapshotPublished.json")
        .replaceFirst("\"type\"\\s*:\\s*\"IndicatorSnapshotPublished\"", "\"type\":\"CountyRollupPublished\"");
    assertThat(renamed).contains("\"type\":\"CountyRollupPublished\"");
    assertThatThrownBy(() -> EventCodec.decode(renamed, IndicatorSnapshotPublished.class))
        .isInstanceOf(EventCodec.MalformedEventException.class)
        .hasMessageContaining("expected a IndicatorSnapshotPublished event but got CountyRollupPublished");
  }

  @Test
  void rejectsGarbageAndMissingRequiredFields() {
    assertThatThrownBy(() -> EventCodec.decode("{not json", IndicatorSnapshotPublished.class))
        .isInstanceOf(EventCodec.MalformedEventException.class);
    assertThatThrownBy(() -> EventCodec.decode("{\"type\":\"IndicatorSnapshotPublished\",\"payload\":{}}",
            IndicatorSnapshotPublished.class))
        .isInstanceOf(EventCodec.MalformedEventException.class);
  }

  private static EventEnvelope<Object> envelope(Object payload) {
    return new EventEnvelope<>(ID, payload.getClass().getSimpleName(), AT, "test-producer", 1, payload);
  }

  private static String read(String file) throws IOException {
    try (InputStream in = GoldenEventsTest.class.getResourceAsStream("/golden/" + file)) {
      if (in == null) {
        throw new IOException("missing golden file " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
