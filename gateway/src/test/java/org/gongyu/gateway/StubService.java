package org.gongyu.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A stand-in for one of the services (a plain JDK HTTP server on a free loopback port): records
 * each request it receives and answers which service it is. A path containing {@code /NOPE/}
 * gets the service's own 404 problem; one containing {@code /SLOW/} answers only after
 * {@link #SLOW}, longer than the gateway waits in the tests.
 */
final class StubService {

  /** The four services, started once per test JVM and shared by the test classes. */
  static final Map<String, StubService> ALL = Map.of(
      "school", new StubService("school"),
      "district", new StubService("district"),
      "city", new StubService("city"),
      "reporting", new StubService("reporting"));

  record Received(String method, String rawPath, String rawQuery, String contentType, String authorization,
      String body, Map<String, String> forwarded, String traceparent) {}

  /** How long a {@code /SLOW/} path takes to answer. */
  static final java.time.Duration SLOW = java.time.Duration.ofSeconds(8);

  final String name;
  final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  final int port;
  private HttpServer server;

  private StubService(String name) {
    this.name = name;
    this.port = bind(0).getAddress().getPort();
  }

  static StubService of(String name) {
    return ALL.get(name);
  }

  static void forgetAll() {
    ALL.values().forEach(s -> s.received.clear());
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  void start() {
    bind(port);
  }

  void stop() {
    server.stop(0);
  }

  private HttpServer bind(int at) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), at), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    // a slow answer (see handle) must not hold up the requests of the tests that follow it
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return server;
  }

  /** The X-Forwarded-* and Forwarded headers the gateway added, by lower-case name. */
  private static Map<String, String> forwarded(HttpExchange ex) {
    Map<String, String> headers = new java.util.TreeMap<>();
    ex.getRequestHeaders().forEach((name, values) -> {
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("x-forwarded-") || lower.equals("forwarded")) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values));
      }
    });
    return headers;
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = ex.getRequestURI();
    received.add(new Received(ex.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
        String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")),
        ex.getRequestHeaders().getFirst("Authorization"), body, forwarded(ex), ex.getRequestHeaders().getFirst("traceparent")));
    if (uri.getRawPath().contains("/SLOW/")) {
      try {
        Thread.sleep(SLOW);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int status = 200;
    String contentType = "application/json";
    String answer = "{\"servedBy\":\"" + name + "\"}";
    if (uri.getRawPath().contains("/NOPE/")) {
      status = 404;
      contentType = "application/problem+json";
      answer = "{\"status\":404,\"detail\":\"indicator NOPE is not in the catalogue (from " + name + ")\"}";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }
}
