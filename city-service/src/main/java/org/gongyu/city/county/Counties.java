package org.gongyu.city.county;

import org.gongyu.city.CityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's counties as the rollups see them, and the city lock: registering a county takes it
 * exclusively, recomputing a city rollup takes it shared (before the rollup row). So a recompute
 * counts every county committed before it, and a registration sees every rollup created before it:
 * no rollup can miss a county. Shared holders never wait for each other.
 */
@Component
public class Counties {

  /** Namespace of the city advisory lock (first key of {@code pg_advisory_xact_lock(int, int)}). */
  private static final int CITY_LOCK_NAMESPACE = 1;

  private final JdbcClient jdbc;
  private final CityProperties city;

  Counties(JdbcClient jdbc, CityProperties city) {
    this.jdbc = jdbc;
    this.city = city;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void lockShared() {
    jdbc.sql("select pg_advisory_xact_lock_shared(?, hashtext(?))").param(CITY_LOCK_NAMESPACE).param(city.id()).query().singleRow();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void lockExclusively() {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").param(CITY_LOCK_NAMESPACE).param(city.id()).query().singleRow();
  }

  public boolean isKnown(String countyId) {
    return jdbc.sql("select count(*) from county where id = ? and city_id = ?").params(countyId, city.id())
        .query(Integer.class).single() > 0;
  }

  public int count() {
    return jdbc.sql("select count(*) from county where city_id = ?").param(city.id()).query(Integer.class).single();
  }
}
