package org.gongyu.reporting.stamps;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.scheduling.EveryInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stamp of each scope of the read model, as every instance of the service sees it.
 *
 * <p>A listener that writes moves the stamps of the scopes it touched with {@link #changed}, in
 * its own transaction: the new stamps become visible with the change, or not at all. {@link #sync}
 * (every ~100 ms) reads every stamp. A document built after reading stamp {@code s} of a scope
 * holds every change committed before {@code s} was read; a change committed later carries a newer
 * stamp, so the document is rebuilt after the next sync. Stamps come from one sequence: a moved
 * stamp is larger than every stamp before it, so the largest stamp of a family of scopes
 * ({@code county:*}) moves whenever one of them does. Every instance sees the same stamps.
 *
 * <p>Scopes: {@link #REFERENCE} (the catalogue), {@link #REGISTRY} (counties and schools), {@link
 * #CITY} (city rollups), {@link #county} (one county's rollups) and {@link #schools} (the snapshots
 * and approved figures of one county's schools, of every county a school has belonged to). Rows
 * hot under load stay per county, so writers of different counties never wait for each other.
 */
@Component
public class ReadModelStamps {

  public static final String REFERENCE = "reference";
  public static final String REGISTRY = "registry";
  public static final String CITY = "city";
  /** Every county's rollups: the largest of the {@code county:} stamps. */
  public static final String ALL_COUNTIES = "county:*";
  /** Every county's schools: the largest of the {@code schools:} stamps. */
  public static final String ALL_SCHOOLS = "schools:*";

  private static final Logger log = LoggerFactory.getLogger(ReadModelStamps.class);

  private final JdbcClient jdbc;
  private volatile Map<String, Long> stamps = Map.of();

  ReadModelStamps(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static String county(String countyId) {
    return "county:" + countyId;
  }

  public static String schools(String countyId) {
    return "schools:" + countyId;
  }

  /**
   * Moves the scopes' stamps in the caller's transaction (sorted, so two writers touching the same
   * scopes lock their rows in the same order).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void changed(Collection<String> scopes) {
    String[] sorted = scopes.stream().distinct().sorted().toArray(String[]::new);
    if (sorted.length == 0) {
      return;
    }
    jdbc.sql("""
        insert into read_model_stamp (scope, stamp)
        select scope, nextval('read_model_stamp_seq') from unnest(?::text[]) as s(scope) order by scope
        on conflict (scope) do update set stamp = excluded.stamp
        """).param(sorted).update();
  }

  public void changed(String... scopes) {
    changed(List.of(scopes));
  }

  /**
   * Moves the stamps of the schools of every county the school has belonged to (a period before a
   * move still shows it in the old county), in the caller's transaction. Reads the memberships of
   * {@code orgunits} ({@code school_membership}); a school not yet registered moves nothing (its
   * registration moves {@link #REGISTRY}).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void schoolChanged(String schoolId) {
    changed(jdbc.sql("select distinct 'schools:' || county_id from school_membership where school_id = ?")
        .param(schoolId).query(String.class).list());
  }

  /** {@link #schoolChanged} for several schools at once: each scope moves once. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void schoolsChanged(Collection<String> schoolIds) {
    if (schoolIds.isEmpty()) {
      return;
    }
    changed(jdbc.sql("select distinct 'schools:' || county_id from school_membership where school_id = any(?)")
        .param(schoolIds.stream().distinct().toArray(String[]::new)).query(String.class).list());
  }

  /**
   * The scopes' stamps as one string, as of the last sync: a scope never changed counts 0, and
   * {@code prefix:*} stands for the largest stamp of the scopes starting with {@code prefix:}
   * (worked out once per sync, not per reader).
   */
  public String of(List<String> scopes) {
    Map<String, Long> now = stamps;
    StringBuilder s = new StringBuilder();
    for (String scope : scopes) {
      if (!s.isEmpty()) {
        s.append('.');
      }
      s.append(now.getOrDefault(scope, 0L));
    }
    return s.toString();
  }

  /** Reads every stamp (two rows per county and a few more) and the largest of each family ({@code county:*}). */
  @EveryInstance("refreshes this instance's in-memory copy of the stamps; it only reads")
  @Scheduled(fixedDelayString = "${gongyu.reporting.stamps.poll:PT0.1S}")
  public void sync() {
    try {
      Map<String, Long> read = new HashMap<>();
      jdbc.sql("select scope, stamp from read_model_stamp").query(rs -> {
        String scope = rs.getString(1);
        long stamp = rs.getLong(2);
        read.put(scope, stamp);
        int colon = scope.indexOf(':');
        if (colon > 0) {
          read.merge(scope.substring(0, colon + 1) + "*", stamp, Math::max);
        }
      });
      stamps = Map.copyOf(read);
    } catch (RuntimeException e) {
      log.warn("could not read the read model's stamps (read again at the next poll): {}", e.toString());
    }
  }
}
