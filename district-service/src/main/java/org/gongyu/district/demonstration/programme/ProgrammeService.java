package org.gongyu.district.demonstration.programme;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.district.demonstration.Findings;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.DemonstrationProgrammePublished;
import org.gongyu.district.county.CountyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes programmes, their quotas and their arrangement; one transaction per command,
 * so a refused request writes nothing. Every change is version + 1 and a {@link
 * DemonstrationProgrammePublished} (with the rubric copy and all quotas) in the same transaction;
 * a request that changes nothing publishes nothing.
 */
@Service
class ProgrammeService {

  /** The path segment of the schools directly under the county (直属) in the arrangement. */
  static final String DIRECT = "direct";
  private static final Logger log = LoggerFactory.getLogger(ProgrammeService.class);

  private final Programmes programmes;
  private final Standards standards;
  private final CountyDirectory counties;
  private final Outbox outbox;
  private final JdbcClient jdbc;
  private final Clock clock;

  ProgrammeService(Programmes programmes, Standards standards, CountyDirectory counties, Outbox outbox, JdbcClient jdbc, Clock clock) {
    this.programmes = programmes;
    this.standards = standards;
    this.counties = counties;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The outcome of a PUT: the programme as stored now, and whether this request created it. */
  record Upsert(ProgrammeResponse programme, boolean created) {}

  /**
   * Creates the programme (version 1) or changes it (version + 1). The standard a programme keeps
   * cannot change once a school has applied: its self-evaluations and scores are against it.
   */
  @Transactional
  Upsert put(String countyId, String programmeId, PutProgrammeRequest r) {
    requireCounty(countyId);
    Optional<Programme> existing = programmes.lockForChange(programmeId);
    if (existing.isPresent() && !existing.get().countyId().equals(countyId)) {
      // ids are unique across counties; say no more than that it is taken
      throw ApiProblem.conflict(Msg.msg("district.programme.id-used", programmeId));
    }
    Programme asked = new Programme(programmeId, countyId, r.name(), r.target(), r.startsOn(), r.endsOn(),
        r.applicationOpensOn(), r.applicationDeadline(), r.creationMonths(), r.titleValidityYears(),
        r.consensusMargin(), r.standardId(), r.standardVersion(), 1);
    checkRules(asked);
    if (existing.isPresent()) {
      Programme before = existing.get();
      if (before.sameSettings(asked)) {
        return new Upsert(ProgrammeResponse.of(before, programmes.quotas(programmeId)), false);
      }
      if (!before.sameStandard(asked) && programmes.hasApplications(programmeId)) {
        throw ApiProblem.conflict(Msg.msg("district.programme.keeps-standard", before.standardId(), before.standardVersion()));
      }
      List<String> outside = programmes.arrangement(programmeId).stream()
          .filter(a -> a.plannedYear() < asked.startsOn().getYear() || a.plannedYear() > asked.endsOn().getYear())
          .map(a -> a.schoolId() + " in " + a.plannedYear()).toList();
      if (!outside.isEmpty()) {
        throw ApiProblem.conflict(Msg.msg("district.programme.arrangement-outside", asked.startsOn().getYear(),
            asked.endsOn().getYear(), String.join(", ", outside)));
      }
    }
    Programme stored = asked.withVersion(existing.map(p -> p.version() + 1).orElse(1L));
    programmes.save(stored, clock.instant());
    publish(stored);
    log.info("programme {} of county {} {} (version {})", programmeId, countyId, existing.isEmpty() ? "created" : "changed", stored.version());
    return new Upsert(ProgrammeResponse.of(stored, programmes.quotas(programmeId)), existing.isEmpty());
  }

  /** The 422 rules of a programme's settings, all reported at once. */
  private void checkRules(Programme p) {
    List<String> errors = new ArrayList<>();
    if (p.endsOn().isBefore(p.startsOn())) {
      errors.add("endsOn: must be on or after startsOn " + p.startsOn());
    }
    if (p.applicationOpensOn().isBefore(p.startsOn())) {
      errors.add("applicationOpensOn: must be on or after startsOn " + p.startsOn());
    }
    if (p.applicationDeadline().isBefore(p.applicationOpensOn())) {
      errors.add("applicationDeadline: must be on or after applicationOpensOn " + p.applicationOpensOn());
    }
    if (p.applicationDeadline().isAfter(p.endsOn())) {
      errors.add("applicationDeadline: must be on or before endsOn " + p.endsOn());
    }
    if (standards.rubric(p.standardId(), p.standardVersion()).isEmpty()) {
      errors.add("standardVersion: standard " + p.standardId() + " version " + p.standardVersion() + " has not been received from the city");
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("district.programme.rules", errors.size(), Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
  }

  @Transactional(readOnly = true)
  List<ProgrammeResponse> list(String countyId) {
    requireCountyExists(countyId);
    return programmes.ofCounty(countyId).stream().map(p -> ProgrammeResponse.of(p, programmes.quotas(p.id()))).toList();
  }

  @Transactional(readOnly = true)
  ProgrammeResponse get(String countyId, String programmeId) {
    requireCountyExists(countyId);
    Programme p = programmes.find(countyId, programmeId).orElseThrow(() -> notFound(countyId, programmeId));
    return ProgrammeResponse.of(p, programmes.quotas(p.id()));
  }

  /**
   * The county's programmes as one 学区 sees them (W1: the 学区 selects its schools and submits its
   * part of the arrangement table): its quota, its arranged schools and the 学区's schools to choose
   * from. An unknown 学区 of the county is 404.
   */
  @Transactional(readOnly = true)
  XuequProgrammesResponse ofXuequ(String countyId, String xuequId) {
    requireCountyExists(countyId);
    if (!xuequOf(countyId).contains(xuequId)) {
      throw ApiProblem.notFound(Msg.msg("district.xuequ.unknown", xuequId, countyId));
    }
    List<XuequProgrammesResponse.School> schools = jdbc.sql("select id, name from school where county_id = ? and xuequ_id = ? order by id")
        .params(countyId, xuequId).query((rs, n) -> new XuequProgrammesResponse.School(rs.getString(1), rs.getString(2))).list();
    List<XuequProgrammesResponse.Line> lines = programmes.ofCounty(countyId).stream().map(p -> {
      Integer quota = programmes.quotas(p.id()).stream().filter(q -> q.xuequKey().equals(xuequId)).map(Quota::quota).findFirst()
          .orElse(null);
      List<ArrangementResponse.School> arranged = programmes.arrangement(p.id()).stream().filter(a -> a.xuequKey().equals(xuequId))
          .map(a -> new ArrangementResponse.School(a.schoolId(), a.schoolName(), a.plannedYear())).toList();
      return new XuequProgrammesResponse.Line(p.id(), p.name(), p.startsOn(), p.endsOn(), p.version(), quota, arranged);
    }).toList();
    return new XuequProgrammesResponse(countyId, xuequId, schools, lines);
  }

  /**
   * Replaces the breakdown table: each 学区 of this county at most once, {@code null} for 直属, the
   * quotas adding up to the target.
   */
  @Transactional
  ProgrammeResponse putQuotas(String countyId, String programmeId, List<PutQuotasRequest.Line> lines) {
    requireCounty(countyId);
    Programme p = lockOwn(countyId, programmeId);
    Map<String, Integer> asked = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    Set<String> xuequ = xuequOf(countyId);
    for (PutQuotasRequest.Line l : lines) {
      String key = l.xuequId() == null ? "" : l.xuequId();
      if (asked.put(key, l.quota()) != null) {
        errors.add("quotas: " + (key.isEmpty() ? "the county-direct line (xuequId null)" : "学区 " + key) + " appears more than once");
      }
      if (!key.isEmpty() && !xuequ.contains(key)) {
        errors.add("quotas: " + key + " is not a 学区 of county " + countyId);
      }
    }
    int sum = asked.values().stream().mapToInt(Integer::intValue).sum();
    if (errors.isEmpty() && sum != p.target()) {
      errors.add("quotas: they add up to " + sum + ", the programme's target is " + p.target());
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("district.quotas.rules", errors.size(), Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
    List<Quota> quotas = asked.entrySet().stream().map(e -> new Quota(e.getKey(), e.getValue())).toList();
    if (new HashSet<>(quotas).equals(new HashSet<>(programmes.quotas(programmeId)))) {
      return ProgrammeResponse.of(p, quotas);
    }
    programmes.replaceQuotas(programmeId, quotas);
    Programme bumped = programmes.bump(p, clock.instant());
    publish(bumped);
    log.info("programme {} quotas set for {} line(s) (version {})", programmeId, quotas.size(), bumped.version());
    return ProgrammeResponse.of(bumped, quotas);
  }

  /**
   * Replaces one 学区's part of the arrangement ({@code direct}: the county-direct schools). Each
   * school is registered in this county and currently in that 学区 (or in none for direct), at most
   * once, planned for a year of the programme, and not already arranged under another 学区.
   */
  @Transactional
  ArrangementResponse putArrangement(String countyId, String programmeId, String xuequSegment, List<PutArrangementRequest.Line> lines) {
    requireCounty(countyId);
    Programme p = lockOwn(countyId, programmeId);
    String key = DIRECT.equals(xuequSegment) ? "" : xuequSegment;
    if (!key.isEmpty() && !xuequOf(countyId).contains(key)) {
      throw ApiProblem.notFound(Msg.msg("district.xuequ.unknown", key, countyId));
    }
    List<String> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Arranged> asked = new ArrayList<>();
    for (PutArrangementRequest.Line l : lines) {
      if (!seen.add(l.schoolId())) {
        errors.add("schools: " + l.schoolId() + " appears more than once");
        continue;
      }
      Optional<Placement> school = placement(l.schoolId());
      if (school.isEmpty() || !school.get().countyId().equals(countyId)) {
        errors.add("schools: " + l.schoolId() + " is not registered in county " + countyId);
      } else if (!school.get().xuequKey().equals(key)) {
        errors.add("schools: " + l.schoolId() + (school.get().xuequKey().isEmpty() ? " is directly under the county"
            : " is in 学区 " + school.get().xuequKey()) + ", not " + (key.isEmpty() ? "directly under the county" : "in 学区 " + key));
      }
      if (l.plannedYear() < p.startsOn().getYear() || l.plannedYear() > p.endsOn().getYear()) {
        errors.add("schools: plannedYear " + l.plannedYear() + " of " + l.schoolId() + " is not a year of the programme ("
            + p.startsOn().getYear() + "–" + p.endsOn().getYear() + ")");
      }
      asked.add(new Arranged(key, l.schoolId(), school.map(Placement::name).orElse(null), l.plannedYear()));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("district.arrangement.rules", errors.size(), Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
    List<Arranged> before = programmes.arrangement(programmeId);
    for (Arranged a : before) {
      if (!a.xuequKey().equals(key) && seen.contains(a.schoolId())) {
        throw ApiProblem.conflict(Msg.msg("district.arrangement.elsewhere", a.schoolId(), a.xuequKey().isEmpty() ? DIRECT : a.xuequKey()));
      }
    }
    if (new HashSet<>(asked).equals(before.stream().filter(a -> a.xuequKey().equals(key)).collect(java.util.stream.Collectors.toSet()))) {
      return ArrangementResponse.of(p, before);
    }
    programmes.replaceArrangement(programmeId, key, asked);
    Programme bumped = programmes.bump(p, clock.instant());
    publish(bumped);
    log.info("programme {} arrangement of {} set to {} school(s) (version {})", programmeId, key.isEmpty() ? DIRECT : key,
        asked.size(), bumped.version());
    return ArrangementResponse.of(bumped, programmes.arrangement(programmeId));
  }

  @Transactional(readOnly = true)
  ArrangementResponse arrangement(String countyId, String programmeId) {
    requireCountyExists(countyId);
    Programme p = programmes.find(countyId, programmeId).orElseThrow(() -> notFound(countyId, programmeId));
    return ArrangementResponse.of(p, programmes.arrangement(programmeId));
  }

  private void publish(Programme p) {
    List<DemonstrationProgrammePublished.Quota> quotas = programmes.quotas(p.id()).stream()
        .map(q -> new DemonstrationProgrammePublished.Quota(q.xuequKey().isEmpty() ? null : q.xuequKey(), q.quota()))
        .toList();
    outbox.publish(Topics.DISTRICT_DEMONSTRATION, p.countyId(), new DemonstrationProgrammePublished(
        p.id(), p.countyId(), p.name(), p.target(), p.startsOn(), p.endsOn(), p.applicationOpensOn(), p.applicationDeadline(),
        p.creationMonths(), p.titleValidityYears(), p.standardId(), p.standardVersion(), programmes.rubricOf(p), quotas,
        p.version()));
  }

  private Programme lockOwn(String countyId, String programmeId) {
    return programmes.lockForChange(programmeId).filter(p -> p.countyId().equals(countyId))
        .orElseThrow(() -> notFound(countyId, programmeId));
  }

  /** The county row shared: registry changes (schools moving between 学区) wait for this command. */
  private void requireCounty(String countyId) {
    if (!counties.lockShared(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
  }

  private void requireCountyExists(String countyId) {
    if (!counties.exists(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
  }

  private static ApiProblem notFound(String countyId, String programmeId) {
    return ApiProblem.notFound(Msg.msg("district.programme.unknown", programmeId, countyId));
  }

  private Set<String> xuequOf(String countyId) {
    return new HashSet<>(jdbc.sql("select id from xuequ where county_id = ?").param(countyId).query(String.class).list());
  }

  /** Where a school is registered now. */
  private record Placement(String countyId, String xuequKey, String name) {}

  private Optional<Placement> placement(String schoolId) {
    return jdbc.sql("select county_id, coalesce(xuequ_id, ''), name from school where id = ?").param(schoolId)
        .query((rs, n) -> new Placement(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
  }
}
