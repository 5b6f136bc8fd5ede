package org.gongyu.tools;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongyu.testing.KeycloakAccounts;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.ConnectionProvider;

/**
 * Issue 16 items 1 and 6: how fast the city scorecard (or any GET) answers many readers, through
 * the gateway with a bearer token and directly from reporting-service, on a running platform.
 *
 * <p>Each repetition measures, for the same path: one client asking {@code --sequential} times in a
 * row through the gateway and directly (what the gateway adds, at p50); {@code --clients}
 * concurrent clients offering {@code --rate} requests/s together through the gateway (latency
 * percentiles); the same clients flat out through the gateway, then directly (the most requests/s,
 * latency then being queueing); and the same clients revalidating with {@code If-None-Match} (304
 * answers) flat out through the gateway. Each after a warm-up. Clients accept gzip as browsers do and do not
 * unpack it.
 *
 * <p>The load generator runs on the same machine and takes its share of the two cores, which a real
 * reader's browser does not. Each concurrent run prints the generator's own CPU per answer, so that
 * share is visible. {@code --client netty} (the default) sends with Reactor Netty's client;
 * {@code --client jdk} with the JDK's {@link HttpClient}, as every run before stop 25 did (then on a
 * virtual thread per client): it costs about twice the CPU per answer (ADR 0034).
 */
final class ReadBench {

  static final String SEQ_GATEWAY_P50 = "read.sequential.gateway.p50";
  static final String SEQ_DIRECT_P50 = "read.sequential.direct.p50";
  static final String SEQ_OVERHEAD_P50 = "read.sequential.gateway-overhead.p50";
  static final String GW_RPS = "read.gateway.rps";
  static final String GW_P50 = "read.gateway.p50";
  static final String GW_P95 = "read.gateway.p95";
  static final String GW_P99 = "read.gateway.p99";
  static final String DIRECT_RPS = "read.direct.rps";
  static final String DIRECT_P95 = "read.direct.p95";
  static final String REVALIDATE_RPS = "read.revalidate.rps";
  static final String REVALIDATE_P95 = "read.revalidate.p95";
  static final String BYTES = "read.bytes";
  static final String PACED_RPS = "read.paced.rps";
  static final String PACED_P50 = "read.paced.p50";
  static final String PACED_P95 = "read.paced.p95";
  static final String PACED_P99 = "read.paced.p99";

  static final String CLIENT_CPU = "read.client.cpu";

  record Options(String gateway, String direct, String keycloak, String user, String path, int clients, int seconds,
      int warmup, int sequential, int rate, String client) {}

  /**
   * {@code clientCpuMs}: the load generator's own CPU (this process, all threads) per counted answer;
   * NaN for a sequential run.
   */
  record Run(double rps, double p50, double p95, double p99, long errors, long bytes, long notModified,
      double clientCpuMs) {}

  /** One answer as the benchmark counts it. */
  record Answer(int status, int bytes, String etag) {}

  /**
   * How the benchmark's clients send one GET: with the bearer token, accepting gzip, not unpacking
   * it. Asynchronous, so that 200 clients need no thread each: a client's next request is sent from
   * the answer's completion or from a timer when it is due.
   */
  interface Reader extends AutoCloseable {
    Mono<Answer> send(String url, String ifNoneMatch);

    default Answer get(String url, String ifNoneMatch) {
      return send(url, ifNoneMatch).block(Duration.ofSeconds(35));
    }

    @Override
    default void close() {}
  }

  static Reader reader(String client, String token, int connections) {
    return switch (client) {
      case "jdk" -> jdk(token);
      case "netty" -> netty(token, connections);
      default -> throw new IllegalArgumentException("--client is netty or jdk, not " + client);
    };
  }

  /** The JDK's HTTP/1.1 client. */
  static Reader jdk(String token) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    return (url, ifNoneMatch) -> Mono.fromFuture(() -> http.sendAsync(request(url, token, ifNoneMatch), HttpResponse.BodyHandlers.ofByteArray()))
        .map(r -> new Answer(r.statusCode(), r.body().length, r.headers().firstValue("ETag").orElse(null)));
  }

  /**
   * Reactor Netty's HTTP/1.1 client over a pool of one connection per client. It neither asks for
   * nor unpacks compression itself: the request's {@code Accept-Encoding} is the one browsers send,
   * and the gzip bytes are counted as they come.
   */
  static Reader netty(String token, int connections) {
    ConnectionProvider pool = ConnectionProvider.builder("read-bench").maxConnections(Math.max(1, connections))
        .pendingAcquireMaxCount(-1).build();
    reactor.netty.http.client.HttpClient base = reactor.netty.http.client.HttpClient.create(pool)
        .responseTimeout(Duration.ofSeconds(30))
        .headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token).set(HttpHeaderNames.ACCEPT, "application/json")
            .set(HttpHeaderNames.ACCEPT_ENCODING, "gzip, deflate, br"));
    Map<String, reactor.netty.http.client.HttpClient> revalidating = new ConcurrentHashMap<>();
    return new Reader() {
      @Override
      public Mono<Answer> send(String url, String ifNoneMatch) {
        reactor.netty.http.client.HttpClient http = ifNoneMatch == null ? base
            : revalidating.computeIfAbsent(ifNoneMatch, etag -> base.headers(h -> h.set(HttpHeaderNames.IF_NONE_MATCH, etag)));
        return http.get().uri(url).responseSingle((response, body) -> body.asByteArray().defaultIfEmpty(new byte[0])
            .map(bytes -> new Answer(response.status().code(), bytes.length, response.responseHeaders().get(HttpHeaderNames.ETAG))));
      }

      @Override
      public void close() {
        pool.disposeLater().block(Duration.ofSeconds(5));
      }
    };
  }

  private ReadBench() {}

  static Map<String, Double> run(Options o, PrintStream out) throws Exception {
    String token = new KeycloakAccounts(o.keycloak()).token(o.user());
    String path = o.path() != null ? o.path() : "/api/reports/periods/" + currentSemester(o.gateway(), token) + "/scorecard";
    out.printf("read bench: GET %s as %s, gzip accepted; %d clients for %d s after %d s of warm-up; %s client%n",
        path, o.user(), o.clients(), o.seconds(), o.warmup(), o.client());
    Map<String, Double> figures = new LinkedHashMap<>();
    try (Reader http = reader(o.client(), token, o.clients())) {
      return measure(o, path, http, figures, out);
    }
  }

  private static Map<String, Double> measure(Options o, String path, Reader http, Map<String, Double> figures, PrintStream out)
      throws Exception {
    String etag = http.get(o.gateway() + path, null).etag();
    Run seqGw = sequential(http, o.gateway() + path, o.sequential());
    Run seqDirect = sequential(http, o.direct() + path, o.sequential());
    out.printf("  one client, %d in a row:  gateway p50 %.2f ms (p95 %.2f)   direct p50 %.2f ms (p95 %.2f)   the gateway adds %.2f ms at p50%n",
        o.sequential(), seqGw.p50(), seqGw.p95(), seqDirect.p50(), seqDirect.p95(), seqGw.p50() - seqDirect.p50());
    figures.put(SEQ_GATEWAY_P50, seqGw.p50());
    figures.put(SEQ_DIRECT_P50, seqDirect.p50());
    figures.put(SEQ_OVERHEAD_P50, seqGw.p50() - seqDirect.p50());

    Run paced = concurrent(http, o.gateway() + path, null, o, o.rate());
    out.printf("  %-24s %d clients offering %,d requests/s together: %,.0f requests/s answered, p50 %.1f ms, p95 %.1f ms, "
        + "p99 %.1f ms (from each request's scheduled time); load generator %.3f ms CPU per answer%s%n", "gateway, paced",
        o.clients(), o.rate(), paced.rps(), paced.p50(), paced.p95(), paced.p99(), paced.clientCpuMs(),
        paced.errors() > 0 ? ", " + paced.errors() + " ERRORS" : "");
    Run gw = concurrent(http, o.gateway() + path, null, o, 0);
    print(out, "gateway, flat out", gw, o.clients());
    Run direct = concurrent(http, o.direct() + path, null, o, 0);
    print(out, "direct, flat out", direct, o.clients());
    Run revalidate = concurrent(http, o.gateway() + path, etag, o, 0);
    print(out, "gateway, If-None-Match", revalidate, o.clients());
    figures.put(PACED_RPS, paced.rps());
    figures.put(PACED_P50, paced.p50());
    figures.put(PACED_P95, paced.p95());
    figures.put(PACED_P99, paced.p99());
    figures.put(CLIENT_CPU, paced.clientCpuMs());
    figures.put(GW_RPS, gw.rps());
    figures.put(GW_P50, gw.p50());
    figures.put(GW_P95, gw.p95());
    figures.put(GW_P99, gw.p99());
    figures.put(DIRECT_RPS, direct.rps());
    figures.put(DIRECT_P95, direct.p95());
    figures.put(REVALIDATE_RPS, revalidate.rps());
    figures.put(REVALIDATE_P95, revalidate.p95());
    figures.put(BYTES, (double) gw.bytes());
    return figures;
  }

  static List<Figures.Label> labels(int clients, int rate) {
    return List.of(
        new Figures.Label(PACED_RPS, "through the gateway, " + clients + " clients offering " + rate + "/s", "requests/s"),
        new Figures.Label(PACED_P50, "  p50", "ms"),
        new Figures.Label(PACED_P95, "  p95", "ms"),
        new Figures.Label(PACED_P99, "  p99", "ms"),
        new Figures.Label(CLIENT_CPU, "  the load generator's own CPU per answer", "ms"),
        new Figures.Label(GW_RPS, "through the gateway, " + clients + " clients flat out", "requests/s"),
        new Figures.Label(GW_P50, "  p50", "ms"),
        new Figures.Label(GW_P95, "  p95", "ms"),
        new Figures.Label(GW_P99, "  p99", "ms"),
        new Figures.Label(DIRECT_RPS, "directly, " + clients + " clients flat out", "requests/s"),
        new Figures.Label(DIRECT_P95, "  p95", "ms"),
        new Figures.Label(REVALIDATE_RPS, "revalidation (304) through the gateway", "requests/s"),
        new Figures.Label(REVALIDATE_P95, "  p95", "ms"),
        new Figures.Label(SEQ_GATEWAY_P50, "one client: gateway p50", "ms"),
        new Figures.Label(SEQ_DIRECT_P50, "one client: direct p50", "ms"),
        new Figures.Label(SEQ_OVERHEAD_P50, "one client: what the gateway adds at p50", "ms"),
        new Figures.Label(BYTES, "bytes per answer (gzip)", "bytes"));
  }

  private static void print(PrintStream out, String what, Run r, int clients) {
    out.printf("  %-24s %d clients: %,.0f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %,d bytes per answer, "
        + "load generator %.3f ms CPU per answer%s%s%n",
        what, clients, r.rps(), r.p50(), r.p95(), r.p99(), r.bytes(), r.clientCpuMs(),
        r.notModified() > 0 ? ", " + r.notModified() + " × 304" : "", r.errors() > 0 ? ", " + r.errors() + " ERRORS" : "");
  }

  static HttpRequest request(String url, String token, String ifNoneMatch) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json")
        .header("Accept-Encoding", "gzip, deflate, br");
    if (ifNoneMatch != null) {
      b.header("If-None-Match", ifNoneMatch);
    }
    return b.GET().build();
  }

  static Run sequential(Reader http, String url, int n) throws Exception {
    for (int i = 0; i < Math.max(50, n / 5); i++) {
      http.get(url, null);
    }
    double[] ms = new double[n];
    long errors = 0;
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      Answer r = http.get(url, null);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      errors += r.status() == 200 ? 0 : 1;
      bytes = r.bytes();
    }
    Arrays.sort(ms);
    return new Run(n / (Arrays.stream(ms).sum() / 1000), pct(ms, 50), pct(ms, 95), pct(ms, 99), errors, bytes, 0, Double.NaN);
  }

  /**
   * {@code rate} 0: every client asks again as soon as it has its answer (the most the platform
   * answers; latency then grows with the queue, by Little's law). Otherwise the clients together
   * offer {@code rate} requests/s, each at its own schedule, and a latency counts from the time a
   * request was due, so a slow answer also counts for the requests it held up.
   */
  static Run concurrent(Reader http, String url, String etag, Options o, int rate) throws Exception {
    long interval = rate <= 0 ? 0 : Math.round(1e9 * o.clients() / rate);
    long warmEnd = System.nanoTime() + Duration.ofSeconds(o.warmup()).toNanos();
    long end = warmEnd + Duration.ofSeconds(o.seconds()).toNanos();
    List<double[]> perClient = new ArrayList<>();
    int[] counts = new int[o.clients()];
    AtomicLong errors = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong notModified = new AtomicLong();
    CountDownLatch done = new CountDownLatch(o.clients());
    Scheduler timers = Schedulers.newSingle("read-bench-timer");
    double[] cpuAtWarmEnd = new double[1];
    try {
      timers.schedule(() -> cpuAtWarmEnd[0] = processCpuMs(), Math.max(0, warmEnd - System.nanoTime()), TimeUnit.NANOSECONDS);
      for (int c = 0; c < o.clients(); c++) {
        double[] own = new double[1 << 16];
        perClient.add(own);
        int index = c;
        long first = System.nanoTime() + (interval == 0 ? 0 : interval * c / o.clients());
        // one client: at most one request out; the next is due one interval after the last was due
        // (at once when flat out), or at once when its answer came later than that
        new Object() {
          int n;

          void next(long due) {
            long now = System.nanoTime();
            long t0 = interval > 0 ? due : now;
            if (t0 >= end) {
              counts[index] = n;
              done.countDown();
              return;
            }
            if (interval > 0 && due > now) {
              timers.schedule(() -> send(due), due - now, TimeUnit.NANOSECONDS);
            } else {
              send(t0);
            }
          }

          void send(long t0) {
            http.send(url, etag).subscribe(r -> {
              long t1 = System.nanoTime();
              if (t0 >= warmEnd) {
                if (!(r.status() == 200 || (etag != null && r.status() == 304))) {
                  errors.incrementAndGet();
                }
                if (r.status() == 304) {
                  notModified.incrementAndGet();
                }
                if (n < own.length) {
                  own[n++] = (t1 - t0) / 1e6;
                }
                bytes.set(r.bytes());
              }
              next(t0 + interval);
            }, e -> {
              if (t0 >= warmEnd) {
                errors.incrementAndGet();
              }
              next(t0 + interval);
            });
          }
        }.next(first);
      }
      done.await();
    } finally {
      timers.dispose();
    }
    double cpuMs = processCpuMs();
    // a paced run whose answers fell behind its schedule finishes late: requests/s over the time it took
    double elapsed = Math.max(o.seconds(), (System.nanoTime() - warmEnd) / 1e9);
    int total = Arrays.stream(counts).sum();
    double[] all = new double[total];
    int at = 0;
    for (int c = 0; c < o.clients(); c++) {
      System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    return new Run(total / elapsed, pct(all, 50), pct(all, 95), pct(all, 99), errors.get(), bytes.get(),
        notModified.get(), (cpuMs - cpuAtWarmEnd[0]) / Math.max(1, total));
  }

  /** CPU time of this process (every thread, user and system) in ms. */
  private static double processCpuMs() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
  }

  private static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
  }

  private static String currentSemester(String gateway, String token) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/api/reports/calendar"))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"currentSemester\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("GET /api/reports/calendar answered " + r.statusCode() + ": " + r.body());
    }
    return m.group(1);
  }
}
