package org.gongyu.tools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code java -jar system-tests.jar demo|bench|import-bench|limits|read-bench|province|converge --gateway http://127.0.0.1:8080 [options]}. */
public final class Tools {

  private Tools() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !List.of("demo", "bench", "import-bench", "limits", "read-bench", "province", "group-forget", "group-await",
        "converge").contains(args[0])) {
      System.err.println("usage: demo --gateway URL [--keycloak URL] [--postgres 127.0.0.1:5432] [--pg-user postgres] [--db-prefix gongyu_] | bench --gateway URL [--keycloak URL] [--schools 20] [--batches 400]"
          + " [--batch-size 50] [--concurrency 4] [--kafka HOST:PORT] [--school-service URL] [--warmup 0] [--poll-ms 100] [--limits] [--repeat 1] [limits options]"
          + " [--feed registrations|learning|snapshots [--rate 1000]] [--county 990199] [--growth 100,500,2000 [--reads 200]]"
          + " | import-bench --gateway URL [--keycloak URL] [--school-service URL] [--rows 100000]"
          + " | limits [--kafka 127.0.0.1:9092] [--postgres 127.0.0.1:5432] [--pg-user postgres] [--messages 100000] [--rows 20000] [--batch-size 50] [--repeat 1]"
          + " | read-bench --gateway URL [--keycloak URL] [--direct http://127.0.0.1:8084] [--user city-staff] [--path /api/...]"
          + " [--clients 200] [--rate 1000] [--seconds 20] [--warmup 5] [--sequential 500] [--repeat 1] [--client netty|jdk]"
          + " | province --gateway URL [--keycloak URL] [--kafka HOST:PORT] [--postgres 127.0.0.1:5432] [--pg-user postgres]"
          + " [--db-prefix gongyu_] [--run-dir .run] [--sizes 2x5x20,3x10x20 | --cities 2 --counties 5 --schools 20]"
          + " [--registrations 100] [--learning 500] [--registration-batch 50] [--learning-batch 500] [--concurrency 8] [--setup-threads 6]"
          + " | group-forget --kafka HOST:PORT --group G --state FILE [--topics T1,T2] | group-await --kafka HOST:PORT --group G --state FILE [--timeout-seconds 600]"
          + " | converge --gateway URL [--keycloak URL] --run-dir DIR --platform deploy/local/platform.sh"
          + " [--faults school-service,district-service,city-service,reporting-service,gateway] [--repeat 3] [--county 990790]");
      System.exit(2);
    }
    int g = Arrays.asList(args).indexOf("--gateway");
    String gateway = g >= 0 && g + 1 < args.length ? args[g + 1] : "http://127.0.0.1:8080";
    int k = Arrays.asList(args).indexOf("--keycloak");
    String keycloak = k >= 0 && k + 1 < args.length ? args[k + 1] : "http://127.0.0.1:8180";
    try {
      if (args[0].equals("import-bench")) {
        int s = Arrays.asList(args).indexOf("--school-service");
        ImportBench.run(new ImportBench.Options(gateway, keycloak,
            s >= 0 && s + 1 < args.length ? args[s + 1] : "http://127.0.0.1:8081", Bench.intArg(args, "--rows", 100_000)), System.out);
      } else if (args[0].equals("demo")) {
        DemoCity.generate(Instant.now()).load(new GongyuClient(gateway, keycloak, true), System.out);
        // the services' connections planned their statements while the tables were empty (ADR 0040)
        PlannerStatistics.of(postgres(args)).refreshIfNoAutovacuum(System.out);
      } else if (args[0].equals("group-forget")) {
        String topics = stringArg(args, "--topics", "");
        ConsumerGroups.forget(stringArg(args, "--kafka", "127.0.0.1:9092"), stringArg(args, "--group", null),
            topics.isBlank() ? java.util.Set.of() : java.util.Set.of(topics.split(",")),
            java.nio.file.Path.of(stringArg(args, "--state", null)), System.out);
      } else if (args[0].equals("group-await")) {
        ConsumerGroups.await(stringArg(args, "--kafka", "127.0.0.1:9092"), stringArg(args, "--group", null),
            java.nio.file.Path.of(stringArg(args, "--state", null)),
            java.time.Duration.ofSeconds(Bench.intArg(args, "--timeout-seconds", 600)), System.out);
      } else if (args[0].equals("converge")) {
        Convergence.run(new Convergence.Options(gateway, keycloak, java.nio.file.Path.of(stringArg(args, "--run-dir", ".run")),
            java.nio.file.Path.of(stringArg(args, "--platform", "deploy/local/platform.sh")),
            List.of(stringArg(args, "--faults", "school-service,district-service,city-service,reporting-service,gateway").split(",")),
            Bench.intArg(args, "--repeat", 3), stringArg(args, "--county", "990790")), System.out);
      } else if (args[0].equals("read-bench")) {
        ReadBench.Options o = new ReadBench.Options(gateway, stringArg(args, "--direct", "http://127.0.0.1:8084"), keycloak,
            stringArg(args, "--user", "city-staff"), stringArg(args, "--path", null), Bench.intArg(args, "--clients", 200),
            Bench.intArg(args, "--seconds", 20), Bench.intArg(args, "--warmup", 5), Bench.intArg(args, "--sequential", 500),
            Bench.intArg(args, "--rate", 1000), stringArg(args, "--client", "netty"));
        int repeat = Bench.intArg(args, "--repeat", 1);
        List<Map<String, Double>> repetitions = new ArrayList<>();
        for (int i = 1; i <= repeat; i++) {
          if (repeat > 1) {
            System.out.printf("%n=== repetition %d of %d ===%n", i, repeat);
          }
          repetitions.add(ReadBench.run(o, System.out));
        }
        System.out.println();
        System.out.println(repeat > 1 ? "summary of " + repeat + " repetitions (median, min, max):" : "summary:");
        Figures.summarise(repetitions, ReadBench.labels(o.clients(), o.rate()), List.of(), System.out);
      } else if (args[0].equals("province")) {
        Footprint.Source source = postgres(args);
        String sizes = stringArg(args, "--sizes", Bench.intArg(args, "--cities", 2) + "x" + Bench.intArg(args, "--counties", 5) + "x"
            + Bench.intArg(args, "--schools", 20));
        Province.run(new Province.Options(gateway, keycloak, stringArg(args, "--kafka", null), source, Province.Shape.parseAll(sizes),
            Bench.intArg(args, "--registrations", 100), Bench.intArg(args, "--learning", 500), Bench.intArg(args, "--registration-batch", 50),
            Bench.intArg(args, "--learning-batch", 500), Bench.intArg(args, "--concurrency", 8), Bench.intArg(args, "--setup-threads", 6)),
            System.out);
      } else if (args[0].equals("limits")) {
        BenchReport.run(limits(args), null, Bench.intArg(args, "--repeat", 1), System.out);
      } else {
        String kafka = stringArg(args, "--kafka", null);
        String feed = stringArg(args, "--feed", "registrations");
        Bench.Options bench = new Bench.Options(gateway, keycloak, Bench.intArg(args, "--schools", 20), Bench.intArg(args, "--batches", 400),
            Bench.intArg(args, "--batch-size", 50), Bench.intArg(args, "--concurrency", 4), kafka,
            stringArg(args, "--county", "snapshots".equals(feed) ? Bench.SNAPSHOT_COUNTY : "990199"),
            feed, PlannerStatistics.of(postgres(args)), Bench.intArg(args, "--warmup", 0),
            stringArg(args, "--school-service", null), Bench.intArg(args, "--rate", 1000), postgres(args),
            Bench.intArg(args, "--poll-ms", (int) TimedBatches.POLL.toMillis()));
        String growth = stringArg(args, "--growth", null);
        if (growth != null) {
          Growth.run(bench, Growth.sizes(growth), Bench.intArg(args, "--reads", 200), System.out);
        } else {
          BenchReport.run(Arrays.asList(args).contains("--limits") ? limits(args) : null, bench, Bench.intArg(args, "--repeat", 1), System.out);
        }
      }
    } catch (IllegalStateException e) {
      System.err.println(args[0] + " failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The platform's PostgreSQL: {@code --postgres} host:port, {@code --pg-user}, {@code --db-prefix}, {@code --run-dir}. */
  private static Footprint.Source postgres(String[] args) {
    String postgres = stringArg(args, "--postgres", "127.0.0.1:5432");
    int colon = postgres.lastIndexOf(':');
    return new Footprint.Source(postgres.substring(0, colon), Integer.parseInt(postgres.substring(colon + 1)),
        stringArg(args, "--pg-user", "postgres"), stringArg(args, "--db-prefix", "gongyu_"),
        java.nio.file.Path.of(stringArg(args, "--run-dir", ".run")));
  }

  private static RawLimits.Options limits(String[] args) {
    Footprint.Source pg = postgres(args);
    return new RawLimits.Options(stringArg(args, "--kafka", "127.0.0.1:9092"), pg.pgHost(), pg.pgPort(), pg.pgUser(),
        Bench.intArg(args, "--messages", 100_000), Bench.intArg(args, "--rows", 20_000), Bench.intArg(args, "--batch-size", 50));
  }

  private static String stringArg(String[] args, String name, String fallback) {
    int i = Arrays.asList(args).indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  }
}
