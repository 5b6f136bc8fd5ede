package org.gongyu.district.county;

import org.gongyu.chassis.security.CityDirectUnits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The city's unit of city-direct schools (市直学校, ADR 0027) among the counties, for the scope rules:
 * its county admins are the city's admins ({@code Rules.COUNTY_ADMIN}). Asked only for a city
 * admin's call on a county-admin endpoint.
 */
@Component
class CityDirectCounties implements CityDirectUnits {

  private final JdbcClient jdbc;

  CityDirectCounties(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean isCityDirect(String countyId) {
    return jdbc.sql("select count(*) from county where id = ? and kind = 'CITY_DIRECT'").param(countyId)
        .query(Integer.class).single() > 0;
  }
}
