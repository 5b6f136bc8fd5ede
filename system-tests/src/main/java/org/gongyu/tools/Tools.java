package org.gongyu.tools;

import java.time.Instant;
import java.util.Arrays;

/** {@code java -jar system-tests.jar demo|bench --gateway http://127.0.0.1:8080 [options]}. */
public final class Tools {

  private Tools() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !(args[0].equals("demo") || args[0].equals("bench") || args[0].equals("import-bench"))) {
      System.err.println("usage: demo --gateway URL [--keycloak URL] | bench --gateway URL [--keycloak URL] [--schools 20] [--batches 400]"
          + " [--batch-size 50] [--concurrency 4] | import-bench --gateway URL [--keycloak URL] [--school-service URL] [--rows 100000]");
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
      } else {
        Bench.run(new Bench.Options(gateway, keycloak, Bench.intArg(args, "--schools", 20), Bench.intArg(args, "--batches", 400),
            Bench.intArg(args, "--batch-size", 50), Bench.intArg(args, "--concurrency", 4)), System.out);
      }
    } catch (IllegalStateException e) {
      System.err.println(args[0] + " failed: " + e.getMessage());
      System.exit(1);
    }
  }
}
