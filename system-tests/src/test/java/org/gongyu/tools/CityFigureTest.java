package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks' watcher of the city figure ({@link GongyuClient#cityFigure}): after the first read
 * it asks with the document's ETag, takes a 304 as the figure it already has, and follows a changed
 * document; a city that has not reported is -1 and is asked for in full again.
 */
class CityFigureTest {

  /** The document the server holds: its ETag and body, or null while the city has not reported. */
  record Doc(String etag, String body) {}

  private final AtomicReference<Doc> doc = new AtomicReference<>();
  /** Each request's If-None-Match, "-" when it had none. */
  private final List<String> asked = Collections.synchronizedList(new ArrayList<>());
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private GongyuClient.CityFigure watch() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/reports/indicators/PLATFORM_REGISTRATION/periods/2026-2027-1", exchange -> {
      String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
      asked.add(ifNoneMatch == null ? "-" : ifNoneMatch);
      Doc d = doc.get();
      if (d != null && d.etag().equals(ifNoneMatch)) {
        exchange.sendResponseHeaders(304, -1);
      } else {
        byte[] body = (d == null ? "{\"city\":null}" : d.body()).getBytes(StandardCharsets.UTF_8);
        if (d != null) {
          exchange.getResponseHeaders().add("ETag", d.etag());
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    return new GongyuClient(base, "http://127.0.0.1:1", false).anonymous().cityFigure("PLATFORM_REGISTRATION", "2026-2027-1");
  }

  @Test
  void anUnchangedFigureIsAnswered304AndAChangedOneIsReadAgain() throws Exception {
    GongyuClient.CityFigure figure = watch();

    assertThat(figure.read()).as("no city rollup yet").isEqualTo(-1);
    doc.set(new Doc("W/\"a\"", "{\"city\":{\"numerator\":700}}"));
    assertThat(figure.read()).isEqualTo(700);
    assertThat(figure.read()).as("304: the figure read before").isEqualTo(700);
    assertThat(figure.read()).isEqualTo(700);
    doc.set(new Doc("W/\"b\"", "{\"city\":{\"numerator\":750}}"));
    assertThat(figure.read()).isEqualTo(750);
    assertThat(figure.read()).isEqualTo(750);

    assertThat(asked).as("the ETag of the last full answer, never one from before the city reported")
        .containsExactly("-", "-", "W/\"a\"", "W/\"a\"", "W/\"a\"", "W/\"b\"");
    assertThat(figure.reads()).isEqualTo(6);
    assertThat(figure.unchanged()).isEqualTo(3);
  }
}
