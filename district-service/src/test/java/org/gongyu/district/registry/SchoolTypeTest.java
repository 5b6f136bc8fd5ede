package org.gongyu.district.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongyu.chassis.web.ApiProblem;
import org.junit.jupiter.api.Test;

class SchoolTypeTest {

  @Test
  void parsesEveryRegisteredType() {
    for (SchoolType t : SchoolType.values()) {
      assertThat(SchoolType.parse(t.name())).isEqualTo(t);
    }
  }

  @Test
  void everyTypeHasItsOwnChineseAndEnglishLabelForTheImportDropDown() {
    assertThat(java.util.Arrays.stream(SchoolType.values()).map(SchoolType::labelZh).distinct()).hasSize(SchoolType.values().length);
    assertThat(java.util.Arrays.stream(SchoolType.values()).map(SchoolType::labelEn).distinct()).hasSize(SchoolType.values().length);
    assertThat(SchoolImport.SPEC.column("schoolType").orElseThrow().values())
        .extracting(v -> v.code() + "=" + v.labelZh() + "/" + v.labelEn())
        .contains("PRIMARY=小学/Primary", "KINDERGARTEN=幼儿园/Kindergarten")
        .hasSize(SchoolType.values().length);
  }

  @Test
  void refusesAnUnknownTypeNamingTheValidOnes() {
    assertThatThrownBy(() -> SchoolType.parse("primary"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> {
          assertThat(p.getStatusCode().value()).isEqualTo(400);
          assertThat(p.getBody().getDetail()).contains("'primary'", "PRIMARY", "KINDERGARTEN");
        });
  }
}
