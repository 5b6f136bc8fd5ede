package org.gongyu.tools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14 item 6: a registration workbook of many rows (100,000 by default) imported end to end
 * through the gateway: the template downloaded, filled, uploaded, the job polled to its end. Prints
 * rows/s and the school-service's peak heap, sampled from its Prometheus endpoint while the job runs.
 */
public final class ImportBench {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CITY = "990100";
  private static final Pattern HEAP_USED = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE);
  private static final Pattern HEAP_MAX = Pattern.compile("^jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+-]+)", Pattern.MULTILINE);
  private static final Pattern OLD_USED = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*id=\"G1 Old Gen\"[^}]*} ([0-9.E+]+)",
      Pattern.MULTILINE);

  private ImportBench() {}

  public record Options(String gateway, String keycloak, String schoolService, int rows) {}

  public static void run(Options o, PrintStream out) throws Exception {
    GongyuClient client = new GongyuClient(o.gateway(), o.keycloak(), false);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    Semester semester = Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
    String run = Long.toString(System.currentTimeMillis(), 36);
    String county = "990198";
    // a new school each run: the figures are derived from all of a school's records, so a school
    // that kept earlier runs' rows would measure the derivation of those as well
    String school = county + String.format("%04d", 1 + (int) (System.currentTimeMillis() / 1000 % 9999));
    int classes = (o.rows() + 4999) / 5000;
    GongyuClient.require(client.putCounty(county, "导入压测县"), "county");
    GongyuClient.require(client.putSchool(county, school, "导入压测学校", "PRIMARY", null), "school");
    for (int c = 1; c <= classes; c++) {
      GongyuClient.require(client.putClass(school, "I" + run + "-" + c, semester.schoolYear(), 1, "导入压测班" + c, 5000), "class");
    }
    String base = "/api/school/schools/" + school + "/imports";
    String token = client.accounts().tokenForPath(base, "tool", CITY, false).orElseThrow();

    long buildStart = System.nanoTime();
    byte[] template = send(http, HttpRequest.newBuilder(URI.create(o.gateway() + base + "/templates/platform-registrations.xlsx"))
        .header("Authorization", "Bearer " + token).GET().build()).body();
    LocalDateTime at = LocalDateTime.now(DemoCity.ZONE).minusMinutes(5);
    LocalDateTime start = semester.start(SchoolCalendar.DEFAULT).atStartOfDay();
    if (at.isBefore(start)) {
      at = start;
    }
    byte[] workbook = fill(template, o.rows(), semester.id(), run, classes, at);
    out.printf("import-bench: %,d rows, %,d bytes (built in %d ms), semester %s, school %s, run %s%n", o.rows(), workbook.length,
        (System.nanoTime() - buildStart) / 1_000_000, semester.id(), school, run);

    double[] heap = {0, 0, 0}; // peak used, max, peak old gen
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          String metrics = new String(send(http, HttpRequest.newBuilder(URI.create(o.schoolService() + "/actuator/prometheus"))
              .GET().build()).body(), StandardCharsets.UTF_8);
          heap[0] = Math.max(heap[0], sum(HEAP_USED, metrics));
          heap[1] = sum(HEAP_MAX, metrics);
          heap[2] = Math.max(heap[2], sum(OLD_USED, metrics));
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException | IOException e) {
          // the next sample
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();

    long t0 = System.nanoTime();
    String boundary = "----gongyu" + run;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"import-bench.xlsx\"\r\n"
        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(workbook);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> upload = send(http, HttpRequest.newBuilder(URI.create(o.gateway() + base + "/platform-registrations"))
        .header("Authorization", "Bearer " + token).header("Accept-Language", "en")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    long accepted = System.nanoTime();
    if (upload.statusCode() != 202) {
      throw new IllegalStateException("upload answered " + upload.statusCode() + ": " + new String(upload.body(), StandardCharsets.UTF_8));
    }
    String location = upload.headers().firstValue("Location").orElseThrow();
    JsonNode job;
    while (true) {
      job = JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(o.gateway() + location))
          .header("Authorization", "Bearer " + client.accounts().tokenForPath(base, "tool", CITY, false).orElseThrow())
          .GET().build()).body());
      String status = job.get("status").asString();
      if (List.of("DONE", "FAILED", "CANCELLED").contains(status)) {
        break;
      }
      Thread.sleep(250);
    }
    long done = System.nanoTime();
    Thread.sleep(400);
    sampler.interrupt();
    double seconds = (done - t0) / 1e9;
    out.printf("job %s: %s, read %,d, applied %,d, refused %,d, unchanged %,d%n", job.get("jobId").asString(),
        job.get("status").asString(), job.get("read").asInt(), job.get("applied").asInt(), job.get("refused").asInt(),
        job.get("unchanged").asInt());
    out.printf("upload accepted (202) after %.1f s; end to end %.1f s; %,.0f rows/s%n", (accepted - t0) / 1e9, seconds,
        o.rows() / seconds);
    out.printf("school-service heap: peak used %.0f MB (sampled every 200 ms), peak old gen %.0f MB, max %.0f MB%n",
        heap[0] / 1048576, heap[2] / 1048576, heap[1] / 1048576);
    if (!"DONE".equals(job.get("status").asString()) || job.get("applied").asInt() + job.get("unchanged").asInt() != o.rows()) {
      throw new IllegalStateException("the import did not record every row: " + job);
    }
  }

  private static byte[] fill(byte[] template, int rows, String period, String run, int classes, LocalDateTime at)
      throws IOException {
    try (XSSFWorkbook xssf = new XSSFWorkbook(new ByteArrayInputStream(template));
        SXSSFWorkbook wb = new SXSSFWorkbook(xssf, 500);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle dateTime = wb.createCellStyle();
      dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
      Sheet sheet = wb.getSheetAt(0);
      for (int i = 0; i < rows; i++) {
        Row r = sheet.createRow(2 + i);
        r.createCell(0).setCellValue(period);
        r.createCell(1).setCellValue("IB-" + run + "-" + i);
        r.createCell(2).setCellValue("I" + run + "-" + (1 + i / 5000));
        r.createCell(3).setCellValue("IBS-" + run + "-" + i);
        r.createCell(4).setCellValue("IBG-" + run + "-" + i);
        r.createCell(5).setCellValue(at);
        r.getCell(5).setCellStyle(dateTime);
      }
      wb.write(out);
      wb.dispose();
      return out.toByteArray();
    }
  }

  private static double sum(Pattern p, String metrics) {
    Matcher m = p.matcher(metrics);
    double total = 0;
    while (m.find()) {
      double v = Double.parseDouble(m.group(1));
      if (v > 0) {
        total += v;
      }
    }
    return total;
  }

  private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

}
