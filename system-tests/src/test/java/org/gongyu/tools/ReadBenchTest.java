package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The read benchmark's clients (ADR 0034) against a local server, with both clients: what they
 * count, that a paced run offers the rate it was asked for, and that an answer slower than the
 * schedule counts for the requests it held up (latency from the due time, not from the send).
 */
class ReadBenchTest {

  private static final byte[] BODY = new byte[1234];

  /** A server answering 200 with {@link #BODY}, or 304 to If-None-Match "v1", after {@code delayMs}, one at a time. */
  private static HttpServer server(int delayMs, AtomicInteger served) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newSingleThreadExecutor());
    server.createContext("/doc", exchange -> {
      served.incrementAndGet();
      try {
        Thread.sleep(delayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.getResponseHeaders().set("ETag", "\"v1\"");
      boolean fresh = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
      boolean bearer = ("Bearer t0k3n").equals(exchange.getRequestHeaders().getFirst("Authorization"));
      if (fresh) {
        exchange.sendResponseHeaders(304, -1);
      } else {
        exchange.sendResponseHeaders(bearer ? 200 : 401, BODY.length);
        exchange.getResponseBody().write(BODY);
      }
      exchange.close();
    });
    server.start();
    return server;
  }

  private static ReadBench.Options options(int clients, int seconds, String client) {
    return new ReadBench.Options("http://unused", "http://unused", "http://unused", "u", "/doc", clients, seconds, 1, 10, 0,
        client);
  }

  @ParameterizedTest
  @ValueSource(strings = {"netty", "jdk"})
  void aPacedRunOffersTheRateAskedForAndCountsEveryAnswer(String client) throws Exception {
    AtomicInteger served = new AtomicInteger();
    HttpServer server = server(0, served);
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/doc";
    try (ReadBench.Reader reader = ReadBench.reader(client, "t0k3n", 4)) {
      ReadBench.Answer first = reader.get(url, null);
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.bytes()).isEqualTo(BODY.length);
      assertThat(first.etag()).isEqualTo("\"v1\"");

      ReadBench.Run paced = ReadBench.concurrent(reader, url, null, options(4, 2, client), 100);
      assertThat(paced.errors()).isZero();
      assertThat(paced.bytes()).isEqualTo(BODY.length);
      assertThat(paced.rps()).as("4 clients offering 100/s together for 2 s after 1 s of warm-up").isBetween(80.0, 101.0);
      assertThat(served.get()).as("warm-up and counted requests: about 300, never more than the schedule").isBetween(250, 302);
      assertThat(paced.clientCpuMs()).isPositive().isFinite();

      ReadBench.Run revalidating = ReadBench.concurrent(reader, url, "\"v1\"", options(2, 1, client), 0);
      assertThat(revalidating.errors()).isZero();
      assertThat(revalidating.notModified()).isPositive();
      assertThat(revalidating.bytes()).isZero();
    } finally {
      server.stop(0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"netty", "jdk"})
  void answersSlowerThanTheScheduleCountForTheRequestsTheyHeldUp(String client) throws Exception {
    // one answer every 20 ms at most, offered 100/s: the queue grows, and the latency with it
    HttpServer server = server(20, new AtomicInteger());
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/doc";
    try (ReadBench.Reader reader = ReadBench.reader(client, "t0k3n", 2)) {
      ReadBench.Run run = ReadBench.concurrent(reader, url, null, options(2, 2, client), 100);
      assertThat(run.rps()).as("the server's pace, not the schedule's").isLessThan(60);
      assertThat(run.p99()).as("latency from the due time: far more than one 20 ms answer").isGreaterThan(500);
    } finally {
      server.stop(0);
    }
  }
}
