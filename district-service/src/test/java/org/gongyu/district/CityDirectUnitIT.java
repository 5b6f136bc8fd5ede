package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.gongyu.contracts.Topics;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The city's unit of city-direct schools (市直学校, ADR 0027) in district-service: registered with its
 * kind from {@code CountyRegistered}, kept like a county, and administered by the city's admins, who
 * register its 学区 and schools where a county admin would; the city's admins stay out of a county's
 * county-admin endpoints (403), city staff who are not admins too, and another county's admin sees
 * nothing of the unit (404). County 990668, unit 990669-ZS.
 */
class CityDirectUnitIT extends DistrictITSupport {

  private static final String COUNTY = "990668";
  private static final String UNIT = "990669-ZS";

  @BeforeAll
  void theUnitIsCityDirect() {
    send(Topics.CITY_COUNTIES, TestEvents.CITY, TestEvents.cityDirect(UNIT, 2));
    await().atMost(PATIENCE).until(() -> count("select count(*) from county where id = '" + UNIT + "' and kind = 'CITY_DIRECT'") == 1);
    assertThat(count("select count(*) from county where id = '" + COUNTY + "' and kind = 'COUNTY'")).isEqualTo(1);
  }

  @Test
  void theCitysAdminsRegisterTheUnitsSchoolsAndStayOutOfACountysRegistry() {
    String cityAdmin = Keycloak.tokenAs("city-admin", Keycloak.CITY);
    String school = "/api/district/counties/" + UNIT + "/schools/9906690001";
    assertThat(statusOf("PUT", school, body("市直实验小学", "PRIMARY", null), cityAdmin)).isEqualTo(201);
    assertThat(statusOf("PUT", "/api/district/counties/" + UNIT + "/xuequ/" + UNIT + "-XQ1", "{\"name\":\"市直片区\"}", cityAdmin))
        .isIn(200, 201);
    assertThat(count("select count(*) from school where id = '9906690001'")).isEqualTo(1);

    assertThat(statusOf("PUT", "/api/district/counties/" + COUNTY + "/schools/9906680001", body("县小学", "PRIMARY", null), cityAdmin))
        .as("a county's registry is its admins'").isEqualTo(403);
    assertThat(statusOf("PUT", "/api/district/counties/" + UNIT + "/schools/9906690002", body("市直二小", "PRIMARY", null),
        Keycloak.tokenAs("city-staff", Keycloak.CITY))).as("city staff who are not admins").isEqualTo(403);
    assertThat(statusOf("PUT", "/api/district/counties/" + UNIT + "/schools/9906690002", body("市直二小", "PRIMARY", null),
        Keycloak.tokenAs("county-admin", COUNTY))).as("another county's admin").isEqualTo(404);
    assertThat(count("select count(*) from school where id in ('9906680001', '9906690002')")).isZero();
  }
}
