package org.gongyu.district.rollup;

import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Rates and completeness come from the shared arithmetic, never recomputed here. */
@Mapper(componentModel = "spring", imports = {Figure.class, Rollup.class})
interface CountyRollupMapper {

  @Mapping(target = "rate", expression = "java(new Figure(row.numerator(), row.denominator()).rate())")
  @Mapping(target = "completeness",
      expression = "java(new Rollup(new Figure(row.numerator(), row.denominator()), row.schoolsReporting(), row.schoolsExpected(), row.schoolsMeetingTarget()).completeness())")
  CountyRollupResponse toResponse(CountyRollupRow row);

  CountyRollupResponse.Source toSource(SchoolVersion version);
}
