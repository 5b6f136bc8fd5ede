package org.gongyu.reporting.export;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.gongyu.chassis.audit.AuditLog;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.gongyu.reporting.report.Attention;
import org.gongyu.reporting.report.AttentionService;
import org.gongyu.reporting.report.BelowTarget;
import org.gongyu.reporting.report.Basis;
import org.gongyu.reporting.report.CityReport;
import org.gongyu.reporting.report.CityScorecard;
import org.gongyu.reporting.report.CountyReport;
import org.gongyu.reporting.report.CountyScorecard;
import org.gongyu.reporting.report.ReadyDocuments;
import org.gongyu.reporting.report.SchoolScorecard;
import org.gongyu.reporting.report.Trend;
import org.gongyu.reporting.report.ScorecardService;
import org.gongyu.reporting.units.Units;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Makes each export from the view its JSON twin answers (the same service method, so the same
 * scope, periods and withheld cells), names the file in the export's language and appends the
 * export to the audit log once the file is made.
 */
@Service
class Exports {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PDF = "application/pdf";
  private static final Logger log = LoggerFactory.getLogger(Exports.class);

  enum Format {
    XLSX("xlsx", Exports.XLSX),
    PDF("pdf", Exports.PDF);

    final String extension;
    final String mediaType;

    Format(String extension, String mediaType) {
      this.extension = extension;
      this.mediaType = mediaType;
    }
  }

  private final ScorecardService scorecards;
  private final ReadyDocuments ready;
  private final Units units;
  private final PdfRenderer pdf;
  private final AuditLog audit;
  private final CityCalendar calendar;
  private final Clock clock;

  Exports(ScorecardService scorecards, ReadyDocuments ready, Units units, PdfRenderer pdf, AuditLog audit,
      CityCalendar calendar, Clock clock) {
    this.scorecards = scorecards;
    this.ready = ready;
    this.units = units;
    this.pdf = pdf;
    this.audit = audit;
    this.calendar = calendar;
    this.clock = clock;
  }

  ResponseEntity<byte[]> cityScorecard(String periodId, Format format, Lang lang, Authentication who,
      HttpServletRequest request) {
    CityScorecard sc = ready.cityScorecard(periodId).value();
    String city = units.cityName();
    String name = lang.pick((city == null ? "全市" : city) + "指标概览-" + sc.periodId(), "city-scorecard-" + sc.periodId());
    return file(name, "city-scorecard-" + sc.periodId(), format, lang, "city-scorecard", who, request,
        () -> format == Format.PDF
            ? pdf.render(new ScorecardPdf(lang, calendar.zone(), clock.instant()).city(sc, city))
            : xlsx(lang, new Sheets(lang).cityScorecard(sc)));
  }

  ResponseEntity<byte[]> countyScorecard(String periodId, String countyId, Format format, Lang lang, Authentication who,
      HttpServletRequest request) {
    CountyScorecard sc = ready.countyScorecard(periodId, countyId).value();
    String name = lang.pick(sc.countyName() + "指标概览-" + sc.periodId(), "county-scorecard-" + countyId + "-" + sc.periodId());
    return file(name, "county-scorecard-" + countyId + "-" + sc.periodId(), format, lang, "county-scorecard", who, request,
        () -> format == Format.PDF
            ? pdf.render(new ScorecardPdf(lang, calendar.zone(), clock.instant()).county(sc))
            : xlsx(lang, new Sheets(lang).countyScorecard(sc)));
  }

  ResponseEntity<byte[]> schoolScorecard(String periodId, String schoolId, Lang lang, Authentication who,
      HttpServletRequest request) {
    boolean exact = Caller.of(who).map(c -> c.tier() == Role.Tier.SCHOOL).orElse(false);
    SchoolScorecard sc = scorecards.school(periodId, schoolId, exact);
    String name = lang.pick(sc.school().name() + "指标-" + sc.periodId(), "school-scorecard-" + schoolId + "-" + sc.periodId());
    return file(name, "school-scorecard-" + schoolId + "-" + sc.periodId(), Format.XLSX, lang, "school-scorecard", who,
        request, () -> xlsx(lang, new Sheets(lang).schoolScorecard(sc)));
  }

  ResponseEntity<byte[]> indicatorCity(String code, String periodId, Basis basis, Lang lang, Authentication who,
      HttpServletRequest request) {
    CityReport r = ready.cityReport(code, periodId, basis).value();
    String name = lang.pick(r.indicator().nameZh() + "-全市-" + r.periodId(), code + "-city-" + r.periodId());
    return file(name, code + "-city-" + r.periodId(), Format.XLSX, lang, "indicator-city", who, request,
        () -> xlsx(lang, new Sheets(lang).indicatorCity(r)));
  }

  ResponseEntity<byte[]> indicatorCounty(String code, String periodId, String countyId, Basis basis, Lang lang,
      Authentication who, HttpServletRequest request) {
    CountyReport r = ready.countyReport(code, periodId, countyId, basis).value();
    String name = lang.pick(r.indicator().nameZh() + "-" + r.county().name() + "-" + r.periodId(),
        code + "-county-" + countyId + "-" + r.periodId());
    return file(name, code + "-county-" + countyId + "-" + r.periodId(), Format.XLSX, lang, "indicator-county", who, request,
        () -> xlsx(lang, new Sheets(lang).indicatorCounty(r)));
  }

  ResponseEntity<byte[]> belowTarget(String code, String periodId, String countyId, Lang lang, Authentication who,
      HttpServletRequest request) {
    BelowTarget b = countyId == null ? ready.belowTarget(code, periodId).value() : ready.belowTarget(code, periodId, countyId).value();
    String ascii = code + "-below-target-" + (countyId == null ? "" : countyId + "-") + b.periodId();
    String name = lang.pick(b.indicator().nameZh() + "-未达标-" + (countyId == null ? "" : countyId + "-") + b.periodId(), ascii);
    return file(name, ascii, Format.XLSX, lang, countyId == null ? "below-target" : "county-below-target", who, request,
        () -> xlsx(lang, new Sheets(lang).belowTarget(b)));
  }

  ResponseEntity<byte[]> attention(String periodId, String countyId, AttentionService.Filter filter, Lang lang,
      Authentication who, HttpServletRequest request) {
    Attention a = countyId == null ? ready.cityAttention(periodId, filter).value() : ready.countyAttention(periodId, countyId, filter).value();
    String ascii = "attention-" + (countyId == null ? "" : countyId + "-") + a.periodId();
    String name = lang.pick("待关注事项-" + (countyId == null ? "" : countyId + "-") + a.periodId(), ascii);
    return file(name, ascii, Format.XLSX, lang, countyId == null ? "attention" : "county-attention", who, request,
        () -> xlsx(lang, new Sheets(lang).attention(a)));
  }

  ResponseEntity<byte[]> trend(String code, String to, int periods, String countyId, Lang lang, Authentication who,
      HttpServletRequest request) {
    Trend t = countyId == null ? ready.cityTrend(code, to, periods).value() : ready.countyTrend(code, countyId, to, periods).value();
    String ascii = code + "-trend-" + (countyId == null ? "" : countyId + "-") + t.to();
    String name = lang.pick(t.indicator().nameZh() + "-趋势-" + (countyId == null ? "" : countyId + "-") + t.to(), ascii);
    return file(name, ascii, Format.XLSX, lang, countyId == null ? "trend" : "county-trend", who, request,
        () -> xlsx(lang, new Sheets(lang).trend(t)));
  }

  private byte[] xlsx(Lang lang, List<Sheet> sheets) {
    return new XlsxWriter(lang, calendar.zone()).write(sheets);
  }

  /** Makes the file, audits the export, answers it as an attachment. */
  private ResponseEntity<byte[]> file(String name, String asciiName, Format format, Lang lang, String what,
      Authentication who, HttpServletRequest request, Supplier<byte[]> make) {
    long start = System.nanoTime();
    byte[] body = make.get();
    String fileName = Formats.fileName(name) + "." + format.extension;
    record(what, format, lang, who, request, body.length);
    log.debug("export {} {} ({} bytes) in {} ms", what, format, body.length, (System.nanoTime() - start) / 1_000_000);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, Formats.contentDisposition(fileName, asciiName + "." + format.extension))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(MediaType.parseMediaType(format.mediaType))
        .contentLength(body.length)
        .body(body);
  }

  private void record(String what, Format format, Lang lang, Authentication who, HttpServletRequest request, int bytes) {
    Caller caller = Caller.of(who).orElse(null);
    String target = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    audit.append(new AuditLog.Entry(
        Instant.now(clock),
        caller == null ? "anonymous" : caller.subject(),
        caller == null ? null : caller.username(),
        caller == null ? "" : caller.roles().stream().map(Role::realmName).sorted().collect(Collectors.joining(",")),
        caller == null ? "none" : caller.orgUnit(),
        "EXPORT " + what + " " + format.extension,
        target.length() > 1000 ? target.substring(0, 1000) : target,
        AuditLog.Outcome.SUCCEEDED,
        200,
        "format=" + format.extension + " lang=" + lang.tag() + " bytes=" + bytes));
  }
}
