package org.gongyu.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a batch's time went on the servers: the gateway's and school-service's own request timers
 * ({@code http_server_requests_seconds}, Micrometer, on {@code /actuator/prometheus}) read before and
 * after the timed part. The gateway counts every POST it answered 200 (during the timed part, only
 * the batches); school-service the POSTs of the batches' endpoint. The difference of their means is
 * what the gateway adds to a batch: routing, the token's check, the rate limit, the extra hop.
 *
 * @param gatewayCount   POSTs the gateway answered 200
 * @param gatewaySeconds their total time at the gateway
 * @param schoolCount    POSTs to the batches' endpoint school-service answered 200
 * @param schoolSeconds  their total time inside school-service
 */
record ServerTimes(long gatewayCount, double gatewaySeconds, long schoolCount, double schoolSeconds) {

  static final String GATEWAY_MS = "bench.gateway.mean.ms";
  static final String SCHOOL_MS = "bench.school.mean.ms";

  /** A sample line; its labels run to the last "} " (a URI pattern such as {schoolId} has braces of its own). */
  private static final Pattern SAMPLE = Pattern.compile("^http_server_requests_seconds_(count|sum)\\{(.*)} (\\S+)$", Pattern.MULTILINE);

  /**
   * A reading of both servers; null if either cannot be read (a benchmark goes on without it).
   *
   * @param endpoint the last segment of the batches' path, {@code platform-registrations} or {@code platform-learning}
   */
  static ServerTimes read(String gateway, String schoolService, String endpoint) {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      return parse(metrics(http, gateway), metrics(http, schoolService), endpoint);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return null;
    }
  }

  private static String metrics(HttpClient http, String base) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).timeout(Duration.ofSeconds(5))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(base + "/actuator/prometheus answered " + r.statusCode());
    }
    return r.body();
  }

  /** The counts and sums of the two servers' Prometheus text. */
  static ServerTimes parse(String gatewayMetrics, String schoolMetrics, String endpoint) {
    double[] gateway = sum(gatewayMetrics, null);
    double[] school = sum(schoolMetrics, "/" + endpoint + "\"");
    return new ServerTimes((long) gateway[0], gateway[1], (long) school[0], school[1]);
  }

  /** Count and sum over the successful POSTs (of the URI pattern ending in {@code uriEnd}, if given). */
  private static double[] sum(String metrics, String uriEnd) {
    double[] countAndSum = {0, 0};
    Matcher m = SAMPLE.matcher(metrics);
    while (m.find()) {
      String labels = m.group(2);
      if (labels.contains("method=\"POST\"") && labels.contains("status=\"200\"")
          && (uriEnd == null || labels.matches(".*uri=\"[^\"]*" + Pattern.quote(uriEnd) + ".*"))) {
        countAndSum[m.group(1).equals("count") ? 0 : 1] += Double.parseDouble(m.group(3));
      }
    }
    return countAndSum;
  }

  /** Mean milliseconds at the gateway between two readings (NaN: no request). */
  static double gatewayMillis(ServerTimes before, ServerTimes after) {
    long n = after.gatewayCount - before.gatewayCount;
    return n == 0 ? Double.NaN : (after.gatewaySeconds - before.gatewaySeconds) * 1000 / n;
  }

  /** Mean milliseconds inside school-service between two readings (NaN: no request). */
  static double schoolMillis(ServerTimes before, ServerTimes after) {
    long n = after.schoolCount - before.schoolCount;
    return n == 0 ? Double.NaN : (after.schoolSeconds - before.schoolSeconds) * 1000 / n;
  }

  /** One line: the means, the gateway's share, and a warning when school-service did not see every batch. */
  static String describe(ServerTimes before, ServerTimes after, int batches) {
    double gateway = gatewayMillis(before, after);
    double school = schoolMillis(before, after);
    long seen = after.schoolCount - before.schoolCount;
    return String.format("a batch on the servers, mean: %.1f ms at the gateway, %.1f ms of it inside school-service; the gateway adds %.1f ms%s",
        gateway, school, gateway - school, seen == batches ? ""
            : String.format(" (school-service at the given URL served %,d of the %,d batches)", seen, batches));
  }
}
