package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.reporting.catalogue.CatalogueRepository;
import org.gongyu.reporting.catalogue.IndicatorRow;
import org.gongyu.reporting.figures.CountyRollupRow;
import org.gongyu.reporting.figures.FigureRepository;
import org.gongyu.reporting.figures.SchoolSnapshotRow;
import org.gongyu.reporting.orgunits.CountyRow;
import org.gongyu.reporting.orgunits.OrgUnitRepository;
import org.gongyu.reporting.orgunits.SchoolRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * "What needs attention": for every catalogue indicator (in its own period containing the asked
 * period's first day) and every county in scope, the county if its rollup misses the target or it
 * has none, and each school of the county (on that period's first day, of a type the indicator
 * applies to) that misses the target, has not reported, or reported after the county's deadline.
 * Judgements are those of the below-target lists ({@link ReportAssembler}); a suppressed figure is
 * counted in {@code withheld}, never listed with its values. Per indicator it reads the county
 * rollups of the period (one key range), the snapshots of the schools in scope (by key) and, where
 * a county set a deadline, when those schools first reported. One repeatable-read transaction.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class AttentionService {

  private final ReportInputs inputs;
  private final CatalogueRepository catalogue;
  private final OrgUnitRepository orgUnits;
  private final FigureRepository figures;
  private final Clock clock;

  AttentionService(ReportInputs inputs, CatalogueRepository catalogue, OrgUnitRepository orgUnits, FigureRepository figures,
      Clock clock) {
    this.inputs = inputs;
    this.catalogue = catalogue;
    this.orgUnits = orgUnits;
    this.figures = figures;
    this.clock = clock;
  }

  /** The filters of an attention list; null or empty = no filter. */
  public record Filter(List<String> reasons, List<String> indicators, String level, String countyId) {

    public static final Filter NONE = new Filter(null, null, null, null);

    Set<Attention.Reason> reasonSet() {
      if (reasons == null || reasons.isEmpty()) {
        return Set.of(Attention.Reason.values());
      }
      return reasons.stream().map(r -> {
        try {
          return Attention.Reason.valueOf(r.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw ApiProblem.badRequest(Msg.msg("reporting.attention.reason-unknown", r));
        }
      }).collect(Collectors.toSet());
    }

    String levelValue() {
      if (level == null || level.isBlank()) {
        return null;
      }
      String l = level.trim().toUpperCase(Locale.ROOT);
      if (!l.equals("COUNTY") && !l.equals("SCHOOL")) {
        throw ApiProblem.badRequest(Msg.msg("reporting.attention.level-unknown", level));
      }
      return l;
    }
  }

  /** Every county of the city, or the one of {@code filter.countyId}. */
  public Attention city(String periodId, Filter filter) {
    Period asked = inputs.period(periodId);
    List<CountyRow> counties = filter.countyId() == null || filter.countyId().isBlank()
        ? orgUnits.counties()
        : List.of(inputs.county(filter.countyId()));
    return attention(asked, counties, filter, null);
  }

  /** One county and its schools. */
  public Attention county(String periodId, String countyId, Filter filter) {
    Period asked = inputs.period(periodId);
    CountyRow county = inputs.county(countyId);
    return attention(asked, List.of(county), filter, countyId);
  }

  private Attention attention(Period asked, List<CountyRow> counties, Filter filter, String countyId) {
    Set<Attention.Reason> reasons = filter.reasonSet();
    String level = filter.levelValue();
    Set<String> codes = filter.indicators() == null ? Set.of()
        : filter.indicators().stream().filter(c -> !c.isBlank()).map(String::trim).collect(Collectors.toSet());
    for (String code : codes) {
      inputs.indicator(code); // 404 for a code the catalogue does not know
    }
    SchoolCalendar calendar = inputs.calendar().calendar();
    LocalDate day = asked.start(calendar);
    Instant now = clock.instant();
    Map<String, List<SchoolRow>> schoolsByCountyAndStart = new HashMap<>();
    List<Attention.Item> items = new ArrayList<>();
    int withheld = 0;
    for (IndicatorRow indicator : catalogue.all()) {
      if (!codes.isEmpty() && !codes.contains(indicator.code())) {
        continue;
      }
      Period own = Period.containing(indicator.periodType(), day, calendar);
      LocalDate start = own.start(calendar);
      Target target = indicator.targetFor(own);
      Map<String, CountyRollupRow> rollups = figures.countyRollups(indicator.code(), own.id()).stream()
          .collect(Collectors.toMap(CountyRollupRow::countyId, Function.identity()));
      Judge judge = new Judge(indicator, own.id(), target, reasons, items);
      for (CountyRow county : counties) {
        CountyRollupRow rollup = rollups.get(county.countyId());
        if (!"SCHOOL".equals(level)) {
          withheld += judge.county(county, rollup);
        }
        if ("COUNTY".equals(level) || !indicator.reportedBySchools()) {
          continue;
        }
        List<SchoolRow> schools = schoolsByCountyAndStart.computeIfAbsent(county.countyId() + "@" + start,
                k -> orgUnits.schoolsOf(county.countyId(), start)).stream()
            .filter(s -> indicator.appliesTo(s.schoolType()))
            .toList();
        List<String> ids = schools.stream().map(SchoolRow::schoolId).toList();
        Map<String, SchoolSnapshotRow> snapshots = figures.snapshots(indicator.code(), own.id(), ids);
        Instant deadline = rollup == null ? null : rollup.deadline();
        Map<String, Instant> firstReports = deadline == null || !reasons.contains(Attention.Reason.LATE)
            ? Map.of() : figures.firstReports(indicator.code(), own.id(), ids);
        for (SchoolRow school : schools) {
          withheld += judge.school(school, county, snapshots.get(school.schoolId()), deadline,
              firstReports.get(school.schoolId()), now);
        }
      }
    }
    items.sort(ORDER);
    return new Attention(asked.id(), countyId, List.copyOf(items), withheld);
  }

  /** Catalogue order, counties before schools, by county, reason, largest gap, unit id. */
  private static final Comparator<Attention.Item> ORDER = Comparator
      .comparing(Attention.Item::indicatorCode, org.gongyu.contracts.indicator.IndicatorCodes.CATALOGUE_ORDER)
      .thenComparing(Attention.Item::level)
      .thenComparing(Attention.Item::countyId)
      .thenComparing(Attention.Item::reason)
      .thenComparing(Attention.Item::gap, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
      .thenComparing(Attention.Item::unitId);

  /** The judgements of one indicator in one period; each method adds its items and returns what it withheld. */
  private record Judge(IndicatorRow indicator, String periodId, Target target, Set<Attention.Reason> reasons,
      List<Attention.Item> items) {

    int county(CountyRow county, CountyRollupRow rollup) {
      if (rollup == null) {
        add(Attention.Reason.MISSING, "COUNTY", county.countyId(), county.name(), county, null, null, null, null, null);
        return 0;
      }
      if (target == null) {
        return 0;
      }
      if (ReportAssembler.suppressed(indicator, rollup.rollup().figure())) {
        return reasons.contains(Attention.Reason.BELOW_TARGET) ? 1 : 0;
      }
      BelowTarget.County below = ReportAssembler.countyBelow(county, rollup, target);
      if (below != null) {
        add(Attention.Reason.BELOW_TARGET, "COUNTY", county.countyId(), county.name(), county, null,
            rollup.rollup().figure(), below.gap(), rollup.deadline(), null);
      }
      return 0;
    }

    int school(SchoolRow school, CountyRow county, SchoolSnapshotRow snapshot, Instant deadline, Instant firstReport,
        Instant now) {
      if (snapshot == null) {
        add(Attention.Reason.MISSING, "SCHOOL", school.schoolId(), school.name(), county, school.xuequId(), null, null,
            deadline, null);
        if (deadline != null && now.isAfter(deadline)) {
          add(Attention.Reason.LATE, "SCHOOL", school.schoolId(), school.name(), county, school.xuequId(), null, null,
              deadline, null);
        }
        return 0;
      }
      boolean suppressed = ReportAssembler.suppressed(indicator, snapshot.figure());
      Figure shown = suppressed ? null : snapshot.figure();
      if (deadline != null && firstReport != null && firstReport.isAfter(deadline)) {
        add(Attention.Reason.LATE, "SCHOOL", school.schoolId(), school.name(), county, school.xuequId(), shown, null,
            deadline, firstReport);
      }
      if (target == null) {
        return 0;
      }
      if (suppressed) {
        return reasons.contains(Attention.Reason.BELOW_TARGET) ? 1 : 0;
      }
      BelowTarget.School below = ReportAssembler.schoolBelow(school, county, snapshot, indicator, target);
      if (below != null) {
        add(Attention.Reason.BELOW_TARGET, "SCHOOL", school.schoolId(), school.name(), county, school.xuequId(), shown,
            below.gap(), deadline, firstReport);
      }
      return 0;
    }

    private void add(Attention.Reason reason, String level, String unitId, String unitName, CountyRow county,
        String xuequId, Figure figure, BigDecimal gap, Instant deadline, Instant firstReport) {
      if (!reasons.contains(reason)) {
        return;
      }
      items.add(new Attention.Item(
          indicator.code(),
          indicator.nameZh(),
          indicator.nameEn(),
          indicator.kind().name(),
          periodId,
          level,
          unitId,
          unitName,
          county.countyId(),
          county.name(),
          xuequId,
          reason,
          figure == null ? null : figure.rate(),
          target == null ? null : target.value(),
          gap,
          figure == null ? null : figure.numerator(),
          figure == null ? null : figure.denominator(),
          deadline,
          firstReport));
    }
  }
}
