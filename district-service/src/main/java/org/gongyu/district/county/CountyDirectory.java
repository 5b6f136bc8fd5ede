package org.gongyu.district.county;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which counties exist, and the county row lock. Lock order across the service: school id lock,
 * then county row, then indicator lock, then rollup row. Changes to a county's registry take the
 * county row exclusively; rollup recomputes take it shared, so a recompute always counts the
 * registry as of its commit and a registry change always sees every rollup created before it.
 */
@Component
public class CountyDirectory {

  private final JdbcClient jdbc;

  CountyDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks the county row exclusively; false if the county is not registered. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean lockExclusively(String countyId) {
    return jdbc.sql("select id from county where id = ? for update").param(countyId).query(String.class).optional().isPresent();
  }

  /** Locks the county row shared; false if the county is not registered. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean lockShared(String countyId) {
    return jdbc.sql("select id from county where id = ? for share").param(countyId).query(String.class).optional().isPresent();
  }

  /** Locks every county row shared, in id order (a catalogue change touches every county). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lockAllShared() {
    jdbc.sql("select id from county order by id for share").query(String.class).list();
  }

  /** Every registered county's id, in id order. */
  public java.util.List<String> ids() {
    return jdbc.sql("select id from county order by id").query(String.class).list();
  }

  public boolean exists(String countyId) {
    return jdbc.sql("select count(*) from county where id = ?").param(countyId).query(Integer.class).single() > 0;
  }
}
