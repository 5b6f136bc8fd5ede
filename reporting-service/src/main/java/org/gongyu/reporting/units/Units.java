package org.gongyu.reporting.units;

import java.util.Optional;
import org.gongyu.chassis.security.OrgScope;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.reporting.figures.FigureRepository;
import org.gongyu.reporting.orgunits.CountyRow;
import org.gongyu.reporting.orgunits.OrgUnitRepository;
import org.gongyu.reporting.orgunits.SchoolRow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names org units: the city of this deployment ({@code gongyu.city.id}), a registered county, or a
 * registered school (in its current county, or as it was on a period's first day for the reports).
 */
@Service
@Transactional(readOnly = true)
public class Units {

  private final OrgUnitRepository orgUnits;
  private final FigureRepository figures;
  private final String cityId;

  Units(OrgUnitRepository orgUnits, FigureRepository figures, OrgScope scope) {
    this.orgUnits = orgUnits;
    this.figures = figures;
    this.cityId = scope.cityId();
  }

  /** The id of the city this deployment serves. */
  public String cityId() {
    return cityId;
  }

  /** The city, a county or a school by id; 404 when it is none of them. */
  public UnitView unit(String unitId) {
    if (cityId.equals(unitId)) {
      String name = cityName();
      return new UnitView(cityId, "CITY", name, cityId, name, null, null, null, null);
    }
    Optional<CountyRow> county = orgUnits.county(unitId);
    if (county.isPresent()) {
      return county(county.get());
    }
    return orgUnits.school(unitId).map(this::school)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("reporting.unit.not-registered", unitId)));
  }

  public UnitView county(CountyRow county) {
    String city = cityName();
    return new UnitView(county.countyId(), "COUNTY", county.name(), county.cityId(), city, county.countyId(), county.name(),
        null, null);
  }

  /** The school in the county of {@code school} (its current one, or the one of a period's first day). */
  public UnitView school(SchoolRow school) {
    CountyRow county = orgUnits.county(school.countyId()).orElse(null);
    return new UnitView(school.schoolId(), "SCHOOL", school.name(), county == null ? cityId : county.cityId(), cityName(),
        school.countyId(), county == null ? null : county.name(), school.xuequId(), school.schoolType());
  }

  public String cityName() {
    return figures.cityName(cityId).orElse(null);
  }

  /** What a unit id is, for the scope rule: the city, a registered county, else (as far as scope goes) a school. */
  Kind kindOf(String unitId) {
    if (cityId.equals(unitId)) {
      return Kind.CITY;
    }
    return orgUnits.county(unitId).isPresent() ? Kind.COUNTY : Kind.SCHOOL;
  }

  enum Kind { CITY, COUNTY, SCHOOL }
}
