package org.gongyu.city.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.city.CityProperties;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.SurveyPublished;
import org.gongyu.contracts.school.v1.SurveyResultsPublished;
import org.gongyu.contracts.survey.SurveyCells;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires and their results. A draft is checked whole (422 naming every field), publishing
 * and closing check the status (409 naming it) and put {@code SurveyPublished} into the outbox in the
 * same transaction. Schools' counts are kept per (survey, school), highest version; the totals add
 * only the cells the schools showed, so no withheld cell can be had by subtraction (ADR 0026).
 */
@Service
class SurveyService {

  private static final Logger log = LoggerFactory.getLogger(SurveyService.class);

  static final List<String> SCALE_LABELS = List.of("很不满意", "不满意", "一般", "满意", "很满意");
  private static final Set<String> PURPOSES = Set.of("PROBLEM_DISCOVERY", "SATISFACTION");
  private static final Set<String> AUDIENCES = Set.of("PARENTS", "STUDENTS");
  private static final Set<String> KINDS = Set.of("SINGLE", "MULTIPLE", "SCALE");

  private final Surveys surveys;
  private final CityProperties city;
  private final CityCalendar calendar;
  private final Outbox outbox;
  private final Clock clock;

  SurveyService(Surveys surveys, CityProperties city, CityCalendar calendar, Outbox outbox, Clock clock) {
    this.surveys = surveys;
    this.city = city;
    this.calendar = calendar;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A city survey (for the whole city or the county the body names). */
  @Transactional
  SurveyResponse create(SurveyRequests.Create body, String actor) {
    return create(body, actor, null);
  }

  /**
   * A survey built by {@code owner}'s county admin for that county's schools only: a {@code countyId}
   * in the body must be the county's own (422 otherwise).
   */
  @Transactional
  SurveyResponse create(SurveyRequests.Create body, String actor, String owner) {
    Map<String, String> counties = surveys.countyNames(city.id());
    if (owner != null && !counties.containsKey(owner)) {
      throw ApiProblem.notFound(Msg.msg("city.survey.county-unknown", "countyId", owner));
    }
    List<Msg> errors = new ArrayList<>();
    String title = text(errors, "title", body == null ? null : body.title(), 200);
    String purpose = oneOf(errors, "purpose", body == null ? null : body.purpose(), PURPOSES);
    String audience = oneOf(errors, "audience", body == null ? null : body.audience(), AUDIENCES);
    String county = body == null || body.countyId() == null || body.countyId().isBlank() ? null : body.countyId().strip();
    if (owner != null && county != null && !county.equals(owner)) {
      errors.add(Msg.msg("city.survey.county-not-own", "countyId", county, owner));
    } else if (county != null && !counties.containsKey(county)) {
      errors.add(Msg.msg("city.survey.county-unknown", "countyId", county));
    }
    if (owner != null) {
      county = owner;
    }
    LocalDate opensOn = body == null ? null : body.opensOn();
    LocalDate closesOn = body == null ? null : body.closesOn();
    if (opensOn == null) {
      errors.add(Msg.msg("city.survey.field-required", "opensOn"));
    }
    if (closesOn == null) {
      errors.add(Msg.msg("city.survey.field-required", "closesOn"));
    } else if (opensOn != null && closesOn.isBefore(opensOn)) {
      errors.add(Msg.msg("city.survey.closes-before-opening", "closesOn", closesOn, opensOn));
    }
    List<SurveyResponse.Question> questions = questions(errors, body == null ? null : body.questions());
    reject(errors);
    Instant now = clock.instant();
    String id = "SV" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    surveys.insert(new Surveys.Survey(id, county, title, purpose, audience, questions, opensOn, closesOn, "DRAFT", 1, now,
        actor, owner == null ? "CITY" : "COUNTY"), now);
    return response(surveys.find(id).orElseThrow(), counties, Map.of());
  }

  /** DRAFT → OPEN: the schools receive it. */
  @Transactional
  SurveyResponse publish(String id) {
    return publish(locked(id));
  }

  /** DRAFT → OPEN of a survey {@code county} built (see {@link #ownLocked}). */
  @Transactional
  SurveyResponse publish(String id, String county) {
    return publish(ownLocked(id, county, "publish"));
  }

  /** OPEN → CLOSED of a survey {@code county} built. */
  @Transactional
  SurveyResponse close(String id, String county) {
    return close(ownLocked(id, county, "close"));
  }

  private SurveyResponse publish(Surveys.Survey s) {
    require(s, "publish", "DRAFT");
    if (s.closesOn().isBefore(calendar.today())) {
      ApiProblem p = ApiProblem.conflict(Msg.msg("city.survey.closed-already", s.id(), s.closesOn()));
      p.getBody().setProperty("currentStatus", s.status());
      throw p;
    }
    return step(s, "OPEN", SurveyPublished.Status.OPEN);
  }

  /** OPEN → CLOSED: schools take no more answers (the counts they sent stay). */
  @Transactional
  SurveyResponse close(String id) {
    return close(locked(id));
  }

  private SurveyResponse close(Surveys.Survey s) {
    require(s, "close", "OPEN");
    return step(s, "CLOSED", SurveyPublished.Status.CLOSED);
  }

  @Transactional(readOnly = true)
  List<SurveyResponse> list(String county) {
    Map<String, String> counties = surveys.countyNames(city.id());
    if (county != null && !counties.containsKey(county)) {
      throw ApiProblem.notFound(Msg.msg("city.survey.county-unknown", "countyId", county));
    }
    Map<String, Long> reporting = surveys.schoolsReporting();
    return surveys.list(county).stream().map(s -> response(s, counties, reporting)).toList();
  }

  @Transactional(readOnly = true)
  SurveyResponse read(String id) {
    return response(surveys.find(id).orElseThrow(() -> notFound(id)), surveys.countyNames(city.id()), surveys.schoolsReporting());
  }

  /** The results of the whole city ({@code county} null) or of one county's schools, which that county then sees. */
  @Transactional(readOnly = true)
  SurveyResults results(String id, String county) {
    Map<String, String> counties = surveys.countyNames(city.id());
    if (county != null && !counties.containsKey(county)) {
      throw notFound(id);
    }
    Surveys.Survey s = surveys.find(id).orElseThrow(() -> notFound(id));
    if (county != null && ("DRAFT".equals(s.status()) || (s.countyId() != null && !s.countyId().equals(county)))) {
      throw notFound(id);
    }
    List<Surveys.SchoolResult> rows = surveys.results(id, county);
    List<SurveyResults.Unit> schools = new ArrayList<>();
    Map<String, List<Surveys.SchoolResult>> byCounty = new LinkedHashMap<>();
    for (Surveys.SchoolResult r : rows) {
      List<SurveyResults.QuestionTotal> q = totals(s, List.of(r));
      schools.add(new SurveyResults.Unit(r.schoolId(), r.schoolName(), r.countyId(), 1, r.responses(), satisfaction(q),
          r.version(), r.publishedAt(), q));
      byCounty.computeIfAbsent(r.countyId() == null ? "" : r.countyId(), k -> new ArrayList<>()).add(r);
    }
    List<SurveyResults.Unit> countyUnits = new ArrayList<>();
    byCounty.forEach((c, list) -> {
      List<SurveyResults.QuestionTotal> q = totals(s, list);
      countyUnits.add(new SurveyResults.Unit(c.isEmpty() ? null : c, counties.get(c), c.isEmpty() ? null : c, list.size(),
          list.stream().mapToLong(Surveys.SchoolResult::responses).sum(), satisfaction(q), null, null, q));
    });
    List<SurveyResults.QuestionTotal> all = totals(s, rows);
    return new SurveyResults(s.id(), s.title(), s.purpose(), s.audience(), s.status(), county, rows.size(),
        rows.stream().mapToLong(Surveys.SchoolResult::responses).sum(), satisfaction(all), all, countyUnits, schools);
  }

  /**
   * A school's counts from {@code SurveyResultsPublished}: kept when the survey is known, the
   * questions and options are the survey's and no shown cell is a small one; answers whether kept.
   */
  @Transactional
  boolean apply(SurveyResultsPublished r) {
    Surveys.Survey s = surveys.find(r.surveyId()).orElse(null);
    if (s == null || "DRAFT".equals(s.status())) {
      log.warn("ignored the results of school {} for survey {}: no such published survey", r.schoolId(), r.surveyId());
      return false;
    }
    String problem = mismatch(s, r);
    if (problem != null) {
      log.error("ignored the results of school {} for survey {} v{}: {}", r.schoolId(), r.surveyId(), r.version(), problem);
      return false;
    }
    boolean kept = surveys.storeIfNewer(r, clock.instant());
    log.info("results of school {} for survey {} v{} {}", r.schoolId(), r.surveyId(), r.version(), kept ? "kept" : "not newer");
    return kept;
  }

  /** Why the counts cannot be kept, or null: unknown questions or options, or a shown small cell. */
  static String mismatch(Surveys.Survey s, SurveyResultsPublished r) {
    Map<String, SurveyResponse.Question> questions = new LinkedHashMap<>();
    s.questions().forEach(q -> questions.put(q.code(), q));
    for (SurveyResultsPublished.QuestionCounts qc : r.questions()) {
      SurveyResponse.Question q = questions.get(qc.code());
      if (q == null) {
        return "no question " + qc.code();
      }
      if (qc.answered() != null && !SurveyCells.answeredShown(qc.answered())) {
        return "question " + qc.code() + " shows a small total";
      }
      Set<String> codes = new HashSet<>();
      q.options().forEach(o -> codes.add(o.code()));
      for (SurveyResultsPublished.OptionCount oc : qc.options()) {
        if (!codes.contains(oc.code())) {
          return "question " + qc.code() + " has no option " + oc.code();
        }
        if (oc.count() != null && oc.count() > 0 && oc.count() < SurveyCells.THRESHOLD) {
          return "question " + qc.code() + " option " + oc.code() + " shows a small cell";
        }
      }
    }
    return null;
  }

  private static List<SurveyResults.QuestionTotal> totals(Surveys.Survey s, List<Surveys.SchoolResult> rows) {
    List<SurveyResults.QuestionTotal> out = new ArrayList<>();
    for (SurveyResponse.Question q : s.questions()) {
      long answered = 0;
      long withheldSchools = 0;
      Map<String, Long> sums = new LinkedHashMap<>();
      Map<String, Boolean> anyShown = new LinkedHashMap<>();
      Map<String, Long> withheldBy = new LinkedHashMap<>();
      q.options().forEach(o -> {
        sums.put(o.code(), 0L);
        anyShown.put(o.code(), false);
        withheldBy.put(o.code(), 0L);
      });
      for (Surveys.SchoolResult r : rows) {
        SurveyResultsPublished.QuestionCounts qc = r.questions().stream().filter(c -> c.code().equals(q.code())).findFirst()
            .orElse(null);
        if (qc == null) {
          continue;
        }
        boolean withheld = qc.answered() == null;
        answered += qc.answered() == null ? 0 : qc.answered();
        for (SurveyResultsPublished.OptionCount oc : qc.options()) {
          if (oc.count() == null) {
            withheld = true;
            withheldBy.computeIfPresent(oc.code(), (k, v) -> v + 1);
          } else if (sums.containsKey(oc.code())) {
            sums.merge(oc.code(), oc.count(), Long::sum);
            anyShown.put(oc.code(), true);
          }
        }
        withheldSchools += withheld ? 1 : 0;
      }
      List<SurveyResults.Cell> cells = new ArrayList<>();
      long basis = 0;
      long weighted = 0;
      for (SurveyResponse.Option o : q.options()) {
        // a single school's withheld cell stays null; above a school a sum of the shown cells is shown
        Long count = rows.size() == 1 && !anyShown.get(o.code()) ? null : sums.get(o.code());
        cells.add(new SurveyResults.Cell(o.code(), o.label(), count, withheldBy.get(o.code())));
        if ("SCALE".equals(q.kind()) && count != null) {
          basis += count;
          weighted += count * Long.parseLong(o.code());
        }
      }
      BigDecimal score = basis == 0 ? null : BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(basis), 2, RoundingMode.HALF_UP);
      out.add(new SurveyResults.QuestionTotal(q.code(), q.text(), q.kind(), answered, withheldSchools, cells,
          "SCALE".equals(q.kind()) ? score : null, "SCALE".equals(q.kind()) ? basis : 0));
    }
    return out;
  }

  private static BigDecimal satisfaction(List<SurveyResults.QuestionTotal> questions) {
    long basis = 0;
    long weighted = 0;
    for (SurveyResults.QuestionTotal q : questions) {
      if (!"SCALE".equals(q.kind())) {
        continue;
      }
      for (SurveyResults.Cell c : q.options()) {
        if (c.count() != null) {
          basis += c.count();
          weighted += c.count() * Long.parseLong(c.code());
        }
      }
    }
    return basis == 0 ? null : BigDecimal.valueOf(weighted).divide(BigDecimal.valueOf(basis), 2, RoundingMode.HALF_UP);
  }

  private SurveyResponse step(Surveys.Survey s, String status, SurveyPublished.Status published) {
    Instant now = clock.instant();
    long version = s.version() + 1;
    surveys.status(s.id(), status, version, now);
    outbox.publish(Topics.CITY_SURVEYS, s.id(), new SurveyPublished(city.id(), s.id(), s.countyId(), s.title(),
        SurveyPublished.Purpose.valueOf(s.purpose()), SurveyPublished.Audience.valueOf(s.audience()),
        s.questions().stream().map(q -> new SurveyPublished.Question(q.code(), q.text(), SurveyPublished.Kind.valueOf(q.kind()),
            q.options().stream().map(o -> new SurveyPublished.Option(o.code(), o.label())).toList())).toList(),
        s.opensOn(), s.closesOn(), published, now, version));
    return read(s.id());
  }

  private static List<SurveyResponse.Question> questions(List<Msg> errors, List<SurveyRequests.Question> requested) {
    List<SurveyResponse.Question> out = new ArrayList<>();
    if (requested == null || requested.isEmpty()) {
      errors.add(Msg.msg("city.survey.field-required", "questions"));
      return out;
    }
    if (requested.size() > 50) {
      errors.add(Msg.msg("city.survey.too-many", "questions", 50));
      return out;
    }
    for (int i = 0; i < requested.size(); i++) {
      SurveyRequests.Question q = requested.get(i);
      String field = "questions[" + i + "]";
      String text = text(errors, field + ".text", q == null ? null : q.text(), 500);
      String kind = oneOf(errors, field + ".kind", q == null ? null : q.kind(), KINDS);
      List<String> labels = q == null || q.options() == null ? List.of() : q.options();
      List<SurveyResponse.Option> options = new ArrayList<>();
      if ("SCALE".equals(kind)) {
        if (!labels.isEmpty() && labels.size() != 5) {
          errors.add(Msg.msg("city.survey.scale-options", field + ".options", labels.size()));
        }
        for (int k = 0; k < 5; k++) {
          String label = labels.size() == 5 ? text(errors, field + ".options[" + k + "]", labels.get(k), 200) : SCALE_LABELS.get(k);
          options.add(new SurveyResponse.Option(String.valueOf(k + 1), label));
        }
      } else if (kind != null) {
        if (labels.size() < 2 || labels.size() > 20) {
          errors.add(Msg.msg("city.survey.option-count", field + ".options", labels.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < Math.min(labels.size(), 20); k++) {
          String label = text(errors, field + ".options[" + k + "]", labels.get(k), 200);
          if (label != null && !seen.add(label)) {
            errors.add(Msg.msg("city.survey.option-repeated", field + ".options[" + k + "]", label));
          }
          options.add(new SurveyResponse.Option(String.valueOf((char) ('A' + k)), label));
        }
      }
      out.add(new SurveyResponse.Question("Q" + (i + 1), text, kind, options));
    }
    return out;
  }

  private Surveys.Survey locked(String id) {
    return surveys.lock(id).orElseThrow(() -> notFound(id));
  }

  /**
   * The survey, locked, for a step by {@code county}'s admin: 404 when the county cannot see it (a
   * draft of the city's, another county's), 409 when it sees it but the city built it.
   */
  private Surveys.Survey ownLocked(String id, String county, String action) {
    Surveys.Survey s = locked(id);
    if (s.ownedBy(county)) {
      return s;
    }
    boolean visible = (s.countyId() == null || s.countyId().equals(county)) && !"DRAFT".equals(s.status());
    if (!visible) {
      throw notFound(id);
    }
    ApiProblem p = ApiProblem.conflict(Msg.msg("city.survey.not-owner", Msg.msg("city.survey.action." + action), s.id()));
    p.getBody().setProperty("currentStatus", s.status());
    p.getBody().setProperty("ownerTier", s.ownerTier());
    throw p;
  }

  private static ApiProblem notFound(String id) {
    return ApiProblem.notFound(Msg.msg("city.survey.unknown", id));
  }

  private static void require(Surveys.Survey s, String action, String status) {
    if (!s.status().equals(status)) {
      ApiProblem p = ApiProblem.conflict(Msg.msg("city.survey.illegal", Msg.msg("city.survey.action." + action), s.id(),
          Msg.msg("city.survey.status." + s.status())));
      p.getBody().setProperty("currentStatus", s.status());
      p.getBody().setProperty("currentVersion", s.version());
      throw p;
    }
  }

  private static String oneOf(List<Msg> errors, String field, String value, Set<String> allowed) {
    if (value == null || value.isBlank()) {
      errors.add(Msg.msg("city.survey.field-required", field));
      return null;
    }
    if (!allowed.contains(value.strip())) {
      errors.add(Msg.msg("city.survey.value-unknown", field, value, String.join(", ", allowed.stream().sorted().toList())));
      return null;
    }
    return value.strip();
  }

  private static String text(List<Msg> errors, String field, String value, int max) {
    String v = value == null || value.isBlank() ? null : value.strip();
    if (v == null) {
      errors.add(Msg.msg("city.survey.field-required", field));
      return null;
    }
    if (v.codePointCount(0, v.length()) > max) {
      errors.add(Msg.msg("city.survey.too-long", field, max));
    }
    return v;
  }

  private static void reject(List<Msg> errors) {
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("city.survey.invalid", errors.size(), Msg.joined(errors)), errors);
    }
  }

  private static SurveyResponse response(Surveys.Survey s, Map<String, String> counties, Map<String, Long> reporting) {
    return new SurveyResponse(s.id(), s.countyId(), s.countyId() == null ? null : counties.get(s.countyId()), s.title(),
        s.purpose(), s.audience(), s.questions(), s.opensOn(), s.closesOn(), s.status(), s.version(), s.createdAt(),
        s.createdBy(), reporting.getOrDefault(s.id(), 0L), s.ownerTier());
  }
}
