package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed alert rules, scrape config and Grafana dashboard (deploy/observability, issue 18)
 * checked in the test command, since no promtool runs here: the rules' structure as Prometheus
 * loads it (groups, rules, alert/expr/for/labels/annotations, durations, templates), every PromQL
 * expression of the rules and of the dashboard's panels parsed ({@link PromQl}), and every metric
 * name they use one that the services export: the names in {@code exported-series.txt}, which
 * district-service's CountyRollupIT finds on its own /actuator/prometheus. Each check has a test
 * that breaks a copy of the input and expects the problem to be named.
 */
class ObservabilityConfigTest {

  static final Path DIR = Path.of(System.getProperty("gongyu.root", "..")).resolve("deploy/observability");
  static final Path RULES = DIR.resolve("prometheus/gongyu-alerts.yml");
  static final Path SCRAPE = DIR.resolve("prometheus/prometheus.yml");
  static final Path DASHBOARD = DIR.resolve("grafana/gongyu-dashboard.json");
  static final Path EXPORTED = DIR.resolve("exported-series.txt");
  static final Path PLATFORM = DIR.resolve("../local/platform.sh");

  /** Series Prometheus makes itself for every target. */
  static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

  @Test
  void alertRulesAreWellFormedAndUseOnlyExportedSeries() throws IOException {
    assertThat(ruleProblems(Files.readString(RULES), exported())).isEmpty();
  }

  @Test
  void alertRulesCoverFreshnessOutboxDeadLettersAndServiceDown() throws IOException {
    Map<String, String> exprByAlert = new TreeMap<>();
    for (Map<String, Object> rule : rules(yaml(Files.readString(RULES)))) {
      exprByAlert.put((String) rule.get("alert"), String.valueOf(rule.get("expr")));
    }
    assertThat(String.join("\n", exprByAlert.values()))
        .contains("gongyu_freshness_seconds_bucket", "gongyu_outbox_oldest_age_seconds", "gongyu_outbox_pending",
            "gongyu_deadletter_records_total", "up{");
  }

  @Test
  void dashboardIsWellFormedAndUsesOnlyExportedSeries() throws IOException {
    assertThat(dashboardProblems(Files.readString(DASHBOARD), exported())).isEmpty();
  }

  @Test
  void scrapeConfigLoadsTheRulesAndScrapesEveryServiceOnItsPlatformPort() throws IOException {
    assertThat(scrapeProblems(Files.readString(SCRAPE), Files.readString(PLATFORM))).isEmpty();
  }

  // ---- each check fails on a broken input

  @Test
  void aBrokenRuleFileIsRefused() throws IOException {
    String rules = Files.readString(RULES);
    Set<String> exported = exported();
    assertThat(ruleProblems(rules.replace("for: 5m", "for: 5 minutes"), exported)).anyMatch(p -> p.contains("duration"));
    assertThat(ruleProblems(rules.replace("rate(gongyu_freshness_seconds_bucket[5m])", "rate(gongyu_freshness_seconds_bucket[5m]"),
        exported)).anyMatch(p -> p.contains("expr"));
    assertThat(ruleProblems(rules.replace("gongyu_outbox_oldest_age_seconds", "gongyu_outbox_oldest_age"), exported))
        .anyMatch(p -> p.contains("gongyu_outbox_oldest_age") && p.contains("not exported"));
    assertThat(ruleProblems(rules.replace("    rules:\n      - alert: GongyuDeadLetter", "    rulez:\n      - alert: GongyuDeadLetter"),
        exported)).anyMatch(p -> p.contains("rulez"));
    assertThat(ruleProblems(rules.replace("severity: critical", "priority: critical"), exported))
        .anyMatch(p -> p.contains("severity"));
    assertThat(ruleProblems(rules.replace("{{ $labels.consumer }} (", "{{ $labels.consumer } ("), exported))
        .anyMatch(p -> p.contains("template"));
    assertThat(ruleProblems(rules + "  bad: [", exported)).anyMatch(p -> p.contains("YAML"));
  }

  @Test
  void aBrokenDashboardIsRefused() throws IOException {
    String dashboard = Files.readString(DASHBOARD);
    Set<String> exported = exported();
    assertThat(dashboardProblems(dashboard.replace("sum by (application) (rate(gongyu_outbox_published_total",
        "sum by (application) (rate(gongyu_outbox_published"), exported)).anyMatch(p -> p.contains("not exported"));
    assertThat(dashboardProblems(dashboard.replaceFirst("histogram_quantile\\(0\\.5,", "histogram_quantile("), exported))
        .anyMatch(p -> p.contains("histogram_quantile"));
    assertThat(dashboardProblems(dashboard.replaceFirst("\"uid\": \"\\$\\{DS_PROMETHEUS\\}\"", "\"uid\": \"prom-1\""), exported))
        .anyMatch(p -> p.contains("DS_PROMETHEUS"));
    assertThat(dashboardProblems(dashboard.replaceFirst("\\[\\$__rate_interval\\]", "[\\$__rate_interval"), exported))
        .anyMatch(p -> p.contains("expr"));
    assertThat(dashboardProblems(dashboard.substring(0, dashboard.length() - 3), exported)).anyMatch(p -> p.contains("JSON"));
  }

  @Test
  void aBrokenScrapeConfigIsRefused() throws IOException {
    String scrape = Files.readString(SCRAPE);
    String platform = Files.readString(PLATFORM);
    assertThat(scrapeProblems(scrape.replace("127.0.0.1:8083", "127.0.0.1:8093"), platform)).anyMatch(p -> p.contains("city-service"));
    assertThat(scrapeProblems(scrape.replace("- gongyu-alerts.yml", "- gongyu-alert.yml"), platform)).anyMatch(p -> p.contains("rule file"));
    assertThat(scrapeProblems(scrape.replace("/actuator/prometheus", "/metrics"), platform)).anyMatch(p -> p.contains("metrics_path"));
  }

  @Test
  void promQlParserRefusesWhatPrometheusRefuses() {
    for (String bad : List.of(
        "rate(foo)", "rate(foo[5m]", "sum(rate(foo[5m])) by", "histogram_quantile(sum by (le) (rate(foo_bucket[5m])))",
        "foo{job=\"a\"", "foo{job=a}", "foo[5x]", "1 > 2", "foo and 1", "nosuchfunction(foo)", "{job=~\".*\"}",
        "foo{job=~\"(\"}", "sum by (job) (foo) by (instance)", "(foo)[5m]", "foo + ", "max_over_time(foo)",
        "foo offset", "increase(foo[1m30h])")) {
      assertThatThrownBy(() -> PromQl.parse(bad)).as(bad).isInstanceOf(PromQl.ParseException.class);
    }
    assertThat(PromQl.parse("histogram_quantile(0.99, sum by (job, consumer, le) (rate(a_bucket{x=~\"y|z\"}[5m]))) > 2").metrics())
        .containsExactly("a_bucket");
    assertThat(PromQl.parse("max by (job) (b) > 1000 and max by (job) (deriv(b[10m])) > 0").type()).isEqualTo(PromQl.Type.VECTOR);
    assertThat(PromQl.parse("sum without (instance) (rate(c[5m] offset 1h)) / on (job) group_left sum(d) * 100").metrics())
        .containsExactlyInAnyOrder("c", "d");
    assertThat(PromQl.parse("max_over_time(rate(e[1m])[30m:1m]) + 1 > bool 2").metrics()).containsExactly("e");
    assertThat(PromQl.parse("{__name__=\"f\", job!=\"\"} - -1e3 ^ 2 ^ 0.5").metrics()).containsExactly("f");
    assertThat(PromQl.parse("topk(3, sum by (job) (g)) or vector(0)").metrics()).containsExactly("g");
  }

  // ---- the checks

  static Set<String> exported() throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : Files.readAllLines(EXPORTED)) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        assertThat(name).as("a Prometheus metric name").matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
        names.add(name);
      }
    }
    return names;
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+y)?(\\d+w)?(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  @SuppressWarnings("unchecked")
  static Map<String, Object> yaml(String text) {
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    if (!(doc instanceof Map)) {
      throw new IllegalArgumentException("the YAML document is not a mapping");
    }
    return (Map<String, Object>) doc;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> rules(Map<String, Object> doc) {
    List<Map<String, Object>> all = new ArrayList<>();
    for (Object g : (List<Object>) doc.get("groups")) {
      for (Object r : (List<Object>) ((Map<String, Object>) g).get("rules")) {
        all.add((Map<String, Object>) r);
      }
    }
    return all;
  }

  /** What Prometheus (and this project: a severity, a summary and a description) would refuse in a rule file. */
  @SuppressWarnings("unchecked")
  static List<String> ruleProblems(String text, Set<String> exported) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> doc;
    try {
      doc = yaml(text);
    } catch (RuntimeException e) {
      return List.of("not YAML: " + e.getMessage());
    }
    unknownKeys("rule file", doc, Set.of("groups"), problems);
    if (!(doc.get("groups") instanceof List<?> groups) || groups.isEmpty()) {
      problems.add("no groups");
      return problems;
    }
    Set<String> groupNames = new HashSet<>();
    Set<String> alertNames = new HashSet<>();
    for (Object g : groups) {
      if (!(g instanceof Map<?, ?> groupMap)) {
        problems.add("a group that is not a mapping: " + g);
        continue;
      }
      Map<String, Object> group = (Map<String, Object>) groupMap;
      String name = group.get("name") instanceof String s ? s : null;
      String where = "group " + name;
      if (name == null || name.isBlank() || !groupNames.add(name)) {
        problems.add("a group without a name of its own: " + name);
      }
      unknownKeys(where, group, Set.of("name", "interval", "limit", "rules", "labels", "query_offset"), problems);
      if (group.containsKey("interval")) {
        duration(where + " interval", group.get("interval"), problems);
      }
      if (!(group.get("rules") instanceof List<?> list) || list.isEmpty()) {
        problems.add(where + ": no rules");
        continue;
      }
      for (Object r : list) {
        if (!(r instanceof Map<?, ?> ruleMap)) {
          problems.add(where + ": a rule that is not a mapping: " + r);
          continue;
        }
        Map<String, Object> rule = (Map<String, Object>) ruleMap;
        boolean alert = rule.containsKey("alert");
        String ruleName = String.valueOf(alert ? rule.get("alert") : rule.get("record"));
        String at = where + " rule " + ruleName;
        if (alert == rule.containsKey("record")) {
          problems.add(at + ": needs exactly one of alert and record");
          continue;
        }
        unknownKeys(at, rule, alert ? Set.of("alert", "expr", "for", "keep_firing_for", "labels", "annotations")
            : Set.of("record", "expr", "labels"), problems);
        if (alert && (!LABEL_NAME.matcher(ruleName).matches() || !alertNames.add(ruleName))) {
          problems.add(at + ": an alert name must be an identifier used once");
        }
        for (String d : List.of("for", "keep_firing_for")) {
          if (rule.containsKey(d)) {
            duration(at + " " + d, rule.get(d), problems);
          }
        }
        if (!(rule.get("expr") instanceof String expr) || expr.isBlank()) {
          problems.add(at + ": expr missing");
        } else {
          try {
            PromQl.Parsed parsed = PromQl.parse(expr);
            if (alert && parsed.type() != PromQl.Type.VECTOR) {
              problems.add(at + ": expr gives a " + parsed.type() + ", an alert needs an instant vector");
            }
            unexported(at, parsed.metrics(), exported, problems);
          } catch (PromQl.ParseException e) {
            problems.add(at + ": expr does not parse: " + e.getMessage());
          }
        }
        Map<String, Object> labels = stringMap(at + " labels", rule.get("labels"), problems);
        Map<String, Object> annotations = stringMap(at + " annotations", rule.get("annotations"), problems);
        if (alert) {
          if (!(labels.get("severity") instanceof String severity && Set.of("critical", "warning", "info").contains(severity))) {
            problems.add(at + ": needs a severity label of critical, warning or info");
          }
          for (String needed : List.of("summary", "description")) {
            if (!(annotations.get(needed) instanceof String s) || s.isBlank()) {
              problems.add(at + ": needs the annotation " + needed);
            }
          }
        }
        annotations.forEach((k, v) -> template(at + " annotation " + k, String.valueOf(v), problems));
        labels.forEach((k, v) -> template(at + " label " + k, String.valueOf(v), problems));
      }
    }
    return problems;
  }

  private static void unknownKeys(String where, Map<String, Object> map, Set<String> known, List<String> problems) {
    for (String key : map.keySet()) {
      if (!known.contains(key)) {
        problems.add(where + ": unknown field " + key + " (Prometheus refuses the file)");
      }
    }
  }

  private static void duration(String where, Object value, List<String> problems) {
    if (!(value instanceof String d) || d.isEmpty() || !DURATION.matcher(d).matches()) {
      problems.add(where + ": '" + value + "' is not a Prometheus duration (e.g. 5m, 1h30m)");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> stringMap(String where, Object value, List<String> problems) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(where + ": not a mapping");
      return Map.of();
    }
    map.forEach((k, v) -> {
      if (!(k instanceof String key) || !LABEL_NAME.matcher(key).matches()) {
        problems.add(where + ": bad name " + k);
      }
      if (!(v instanceof String)) {
        problems.add(where + ": the value of " + k + " must be a string, not " + v);
      }
    });
    return (Map<String, Object>) map;
  }

  /** Go template actions balanced and closed: {{ ... }} pairs in order. */
  private static void template(String where, String text, List<String> problems) {
    int depth = 0;
    for (int i = 0; i < text.length() - 1; i++) {
      String two = text.substring(i, i + 2);
      if (two.equals("{{")) {
        depth++;
        i++;
      } else if (two.equals("}}")) {
        depth--;
        i++;
      }
      if (depth < 0 || depth > 1) {
        break;
      }
    }
    if (depth != 0) {
      problems.add(where + ": unbalanced template {{ }} in: " + text);
    }
  }

  private static void unexported(String where, Set<String> used, Set<String> exported, List<String> problems) {
    for (String name : used) {
      if (!exported.contains(name) && !PROMETHEUS_OWN.contains(name)) {
        problems.add(where + ": " + name + " is not exported by the services (deploy/observability/exported-series.txt)");
      }
    }
  }

  /** What Grafana's import would refuse or draw wrong, and expressions that do not parse or use unexported series. */
  static List<String> dashboardProblems(String text, Set<String> exported) {
    List<String> problems = new ArrayList<>();
    JsonNode dash;
    try {
      dash = JsonMapper.builder().build().readTree(text);
    } catch (RuntimeException e) {
      return List.of("not JSON: " + e.getMessage());
    }
    boolean input = false;
    for (JsonNode in : dash.path("__inputs")) {
      input |= in.path("name").asString("").equals("DS_PROMETHEUS") && in.path("pluginId").asString("").equals("prometheus");
    }
    if (!input) {
      problems.add("no __inputs entry DS_PROMETHEUS for the prometheus plugin: the import cannot ask for a data source");
    }
    if (dash.path("schemaVersion").asInt(0) < 39) {
      problems.add("schemaVersion " + dash.path("schemaVersion") + " is older than Grafana 11's");
    }
    if (dash.path("title").asString("").isBlank() || dash.path("uid").asString("").isBlank()) {
      problems.add("a dashboard needs a title and a uid");
    }
    Set<Integer> ids = new HashSet<>();
    Set<String> used = new TreeSet<>();
    List<int[]> boxes = new ArrayList<>();
    Map<String, String> titles = new LinkedHashMap<>();
    List<JsonNode> panels = new ArrayList<>();
    dash.path("panels").forEach(p -> {
      panels.add(p);
      p.path("panels").forEach(panels::add);
    });
    if (panels.isEmpty()) {
      problems.add("no panels");
    }
    for (JsonNode p : panels) {
      String title = p.path("title").asString("");
      String at = "panel '" + title + "'";
      if (!ids.add(p.path("id").asInt(-1))) {
        problems.add(at + ": id " + p.path("id") + " is not unique");
      }
      if (!title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
          || !(title.matches(".*[（(][A-Za-z].*") || !p.path("description").asString("").isBlank())) {
        problems.add(at + ": titles are Chinese with the English in parentheses or a description");
      }
      JsonNode grid = p.path("gridPos");
      int x = grid.path("x").asInt(-1);
      int y = grid.path("y").asInt(-1);
      int w = grid.path("w").asInt(0);
      int h = grid.path("h").asInt(0);
      if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > 24) {
        problems.add(at + ": gridPos outside the 24 columns");
      }
      for (int[] b : boxes) {
        if (x < b[0] + b[2] && b[0] < x + w && y < b[1] + b[3] && b[1] < y + h) {
          problems.add(at + ": overlaps another panel");
        }
      }
      boxes.add(new int[] {x, y, w, h});
      titles.put(title, p.path("type").asString(""));
      if (p.path("type").asString("").equals("row")) {
        continue;
      }
      if (!p.path("datasource").path("uid").asString("").equals("${DS_PROMETHEUS}")) {
        problems.add(at + ": its datasource must be the input ${DS_PROMETHEUS}");
      }
      if (p.path("targets").isEmpty()) {
        problems.add(at + ": no targets");
      }
      for (JsonNode t : p.path("targets")) {
        if (t.has("datasource") && !t.path("datasource").path("uid").asString("").equals("${DS_PROMETHEUS}")) {
          problems.add(at + " target " + t.path("refId").asString("") + ": its datasource must be the input ${DS_PROMETHEUS}");
        }
        String expr = t.path("expr").asString("");
        try {
          PromQl.Parsed parsed = PromQl.parse(PromQl.withGrafanaMacros(expr));
          if (parsed.type() != PromQl.Type.VECTOR && parsed.type() != PromQl.Type.SCALAR) {
            problems.add(at + ": expr gives a " + parsed.type() + ", a panel draws vectors");
          }
          used.addAll(parsed.metrics());
          unexported(at, parsed.metrics(), exported, problems);
        } catch (PromQl.ParseException e) {
          problems.add(at + ": expr does not parse: " + e.getMessage());
        }
      }
    }
    for (JsonNode v : dash.path("templating").path("list")) {
      if (v.has("datasource") && !v.path("datasource").path("uid").asString("").equals("${DS_PROMETHEUS}")) {
        problems.add("variable " + v.path("name").asString("") + ": its datasource must be the input ${DS_PROMETHEUS}");
      }
      String query = v.path("definition").asString("");
      Matcher m = Pattern.compile("label_values\\((?:(\\w+)\\s*,\\s*)?\\w+\\)").matcher(query);
      if (!query.isEmpty() && !m.matches()) {
        problems.add("variable " + v.path("name").asString("") + ": not a label_values(metric, label) query: " + query);
      } else if (m.matches() && m.group(1) != null) {
        unexported("variable " + v.path("name").asString(""), Set.of(m.group(1)), exported, problems);
      }
    }
    for (String needed : List.of("gongyu_freshness_seconds_bucket", "gongyu_outbox_pending", "gongyu_outbox_oldest_age_seconds",
        "gongyu_deadletter_records_total", "gongyu_rollup_recompute_seconds_bucket", "http_server_requests_seconds_bucket",
        "http_server_requests_seconds_count", "jvm_memory_used_bytes")) {
      if (!used.contains(needed)) {
        problems.add("no panel shows " + needed);
      }
    }
    return problems;
  }

  /** The local scrape config: loads the rule file beside it, and scrapes each service's /actuator/prometheus on platform.sh's port. */
  @SuppressWarnings("unchecked")
  static List<String> scrapeProblems(String text, String platformScript) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> doc;
    try {
      doc = yaml(text);
    } catch (RuntimeException e) {
      return List.of("not YAML: " + e.getMessage());
    }
    for (Object file : (List<Object>) doc.getOrDefault("rule_files", List.of())) {
      if (!Files.isRegularFile(SCRAPE.resolveSibling(String.valueOf(file)))) {
        problems.add("rule file " + file + " is not beside prometheus.yml");
      }
    }
    Map<String, String> ports = new TreeMap<>();
    Matcher m = Pattern.compile("^\\s*([a-z-]+)\\) echo (?:\\$\\(\\()?(\\d+)(?: \\+ step\\)\\))? ;;", Pattern.MULTILINE).matcher(platformScript);
    while (m.find()) {
      if (!m.group(1).equals("kafka")) {
        ports.put(m.group(1), m.group(2));
      }
    }
    if (ports.size() < 5) {
      problems.add("platform.sh's base_port names fewer than 5 components: " + ports);
    }
    Map<String, Map<String, Object>> jobs = new TreeMap<>();
    for (Object j : (List<Object>) doc.getOrDefault("scrape_configs", List.of())) {
      Map<String, Object> job = (Map<String, Object>) j;
      jobs.put(String.valueOf(job.get("job_name")), job);
    }
    ports.forEach((service, port) -> {
      Map<String, Object> job = jobs.get(service);
      if (job == null) {
        problems.add("no scrape job named " + service);
        return;
      }
      if (!"/actuator/prometheus".equals(job.get("metrics_path"))) {
        problems.add(service + ": metrics_path must be /actuator/prometheus, not " + job.get("metrics_path"));
      }
      List<Object> targets = new ArrayList<>();
      for (Object sc : (List<Object>) job.getOrDefault("static_configs", List.of())) {
        targets.addAll((List<Object>) ((Map<String, Object>) sc).getOrDefault("targets", List.of()));
      }
      if (!targets.contains("127.0.0.1:" + port)) {
        problems.add(service + ": scrapes " + targets + ", platform.sh runs it on port " + port);
      }
    });
    return problems;
  }
}
