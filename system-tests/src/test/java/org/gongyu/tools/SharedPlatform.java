package org.gongyu.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform per test JVM, shared by every system-test class: {@code deploy/local/platform.sh up}
 * (ports +1000, databases {@code gongyu_st_*}, run dir {@code system-tests/target/system-run}, no
 * demo data) on the first class that needs it, {@code down} when the root context closes, after the
 * last class. Starting the platform costs minutes, so it happens once however many classes use it.
 * {@link #demoCity()} loads the demo city into it, once, for the classes that check figures on it.
 */
public final class SharedPlatform implements BeforeAllCallback {

  static final Path ROOT = Path.of(System.getProperty("gongyu.root", "..")).toAbsolutePath().normalize();
  static final Path RUN_DIR = ROOT.resolve("system-tests/target/system-run");
  static final int OFFSET = 1000;
  static final String GATEWAY = "http://127.0.0.1:" + (8080 + OFFSET);
  static final String KEYCLOAK = "http://127.0.0.1:" + System.getenv().getOrDefault("GONGYU_KEYCLOAK_PORT", "8180");

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, k -> Running.start(), Running.class);
  }

  /** The running platform; the root store closes it once every class has run. */
  static final class Running implements AutoCloseable {

    static Running start() {
      try {
        // another checkout's system tests (same ports and databases) would lose their databases
        // under them to the drop below: refuse instead
        for (int port : java.util.List.of(8080 + OFFSET, 9092 + OFFSET)) {
          try (java.net.Socket taken = new java.net.Socket("127.0.0.1", port)) {
            throw new IllegalStateException("127.0.0.1:" + port + " is in use: another system-test platform runs (ports +"
                + OFFSET + ", databases gongyu_st_*); stop it (GONGYU_PORT_OFFSET=" + OFFSET
                + " GONGYU_DB_PREFIX=gongyu_st_ GONGYU_RUN_DIR=<its run dir> deploy/local/platform.sh down) and run again");
          } catch (java.net.ConnectException free) {
            // nobody listens: ours to take
          }
        }
        script(Duration.ofMinutes(1), "deploy/local/db.sh", "drop");
        // the broker's data goes with the databases: an earlier run's events (a second run in the
        // same checkout) would otherwise flow into the fresh databases, and a rollup of that run
        // with a higher version would hide this run's figures
        deleteTree(RUN_DIR.resolve("kafka"));
        try {
          script(Duration.ofMinutes(10), "deploy/local/platform.sh", "up");
        } catch (IllegalStateException failed) {
          // what did start would otherwise stay up holding the ports, and the next run's "drop"
          // would pull the databases from under it
          try {
            script(Duration.ofMinutes(2), "deploy/local/platform.sh", "down");
          } catch (IllegalStateException stopFailed) {
            failed.addSuppressed(stopFailed);
          }
          throw failed;
        }
        return new Running();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start the platform: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting the platform", e);
      }
    }

    @Override
    public void close() throws Exception {
      script(Duration.ofMinutes(2), "deploy/local/platform.sh", "down");
    }
  }

  /** Removes a directory and everything under it, if it exists. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static DemoCity demo;
  private static Duration demoLoadTook;

  /**
   * The demo city (演示市: counties 990101–990103, schools 99010x00NN, city 990100), loaded once per
   * test JVM into the running test platform through the gateway, as {@code platform.sh up} loads it
   * into a developer's platform ({@code java -jar system-tests.jar demo}); only the classes that
   * check figures "on the demo city" ask for it. Its ids are not used by the other system tests
   * (they make counties 9902xx and 9903xx); the city 990100 is shared, and those tests read city
   * figures relative to what is there. Waits until reporting shows each county's registrations.
   */
  static synchronized DemoCity demoCity() {
    if (demo == null) {
      long started = System.nanoTime();
      DemoCity city = DemoCity.generate(java.time.Instant.now());
      city.load(new GongyuClient(GATEWAY, KEYCLOAK, true), System.out);
      demoLoadTook = Duration.ofNanos(System.nanoTime() - started);
      System.out.printf("demo city loaded into the test platform in %.1f s%n", demoLoadTook.toMillis() / 1000.0);
      demo = city;
    }
    return demo;
  }

  /** How long {@link #demoCity()} took to load, or null before. */
  static synchronized Duration demoLoadTook() {
    return demoLoadTook;
  }

  /** The services whose clocks {@link #shiftClocks} moves, by their ports in the test platform. */
  static final Map<String, Integer> SERVICE_PORTS =
      Map.of("school-service", 8081 + OFFSET, "district-service", 8082 + OFFSET, "city-service", 8083 + OFFSET,
          "reporting-service", 8084 + OFFSET);

  /**
   * Sets every service's clock to the system time plus {@code offset} (together, so the tiers agree
   * on the day), as {@code token}'s holder; {@link Duration#ZERO} puts them back.
   */
  static void shiftClocks(Duration offset, String token) {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (Map.Entry<String, Integer> service : SERVICE_PORTS.entrySet()) {
      java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + service.getValue() + "/actuator/clock"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"offset\":\"" + offset + "\"}"))
          .build();
      try {
        java.net.http.HttpResponse<String> r = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"offset\":\"" + offset + "\"")) {
          throw new IllegalStateException(service.getKey() + " did not move its clock: " + r.statusCode() + " " + r.body());
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot reach " + service.getKey() + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  /** Runs one of the deploy scripts against the test platform's ports, databases and run dir. */
  static void script(Duration timeout, String... command) throws IOException, InterruptedException {
    Files.createDirectories(RUN_DIR);
    Path log = RUN_DIR.resolve(Path.of(command[0]).getFileName() + "-" + command[1] + ".out");
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().putAll(Map.of(
        "GONGYU_PORT_OFFSET", String.valueOf(OFFSET),
        "GONGYU_DB_PREFIX", "gongyu_st_",
        "GONGYU_RUN_DIR", RUN_DIR.toString(),
        "GONGYU_DEMO", "none",
        // the lifecycle test walks the creation year and a rectification deadline: services read
        // a clock it can move forward (gongyu.clock.controllable; never set outside tests)
        "GONGYU_CLOCK_CONTROLLABLE", "true",
        "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus,metrics,clock"));
    Process p = pb.start();
    boolean done = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    String output = Files.readString(log);
    System.out.println(output);
    if (!done) {
      p.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + output);
    }
  }
}
