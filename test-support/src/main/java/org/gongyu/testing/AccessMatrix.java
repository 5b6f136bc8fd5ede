package org.gongyu.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The access matrix of a service: every endpoint × every role × the caller's own unit, a sibling
 * unit and a unit of another county, plus an anonymous call per endpoint, each with the status
 * the rules say it must get. Callers are the realm's demo users; the expected status is computed
 * here from the policy (which roles may call the endpoint, which units each tier sees), not read
 * from the service.
 *
 * <p>Who sees what: a school user sees their school; a county user the schools of their county
 * and the county itself; a city user everything in the city. A role the endpoint does not allow is
 * 403 wherever it looks; a unit the caller does not see is 404 like a missing one; no token is 401.
 */
public final class AccessMatrix {

  /** Where a resource sits, relative to the demo callers (school 9901010001 of county 990101, city 990100). */
  public enum Target { OWN, SIBLING, OTHER_COUNTY }

  /** The kind of org unit an endpoint addresses in its path. */
  public enum Level {
    /** a school: own 9901010001, sibling 9901010002 (same county), other county 9901020001 */
    SCHOOL(Map.of(Target.OWN, "9901010001", Target.SIBLING, "9901010002", Target.OTHER_COUNTY, "9901020001")),
    /** a county: own 990101, sibling 990102, another 990103 (all in city 990100) */
    COUNTY(Map.of(Target.OWN, "990101", Target.SIBLING, "990102", Target.OTHER_COUNTY, "990103")),
    /** the city as a whole (no unit in the path): one target */
    CITY(Map.of(Target.OWN, "990100"));

    private final Map<Target, String> ids;

    Level(Map<Target, String> ids) {
      this.ids = ids;
    }

    public String id(Target target) {
      return ids.get(target);
    }

    List<Target> targets() {
      return this == CITY ? List.of(Target.OWN) : List.of(Target.values());
    }
  }

  /** The six realm roles and the demo user who holds each for the callers' own units. */
  public static final Map<String, String> CALLERS = callers();

  private static Map<String, String> callers() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("school-staff", "staff-9901010001");
    m.put("school-admin", "admin-9901010001");
    m.put("county-assessor", "assessor-990101");
    m.put("county-admin", "county-admin-990101");
    m.put("city-staff", "city-staff");
    m.put("city-admin", "city-admin");
    return m;
  }

  /**
   * One endpoint: {@code path} builds the path for the addressed unit's id; {@code body} builds
   * the body sent with writes for that id (null for none); {@code roles} may call it; a permitted
   * call must answer 2xx.
   */
  public record Endpoint(
      String method, Level level, Function<String, String> path, Function<String, String> body, Set<String> roles) {

    /** A GET. */
    public static Endpoint get(Level level, Function<String, String> path, Set<String> roles) {
      return new Endpoint("GET", level, path, unit -> null, roles);
    }

    /** A write whose body is the same for every unit. */
    public static Endpoint send(String method, Level level, Function<String, String> path, String body, Set<String> roles) {
      return new Endpoint(method, level, path, unit -> body, roles);
    }

    public String name() {
      return method + " " + path.apply("{" + level.name().toLowerCase() + "}");
    }
  }

  /** Sends one request; {@code token} is null for an anonymous call. Returns the status. */
  @FunctionalInterface
  public interface Client {
    int call(String method, String path, String body, String token);
  }

  /** A client sending exactly the token given (JSON bodies) to a service at {@code baseUrl}. */
  public static Client overHttp(String baseUrl) {
    org.springframework.web.client.RestClient http = org.springframework.web.client.RestClient.create(baseUrl);
    return (method, path, body, token) -> {
      var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      if (body != null) {
        request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body);
      }
      return request.exchange((req, res) -> res.getStatusCode().value(), true);
    };
  }

  /** One checked cell. */
  public record Cell(String endpoint, String role, Target target, String expected, int actual) {
    boolean passed() {
      return expected.equals("2xx") ? actual >= 200 && actual < 300 : expected.equals(String.valueOf(actual));
    }

    @Override
    public String toString() {
      return endpoint + " as " + role + " on " + target + ": expected " + expected + ", got " + actual;
    }
  }

  /** The outcome: every cell, and those that did not get their expected status. */
  public record Result(List<Cell> cells, List<Cell> failures, int endpoints) {
    public String summary(String service) {
      long unitCells = cells.stream().filter(c -> !c.role().equals("anonymous")).count();
      long anonymous = cells.size() - unitCells;
      return "access matrix " + service + ": " + cells.size() + " cells (" + endpoints + " endpoints; "
          + unitCells + " role x unit cells over " + CALLERS.size() + " roles, " + anonymous + " anonymous), "
          + (cells.size() - failures.size()) + " as expected, " + failures.size() + " not";
    }
  }

  private AccessMatrix() {}

  /** The status a cell must get under the policy. */
  public static String expected(Endpoint endpoint, String role, Target target) {
    if (!endpoint.roles().contains(role)) {
      return "403";
    }
    return sees(role, endpoint.level(), target) ? "2xx" : "404";
  }

  private static boolean sees(String role, Level level, Target target) {
    if (level == Level.CITY || role.startsWith("city-")) {
      return true;
    }
    if (role.startsWith("county-")) {
      return switch (level) {
        case SCHOOL -> target != Target.OTHER_COUNTY; // own and sibling schools are in the county
        case COUNTY, CITY -> target == Target.OWN;
      };
    }
    return level == Level.SCHOOL && target == Target.OWN;
  }

  /** Calls every cell: each endpoint × role × target with the demo users' tokens, and anonymously. */
  public static Result run(List<Endpoint> endpoints, Client client) {
    List<Cell> cells = new ArrayList<>();
    for (Endpoint e : endpoints) {
      for (Target target : e.level().targets()) {
        String unit = e.level().id(target);
        String path = e.path().apply(unit);
        for (var caller : CALLERS.entrySet()) {
          int status = client.call(e.method(), path, e.body().apply(unit), Keycloak.token(caller.getValue()));
          cells.add(new Cell(e.name(), caller.getKey(), target, expected(e, caller.getKey(), target), status));
        }
      }
      String own = e.level().id(Target.OWN);
      cells.add(new Cell(e.name(), "anonymous", Target.OWN, "401", client.call(e.method(), e.path().apply(own), e.body().apply(own), null)));
    }
    List<Cell> failures = cells.stream().filter(c -> !c.passed()).toList();
    return new Result(List.copyOf(cells), failures, endpoints.size());
  }
}
