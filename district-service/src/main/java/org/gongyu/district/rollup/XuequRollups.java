package org.gongyu.district.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.period.Period;
import org.gongyu.district.approval.SignOffTally;
import org.gongyu.district.catalogue.IndicatorDefinitions;
import org.gongyu.district.deadline.Deadlines;
import org.gongyu.district.registry.SchoolDirectory;
import org.gongyu.district.registry.SchoolDirectory.XuequMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-学区 rollups (issue 17 item 6): a 学区 is an aggregation node inside its county, so its figures
 * follow the county's rules exactly ({@link CountyRollups#recompute}) over the schools whose
 * membership on the period's first day names the 学区: the latest snapshot of each counted school,
 * the shared {@code Rollup} arithmetic, the county's deadline for timeliness, the sign-offs among
 * the counted schools, and for a {@code UNIT_COUNT} indicator the county's titles held by those
 * schools. They are computed when asked, from the same stored state as the county's rollup, in one
 * repeatable-read transaction: a pure function of that state, so replays, duplicates and reordering
 * of the snapshots cannot change them, and nothing is stored or published (ADR 0027).
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class XuequRollups {

  private final CountyRollupRepository repo;
  private final SchoolDirectory schools;
  private final IndicatorDefinitions definitions;
  private final Deadlines deadlines;
  private final CityCalendar calendar;
  private final SignOffTally signOffs;

  XuequRollups(CountyRollupRepository repo, SchoolDirectory schools, IndicatorDefinitions definitions, Deadlines deadlines,
      CityCalendar calendar, SignOffTally signOffs) {
    this.repo = repo;
    this.schools = schools;
    this.definitions = definitions;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.signOffs = signOffs;
  }

  /**
   * The 学区's figures of an indicator for a period (canonical id of the city calendar; of the
   * indicator's own type once the catalogue defines it). Empty when the county has no such 学区.
   *
   * @throws IllegalArgumentException when the period id does not parse as such a period
   */
  public Optional<XuequFigures> figures(String countyId, String xuequId, String indicatorCode, String periodId) {
    if (schools.xuequName(countyId, xuequId).isEmpty()) {
      return Optional.empty();
    }
    IndicatorDefined definition = definitions.find(indicatorCode).orElse(null);
    Period period = definition == null ? calendar.parse(periodId) : calendar.parse(definition.periodType(), periodId);
    List<XuequMember> members = schools.membersOfXuequOn(countyId, xuequId, period.start(calendar.calendar()));
    return Optional.of(compute(countyId, xuequId, indicatorCode, definition, period, members));
  }

  /**
   * Every catalogue indicator for the 学区, each in its own period containing the first day of the
   * asked one (as the county scorecard does). Empty when the county has no such 学区.
   */
  public Optional<Scorecard> scorecard(String countyId, String xuequId, String periodId) {
    Optional<String> name = schools.xuequName(countyId, xuequId);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Period asked = calendar.parse(periodId);
    LocalDate day = asked.start(calendar.calendar());
    Map<LocalDate, List<XuequMember>> membersByStart = new HashMap<>();
    List<Line> lines = new ArrayList<>();
    for (IndicatorDefined definition : definitions.all()) {
      Period own = Period.containing(definition.periodType(), day, calendar.calendar());
      List<XuequMember> members = membersByStart.computeIfAbsent(
          own.start(calendar.calendar()), start -> schools.membersOfXuequOn(countyId, xuequId, start));
      lines.add(new Line(definition, compute(countyId, xuequId, definition.code(), definition, own, members)));
    }
    return Optional.of(new Scorecard(countyId, xuequId, name.get(), asked.id(), lines));
  }

  /** A 学区's scorecard: one line per catalogue indicator, by code. */
  public record Scorecard(String countyId, String xuequId, String xuequName, String periodId, List<Line> lines) {}

  /** An indicator and the 学区's figures for it. */
  public record Line(IndicatorDefined indicator, XuequFigures figures) {}

  private XuequFigures compute(String countyId, String xuequId, String indicatorCode, IndicatorDefined definition,
      Period period, List<XuequMember> members) {
    IndicatorDefinitions.Rules rules = new IndicatorDefinitions.Rules(definition);
    Set<String> counted = members.stream()
        .filter(m -> rules.appliesTo(m.schoolType()))
        .map(XuequMember::schoolId)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Instant deadline = deadlines.of(countyId, period.id()).orElse(null);
    CountyRollupFigures figures;
    Map<String, SchoolFigure> latest = Map.of();
    if (definition != null && definition.kind() == IndicatorKind.UNIT_COUNT) {
      LocalDate lastDay = period.endExclusive(calendar.calendar()).minusDays(1);
      LocalDate today = calendar.today();
      LocalDate day = today.isBefore(lastDay) ? today : lastDay;
      figures = CountyRollupFigures.ofUnitCount(repo.titlesHeldOn(countyId, counted, day), counted.size());
    } else {
      latest = repo.latestOf(indicatorCode, period.id(), counted).stream()
          .collect(Collectors.toMap(SchoolFigure::schoolId, Function.identity()));
      figures = CountyRollupFigures.of(latest.values(), counted.size(), rules.targetFor(period), deadline);
    }
    figures = figures.withSignOffs(signOffs.of(period.id(), counted, deadline));
    Map<String, SchoolFigure> snapshots = latest;
    List<XuequFigures.School> lines = members.stream()
        .map(m -> {
          SchoolFigure f = snapshots.get(m.schoolId());
          return new XuequFigures.School(m.schoolId(), m.name(), m.schoolType(), counted.contains(m.schoolId()),
              f == null ? null : f.figure(), f == null ? null : f.version());
        })
        .toList();
    return new XuequFigures(countyId, xuequId, indicatorCode, period.id(), figures.rollup(), rules.targetFor(period),
        rules.sensitive(), figures.schoolsOnTime(), figures.deadline(), figures.signOffs(), lines);
  }
}
