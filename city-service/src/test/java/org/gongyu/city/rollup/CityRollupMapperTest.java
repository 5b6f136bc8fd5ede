package org.gongyu.city.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.junit.jupiter.api.Test;

/**
 * DEMONSTRATION_SCHOOLS (UNIT_COUNT): each county publishes (titles held, 1), so the city's rate is
 * the mean number of titles per reporting county and the city meets a per-county target when that
 * mean reaches it; nothing in the city special-cases the kind beyond {@code Rollup#meets}.
 */
class CityRollupMapperTest {

  private static final Period CYCLE = Period.parse(PeriodType.PROGRAMME_CYCLE, "2024-2027");
  private final CityRollupMapper mapper = new CityRollupMapperImpl();

  @Test
  void aUnitCountCityRollupIsTheMeanTitlesPerCountyJudgedAgainstThePerCountyTarget() {
    // 120 + 95 + 100 titles in three counties: a mean of 105 per county
    CityRollupFigures figures = CityRollupFigures.of(List.of(
        county("990101", 120, 40), county("990102", 95, 35), county("990103", 100, 30)), 4);

    CityRollupResponse at100 = mapper.toResponse(row(figures), Optional.of(demonstrationSchools("100")), CYCLE);
    assertThat(at100.numerator()).isEqualTo(315);
    assertThat(at100.denominator()).as("one per reporting county").isEqualTo(3);
    assertThat(at100.rate()).isEqualByComparingTo("105");
    assertThat(at100.met()).as("a mean of 105 reaches 100 per county, although 990102 holds 95").isTrue();
    assertThat(at100.schoolsMeetingTarget()).as("titles, as the counties published them").isEqualTo(315);

    assertThat(mapper.toResponse(row(figures), Optional.of(demonstrationSchools("105")), CYCLE).met()).isTrue();
    assertThat(mapper.toResponse(row(figures), Optional.of(demonstrationSchools("106")), CYCLE).met()).isFalse();
  }

  private static CountyFigure county(String id, long titles, int schools) {
    return new CountyFigure(id, 1, new Rollup(new Figure(titles, 1), schools, schools, (int) titles), null, null);
  }

  private static CityRollupRow row(CityRollupFigures f) {
    Rollup r = f.rollup();
    return new CityRollupRow("990100", "DEMONSTRATION_SCHOOLS", CYCLE.id(), r.figure().numerator(), r.figure().denominator(),
        f.countiesReporting(), f.countiesExpected(), r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), 1,
        Instant.parse("2026-10-08T02:00:00Z"), f.lineage(), null, null, null, null, null);
  }

  private static IndicatorDefined demonstrationSchools(String target) {
    return new IndicatorDefined("DEMONSTRATION_SCHOOLS", "协同育人示范学校数", "Co-education demonstration schools",
        IndicatorKind.UNIT_COUNT, PeriodType.PROGRAMME_CYCLE, TargetComparator.AT_LEAST, false, List.of(),
        List.of(new PeriodTarget("2024-2027", new BigDecimal(target))), 2);
  }
}
