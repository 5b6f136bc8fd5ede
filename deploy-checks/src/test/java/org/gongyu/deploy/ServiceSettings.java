package org.gongyu.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What one application reads and what a deployment must give it, read from its code: its
 * application*.yml and the configuration classes of its sources (and the chassis' for the services).
 *
 * <p>A deployment must set (DeployEnvironmentTest):
 * <ul>
 *   <li>every {@code ${NAME}} placeholder of the yml without a default and without a value in the yml;
 *   <li>every password or secret the yml carries: those are the local development ones;
 *   <li>every address the yml or a configuration class defaults to on this machine (127.0.0.1,
 *       localhost): nothing of the platform is there in a cluster;
 *   <li>every property the code refuses to start without ("... must be set") that the yml leaves unset.
 * </ul>
 * Each need is met by the environment variable of the property (Spring Boot's relaxed binding:
 * upper case, dots to underscores, dashes dropped or made underscores) or of the placeholder that
 * supplies its value.
 */
final class ServiceSettings {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(:([^}]*))?}");
  private static final Pattern LOOPBACK = Pattern.compile("(^|//|@)(127\\.0\\.0\\.1|localhost)(:\\d+|/|}|$)");
  private static final Pattern SECRET_KEY = Pattern.compile("(password|secret)$");
  private static final Pattern MUST_BE_SET = Pattern.compile("\"(gongyu\\.[a-z0-9.-]+)[^\"]*must be set");
  private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{([^}:]+)");
  private static final Pattern CONFIG_RECORD = Pattern.compile(
      "@ConfigurationProperties\\(\"([^\"]+)\"\\)\\s*(?:public\\s+)?record\\s+\\w+\\(([^{]*?)\\)\\s*\\{", Pattern.DOTALL);
  private static final Pattern LOOPBACK_DEFAULT = Pattern.compile(
      "(\\w+) = [^;]*\"https?://(127\\.0\\.0\\.1|localhost)");

  /** Variables of the JVM, not of the application. */
  static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

  /** A setting a deployment must give: the property, why, and the variables that give it. */
  record Need(String property, String why, Set<String> variables) {}

  final String application;
  final Map<String, String> yml = new TreeMap<>();
  final Set<String> properties = new TreeSet<>();
  final List<Need> needs = new ArrayList<>();

  ServiceSettings(String application) {
    this.application = application;
    Path resources = Repo.ROOT.resolve(application + "/src/main/resources");
    for (Path f : Repo.files(resources, ".yml", ".yaml")) {
      if (f.getFileName().toString().startsWith("application") && !f.getFileName().toString().contains("-test")) {
        flatten("", Repo.yaml(f), yml);
      }
    }
    properties.addAll(yml.keySet());
    List<Path> sources = new ArrayList<>(Repo.files(Repo.ROOT.resolve(application + "/src/main/java"), ".java"));
    if (Files.isDirectory(Repo.ROOT.resolve(application + "/src/main/resources/db")) || Repo.SERVICES.contains(application)) {
      sources.addAll(Repo.files(Repo.ROOT.resolve("service-chassis/src/main/java"), ".java"));
    }
    Map<String, String> loopbackDefaults = new LinkedHashMap<>();
    Set<String> mustBeSet = new TreeSet<>();
    for (Path java : sources) {
      String src = Repo.read(java);
      Matcher v = VALUE.matcher(src);
      while (v.find()) {
        properties.add(v.group(1));
      }
      Matcher m = MUST_BE_SET.matcher(src);
      while (m.find()) {
        mustBeSet.add(m.group(1));
        properties.add(m.group(1));
      }
      Matcher r = CONFIG_RECORD.matcher(src);
      while (r.find()) {
        String prefix = r.group(1);
        for (String component : components(r.group(2))) {
          properties.add(prefix + "." + kebab(component));
        }
        Matcher d = LOOPBACK_DEFAULT.matcher(src.substring(r.end()));
        while (d.find()) {
          loopbackDefaults.put(prefix + "." + kebab(d.group(1)), "defaults to this machine in " + java.getFileName());
        }
      }
    }

    for (var e : yml.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      Matcher p = PLACEHOLDER.matcher(value);
      Set<String> placeholderNames = new TreeSet<>();
      boolean allDefaulted = true;
      while (p.find()) {
        properties.add(p.group(1));
        placeholderNames.add(p.group(1));
        if (p.group(2) == null && !yml.containsKey(p.group(1))) {
          allDefaulted = false;
        }
      }
      String why = null;
      if (!allDefaulted) {
        why = "a placeholder without a default";
      } else if (SECRET_KEY.matcher(lastSegment(key)).find()) {
        why = "a password or secret whose value in the yml is the local development one";
      } else if (LOOPBACK.matcher(value.replaceAll("\\$\\{[^}:]+:", "")).find()) {
        why = "an address on this machine (" + value + ")";
      }
      if (why != null) {
        Set<String> variables = new TreeSet<>(variables(key));
        placeholderNames.forEach(n -> variables.addAll(variables(n)));
        needs.add(new Need(key, why, variables));
      }
    }
    for (String p : mustBeSet) {
      if (!yml.containsKey(p)) {
        needs.add(new Need(p, "the code refuses to start without it and the yml does not set it", variables(p)));
      }
    }
    loopbackDefaults.forEach((p, why) -> {
      if (!yml.containsKey(p)) {
        needs.add(new Need(p, why, variables(p)));
      }
    });
  }

  /** Every environment variable that sets a property this application reads. */
  Set<String> knownVariables() {
    Set<String> known = new TreeSet<>(JVM_VARIABLES);
    properties.forEach(p -> known.addAll(variables(p)));
    return known;
  }

  /** What a set of environment variables leaves unmet, in words. */
  List<String> unmet(Set<String> given) {
    List<String> unmet = new ArrayList<>();
    for (Need n : needs) {
      if (n.variables().stream().noneMatch(given::contains)) {
        unmet.add(application + " needs " + n.property() + " (" + n.why() + "): set one of " + n.variables());
      }
    }
    return unmet;
  }

  /** The environment variables that set a property ({@code SystemEnvironmentPropertyMapper}'s two forms). */
  static Set<String> variables(String property) {
    if (property.matches("[A-Z0-9_]+")) {
      return Set.of(property);
    }
    // list indices stay (routes[2].uri is SPRING_..._ROUTES_2_URI); map keys in brackets lose them
    String p = property.replace("[", "").replace("]", "");
    Set<String> forms = new TreeSet<>();
    forms.add(p.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT));
    forms.add(p.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
    return forms;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      for (var e : node.properties()) {
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), into);
      }
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode n : node) {
        flatten(prefix + "." + i++, n, into);
      }
    } else {
      into.put(prefix, node.asString());
    }
  }

  private static String lastSegment(String key) {
    return key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }

  private static List<String> components(String list) {
    List<String> names = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : (list + ",").toCharArray()) {
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        String[] words = cur.toString().trim().split("\\s+");
        if (words.length > 0 && !words[words.length - 1].isEmpty()) {
          names.add(words[words.length - 1]);
        }
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    return names;
  }

  private static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
