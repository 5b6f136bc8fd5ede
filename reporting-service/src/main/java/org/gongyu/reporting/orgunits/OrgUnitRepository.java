package org.gongyu.reporting.orgunits;

import java.util.List;
import java.util.Optional;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counties and schools; reads are public, writes belong to this feature's listeners. */
@Repository
public class OrgUnitRepository {

  private static final String COUNTY_COLUMNS = "county_id, city_id, name, version";
  private static final String SCHOOL_COLUMNS = "school_id, county_id, xuequ_id, name, version";

  private final JdbcClient jdbc;

  OrgUnitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every known county, by id. A city has about a dozen. */
  public List<CountyRow> counties() {
    return jdbc.sql("select " + COUNTY_COLUMNS + " from county order by county_id")
        .query(CountyRow.class)
        .list();
  }

  public Optional<CountyRow> county(String countyId) {
    return jdbc.sql("select " + COUNTY_COLUMNS + " from county where county_id = ?")
        .param(countyId)
        .query(CountyRow.class)
        .optional();
  }

  /** The registered schools of one county (index {@code school_by_county}), by id. */
  public List<SchoolRow> schoolsOf(String countyId) {
    return jdbc.sql("select " + SCHOOL_COLUMNS + " from school where county_id = ? order by school_id")
        .param(countyId)
        .query(SchoolRow.class)
        .list();
  }

  public Optional<SchoolRow> school(String schoolId) {
    return jdbc.sql("select " + SCHOOL_COLUMNS + " from school where school_id = ?")
        .param(schoolId)
        .query(SchoolRow.class)
        .optional();
  }

  /** Stores the county unless a version at least as new is stored; true if it was stored. */
  boolean save(CountyRegistered c) {
    return jdbc.sql("""
            insert into county (county_id, city_id, name, version) values (?, ?, ?, ?)
            on conflict (county_id) do update
              set city_id = excluded.city_id, name = excluded.name, version = excluded.version
              where county.version < excluded.version
            """)
        .params(c.countyId(), c.cityId(), c.name(), c.version())
        .update() == 1;
  }

  /** Stores the school unless a version at least as new is stored; true if it was stored. */
  boolean save(SchoolRegistered s) {
    return jdbc.sql("""
            insert into school (school_id, county_id, xuequ_id, name, school_type, version)
            values (?, ?, ?, ?, ?, ?)
            on conflict (school_id) do update
              set county_id = excluded.county_id, xuequ_id = excluded.xuequ_id, name = excluded.name,
                  school_type = excluded.school_type, version = excluded.version
              where school.version < excluded.version
            """)
        .params(s.schoolId(), s.countyId(), s.xuequId(), s.name(), s.schoolType(), s.version())
        .update() == 1;
  }
}
