package org.gongyu.district.registry;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;

/** 学校类型 as the registry records it, with the words a person sees (the import template's drop-down). */
enum SchoolType {
  PRIMARY("小学", "Primary"),
  JUNIOR_SECONDARY("初中", "Junior secondary"),
  NINE_YEAR("九年一贯制", "Nine-year"),
  SENIOR_SECONDARY("高中", "Senior secondary"),
  COMPLETE_SECONDARY("完全中学", "Complete secondary"),
  VOCATIONAL("职业学校", "Vocational"),
  SPECIAL_EDUCATION("特殊教育学校", "Special education"),
  KINDERGARTEN("幼儿园", "Kindergarten");

  private final String labelZh;
  private final String labelEn;

  SchoolType(String labelZh, String labelEn) {
    this.labelZh = labelZh;
    this.labelEn = labelEn;
  }

  String labelZh() {
    return labelZh;
  }

  String labelEn() {
    return labelEn;
  }

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
