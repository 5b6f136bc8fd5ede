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
  void refusesAnUnknownTypeNamingTheValidOnes() {
    assertThatThrownBy(() -> SchoolType.parse("primary"))
        .isInstanceOfSatisfying(ApiProblem.class, p -> {
          assertThat(p.getStatusCode().value()).isEqualTo(400);
          assertThat(p.getBody().getDetail()).contains("'primary'", "PRIMARY", "KINDERGARTEN");
        });
  }
}
