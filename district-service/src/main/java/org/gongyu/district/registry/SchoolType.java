package org.gongyu.district.registry;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;

/** 学校类型 as the registry records it. */
enum SchoolType {
  PRIMARY,
  JUNIOR_SECONDARY,
  NINE_YEAR,
  SENIOR_SECONDARY,
  COMPLETE_SECONDARY,
  VOCATIONAL,
  SPECIAL_EDUCATION,
  KINDERGARTEN;

  static SchoolType parse(String value) {
    for (SchoolType t : values()) {
      if (t.name().equals(value)) {
        return t;
      }
    }
    throw ApiProblem.badRequest(Msg.msg("district.school-type.unknown", value,
        Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))));
  }
}
