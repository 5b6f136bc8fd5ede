package org.gongyu.city.rollup;

import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Rate, completeness (schools reporting / expected) and timeliness come from the shared arithmetic. */
@Mapper(componentModel = "spring", imports = {Figure.class, Rollup.class})
interface CityRollupMapper {

  @Mapping(target = "rate", expression = "java(new Figure(row.numerator(), row.denominator()).rate())")
  @Mapping(target = "completeness",
      expression = "java(new Rollup(new Figure(row.numerator(), row.denominator()), row.schoolsReporting(), row.schoolsExpected(), row.schoolsMeetingTarget()).completeness())")
  @Mapping(target = "timeliness",
      expression = "java(row.schoolsOnTime() == null ? null : new Figure(row.schoolsOnTime(), row.schoolsUnderDeadline()).rate())")
  CityRollupResponse toResponse(CityRollupRow row);

  CityRollupResponse.Source toSource(CountyVersion version);
}
