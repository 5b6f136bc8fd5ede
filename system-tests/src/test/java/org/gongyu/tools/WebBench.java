package org.gongyu.tools;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.gongyu.testing.KeycloakAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's speed on this machine (a measurement, not a test; {@code deploy/local/web-bench.sh}):
 *
 * <ol>
 *   <li>time from navigation start to a rendered city scorecard (the first scorecard cell holding a
 *       figure) in headless Chromium, as {@code performance.now()} in the page when a
 *       MutationObserver installed before the page's own scripts sees it: {@code --runs} times with
 *       an empty browser cache (cold) and as many with the cache kept (warm, the hashed bundles
 *       cached); median, min and max;
 *   <li>the JS and CSS the first (cold) load fetched until then, from the Resource Timing API:
 *       bytes over the wire (gzip, {@code encodedBodySize}) and unpacked ({@code decodedBodySize});
 *   <li>the reports service's xlsx exports through the gateway with a {@code gongyu-cli} token:
 *       time to the last byte (median of {@code --runs} after one warm-up), size and rows; the one
 *       with the most rows is the "largest table".
 * </ol>
 *
 * {@code java ... org.gongyu.tools.WebBench [--gateway http://127.0.0.1:8080] [--keycloak
 * http://127.0.0.1:8180] [--user city-staff] [--runs 5]}
 */
public final class WebBench {

  private static final JsonMapper JSON = new JsonMapper();

  /** Marks the moment the scorecard shows a figure; runs before the app's scripts on every document. */
  private static final String RENDER_PROBE = """
      (() => {
        const rendered = () => document.querySelector(
            '[data-testid="scorecard"] [data-testid^="cell-"][data-value]:not([data-value=""])');
        const mark = () => { if (window.__gyRendered === undefined && rendered()) { window.__gyRendered = performance.now(); } };
        new MutationObserver(mark).observe(document, {childList: true, subtree: true, attributes: true,
            attributeFilter: ['data-value']});
      })();
      """;

  private WebBench() {}

  public static void main(String[] args) throws Exception {
    String gateway = arg(args, "--gateway", "http://127.0.0.1:8080");
    String keycloak = arg(args, "--keycloak", "http://127.0.0.1:8180");
    String user = arg(args, "--user", "city-staff");
    int runs = Integer.parseInt(arg(args, "--runs", "5"));
    Semester semester = Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
    String page = "/city?period=" + semester.id();
    System.out.printf("web bench: %s%s as %s, %d runs each, Chromium %s (1440x900, headless)%n", gateway, page, user, runs,
        Chromium.BINARY);

    try (Chromium browser = new Chromium(gateway)) {
      browser.logIn(user);
      browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RENDER_PROBE));
      browser.driver().executeCdpCommand("Network.enable", Map.of());

      List<Double> cold = new ArrayList<>();
      List<Double> warm = new ArrayList<>();
      JsonNode firstLoad = null;
      for (int i = 0; i < runs; i++) {
        browser.driver().executeCdpCommand("Network.clearBrowserCache", Map.of());
        cold.add(load(browser, page));
        if (firstLoad == null) {
          firstLoad = resources(browser);
        }
      }
      for (int i = 0; i < runs; i++) {
        warm.add(load(browser, page));
      }
      System.out.printf("time to a rendered city scorecard (navigation start -> first figure in the table):%n");
      System.out.printf("  cold cache: median %.0f ms (min %.0f, max %.0f) %s%n", median(cold), min(cold), max(cold), rounded(cold));
      System.out.printf("  warm cache: median %.0f ms (min %.0f, max %.0f) %s%n", median(warm), min(warm), max(warm), rounded(warm));
      System.out.printf("initial JS+CSS of the first page (cold load, until the scorecard rendered):%n");
      for (String kind : List.of("js", "css")) {
        JsonNode k = firstLoad.path(kind);
        System.out.printf("  %-3s %2d files: %,8d bytes transferred (gzip), %,9d bytes unpacked%n", kind, k.path("files").asInt(),
            k.path("encoded").asLong(), k.path("decoded").asLong());
      }
      long encoded = firstLoad.path("js").path("encoded").asLong() + firstLoad.path("css").path("encoded").asLong();
      long decoded = firstLoad.path("js").path("decoded").asLong() + firstLoad.path("css").path("decoded").asLong();
      System.out.printf("  total   : %,8d bytes transferred (%.1f KiB gzip), %,9d bytes unpacked (%.1f KiB)%n", encoded,
          encoded / 1024.0, decoded, decoded / 1024.0);
      System.out.printf("  page    : index.html %,d bytes transferred%n", firstLoad.path("document").asLong());
    }

    exports(gateway, keycloak, user, semester, runs);
  }

  /** Navigates and returns ms from navigation start until the probe saw the first figure. */
  private static double load(Chromium browser, String page) {
    browser.driver().get("about:blank");
    browser.open(page);
    Chromium.waitUntil("a rendered city scorecard", Duration.ofSeconds(60),
        () -> browser.script("return window.__gyRendered !== undefined") == Boolean.TRUE);
    return ((Number) browser.script("return window.__gyRendered")).doubleValue();
  }

  /** JS and CSS fetched until the scorecard rendered, from the Resource Timing API. */
  private static JsonNode resources(Chromium browser) {
    Object answer = browser.script("""
        const until = window.__gyRendered;
        const sum = {js: {files: 0, encoded: 0, decoded: 0}, css: {files: 0, encoded: 0, decoded: 0}};
        for (const e of performance.getEntriesByType('resource')) {
          if (e.startTime > until) continue;
          const path = new URL(e.name).pathname;
          const kind = path.endsWith('.js') ? 'js' : path.endsWith('.css') ? 'css' : null;
          if (!kind) continue;
          sum[kind].files++;
          sum[kind].encoded += e.encodedBodySize;
          sum[kind].decoded += e.decodedBodySize;
        }
        const nav = performance.getEntriesByType('navigation')[0];
        sum.document = nav ? nav.transferSize : 0;
        return JSON.stringify(sum);
        """);
    return JSON.readTree(String.valueOf(answer));
  }

  /** The xlsx exports through the gateway with a gongyu-cli token: time, size, rows. */
  private static void exports(String gateway, String keycloak, String user, Semester semester, int runs) throws Exception {
    String token = new KeycloakAccounts(keycloak).token(user);
    String p = semester.id();
    String code = IndicatorCodes.PLATFORM_REGISTRATION;
    Map<String, String> exports = new LinkedHashMap<>();
    exports.put("city scorecard", "/api/reports/periods/" + p + "/scorecard/export.xlsx");
    exports.put("county 990101 scorecard", "/api/reports/periods/" + p + "/counties/990101/scorecard/export.xlsx");
    exports.put("city attention", "/api/reports/periods/" + p + "/attention/export.xlsx");
    exports.put("indicator " + code + " by county", "/api/reports/indicators/" + code + "/periods/" + p + "/export.xlsx");
    exports.put("indicator " + code + " county 990101 (schools + lineage)",
        "/api/reports/indicators/" + code + "/periods/" + p + "/counties/990101/export.xlsx");
    exports.put("indicator " + code + " below target", "/api/reports/indicators/" + code + "/periods/" + p + "/below-target/export.xlsx");
    System.out.printf("xlsx exports through the gateway (%s's gongyu-cli token; median of %d after a warm-up):%n", user, runs);
    String largest = null;
    int largestRows = -1;
    double largestMs = 0;
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      for (Map.Entry<String, String> e : exports.entrySet()) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + e.getValue() + "?lang=zh-CN"))
            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120)).build();
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
          System.out.printf("  %-58s HTTP %d%n", e.getKey(), answer.statusCode());
          continue;
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          long started = System.nanoTime();
          http.send(request, HttpResponse.BodyHandlers.ofByteArray());
          times.add((System.nanoTime() - started) / 1e6);
        }
        int rows;
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
          Sheet sheet = book.getSheetAt(0);
          rows = sheet.getPhysicalNumberOfRows();
        }
        System.out.printf("  %-58s %4d rows, %,8d bytes: median %.0f ms (min %.0f, max %.0f)%n", e.getKey(), rows,
            answer.body().length, median(times), min(times), max(times));
        if (rows > largestRows) {
          largestRows = rows;
          largest = e.getKey();
          largestMs = median(times);
        }
      }
    }
    if (largest != null) {
      System.out.printf("largest table: %s, %d rows, exported in %.0f ms (median)%n", largest, largestRows, largestMs);
    }
  }

  private static String arg(String[] args, String name, String fallback) {
    int i = Arrays.asList(args).indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  private static String rounded(List<Double> values) {
    return values.stream().map(v -> String.valueOf(Math.round(v))).toList().toString();
  }
}
