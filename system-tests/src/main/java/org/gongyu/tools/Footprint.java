package org.gongyu.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a running local platform holds and uses at one moment (issue 18 item 6): each service
 * database's size and rows per table, the Kafka data directory on disk, and each platform process's
 * resident memory and CPU time so far, read from {@code /proc} by the pid files of the run dir.
 * Two readings give what a load cost; {@link #perSchool} divides that by the schools it was for.
 */
record Footprint(Map<String, Map<String, Table>> tables, Map<String, Long> databaseBytes, long kafkaBytes,
    Map<String, Long> kafkaTopicBytes, Map<String, Long> rssBytes, Map<String, Double> cpuSeconds, double postgresCpuSeconds, long takenNanos) {

  /** The services whose databases the platform creates ({@code db.sh}: {@code <prefix><svc>}). */
  static final List<String> DATABASES = List.of("school", "district", "city", "reporting");

  /** One table: exact rows ({@code count(*)}) and bytes with its indexes and TOAST ({@code pg_total_relation_size}). */
  record Table(long rows, long bytes) {}

  /** Where to read from: PostgreSQL as a superuser with trust auth, the databases' prefix, the platform's run dir. */
  record Source(String pgHost, int pgPort, String pgUser, String dbPrefix, Path runDir) {}

  /** What a load cost, per school: database bytes and rows per service, Kafka bytes. */
  record PerSchool(Map<String, Double> databaseBytes, Map<String, Double> rows, double kafkaBytes) {
    double databaseBytesTotal() {
      return databaseBytes.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double rowsTotal() {
      return rows.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  /** The growth between two readings divided by {@code schools}; a database or table absent before counts from zero. */
  static PerSchool perSchool(Footprint before, Footprint after, int schools) {
    if (schools <= 0) {
      throw new IllegalArgumentException("schools must be positive: " + schools);
    }
    Map<String, Double> bytes = new LinkedHashMap<>();
    Map<String, Double> rows = new LinkedHashMap<>();
    for (String db : after.databaseBytes().keySet()) {
      bytes.put(db, (after.databaseBytes().get(db) - before.databaseBytes().getOrDefault(db, 0L)) / (double) schools);
      long rowsAfter = after.tables().getOrDefault(db, Map.of()).values().stream().mapToLong(Table::rows).sum();
      long rowsBefore = before.tables().getOrDefault(db, Map.of()).values().stream().mapToLong(Table::rows).sum();
      rows.put(db, (rowsAfter - rowsBefore) / (double) schools);
    }
    return new PerSchool(bytes, rows, (after.kafkaBytes() - before.kafkaBytes()) / (double) schools);
  }

  /** The tables of one database that grew most between two readings, largest growth in bytes first. */
  static List<Map.Entry<String, Table>> grown(Footprint before, Footprint after, String db, int top) {
    Map<String, Table> was = before.tables().getOrDefault(db, Map.of());
    List<Map.Entry<String, Table>> growth = new ArrayList<>();
    after.tables().getOrDefault(db, Map.of()).forEach((name, t) -> {
      Table b = was.getOrDefault(name, new Table(0, 0));
      growth.add(Map.entry(name, new Table(t.rows() - b.rows(), t.bytes() - b.bytes())));
    });
    growth.sort((x, y) -> Long.compare(y.getValue().bytes(), x.getValue().bytes()));
    return growth.subList(0, Math.min(top, growth.size()));
  }

  /** CPU seconds each process spent between two readings (a process absent before counts from its start). */
  static Map<String, Double> cpuBetween(Footprint before, Footprint after) {
    Map<String, Double> spent = new TreeMap<>();
    after.cpuSeconds().forEach((p, s) -> spent.put(p, s - before.cpuSeconds().getOrDefault(p, 0.0)));
    return spent;
  }

  /** Reads everything now. */
  static Footprint read(Source source) throws Exception {
    Map<String, Map<String, Table>> tables = new LinkedHashMap<>();
    Map<String, Long> sizes = new LinkedHashMap<>();
    Properties props = new Properties();
    props.setProperty("user", source.pgUser());
    String server = "jdbc:postgresql://" + source.pgHost() + ":" + source.pgPort() + "/";
    for (String svc : DATABASES) {
      String db = source.dbPrefix() + svc;
      try (Connection c = DriverManager.getConnection(server + db, props); Statement s = c.createStatement()) {
        try (ResultSet rs = s.executeQuery("select pg_database_size(current_database())")) {
          rs.next();
          sizes.put(svc, rs.getLong(1));
        }
        tables.put(svc, tables(s));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read database " + db + ": " + e.getMessage(), e);
      }
    }
    Map<String, Long> rss = new TreeMap<>();
    Map<String, Double> cpu = new TreeMap<>();
    processes(source, rss, cpu);
    Path kafka = source.runDir().resolve("kafka");
    return new Footprint(tables, sizes, diskBytes(kafka), topicBytes(kafka.resolve("data")), rss, cpu, machinePostgresCpuSeconds(),
        System.nanoTime());
  }

  /**
   * The processes' CPU time and memory only, without a query: what a benchmark reads around its
   * timed part ({@link Bench}). {@link #read} counts every table's rows, and PostgreSQL's CPU for
   * those counts (a few hundred milliseconds once the tables hold millions of rows) fell between the
   * SQL and the CPU reading and was charged to the batches.
   */
  static Footprint cpu(Source source) throws IOException {
    Map<String, Long> rss = new TreeMap<>();
    Map<String, Double> cpu = new TreeMap<>();
    processes(source, rss, cpu);
    return new Footprint(Map.of(), Map.of(), 0, Map.of(), rss, cpu, machinePostgresCpuSeconds(), System.nanoTime());
  }

  private static void processes(Source source, Map<String, Long> rss, Map<String, Double> cpu) throws IOException {
    Path pids = source.runDir().resolve("pids");
    if (Files.isDirectory(pids)) {
      try (Stream<Path> files = Files.list(pids)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
          String name = f.getFileName().toString().replace(".pid", "");
          String pid = Files.readString(f).replaceAll("[^0-9]", "");
          if (pid.isEmpty() || !Files.exists(Path.of("/proc", pid))) {
            continue;
          }
          rss.put(name, rssBytes(Files.readString(Path.of("/proc", pid, "status"))));
          cpu.put(name, cpuSeconds(Files.readString(Path.of("/proc", pid, "stat"))));
        }
      }
    }
  }

  private static Map<String, Table> tables(Statement s) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select schemaname || '.' || relname from pg_stat_user_tables order by 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    Map<String, Table> out = new TreeMap<>();
    for (String name : names) {
      String quoted = "\"" + name.replace("\"", "\"\"").replace(".", "\".\"") + "\"";
      try (ResultSet rs = s.executeQuery("select count(*), pg_total_relation_size('" + quoted.replace("'", "''") + "') from " + quoted)) {
        rs.next();
        out.put(name, new Table(rs.getLong(1), rs.getLong(2)));
      }
    }
    return out;
  }

  /** {@code VmRSS:   123456 kB} of a {@code /proc/<pid>/status}, in bytes. */
  static long rssBytes(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  /** utime + stime of a {@code /proc/<pid>/stat} (fields 14 and 15, after the command in parentheses), in seconds at 100 ticks/s. */
  static double cpuSeconds(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state): utime is field 14, stime field 15
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  /**
   * cutime + cstime (fields 16 and 17): the CPU of children that ended and were waited for. For the
   * postmaster that is every backend that has exited, whose own counters are gone with it.
   */
  static double childrenCpuSeconds(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
  }

  /** CPU seconds of every {@code postgres} process on the machine, with the backends that have exited: shared with whatever else uses this PostgreSQL. */
  private static double machinePostgresCpuSeconds() {
    double sum = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
        try {
          String stat = Files.readString(p.resolve("stat"));
          if (stat.contains("(postgres)")) {
            sum += cpuSeconds(stat) + childrenCpuSeconds(stat);
          }
        } catch (IOException gone) {
          // the process ended between the listing and the read
        }
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    return sum;
  }

  /** Blocks each topic's partition directories take on disk ({@code du -sk <topic>-<n>}), summed per topic, in bytes. */
  private static Map<String, Long> topicBytes(Path data) throws Exception {
    Map<String, Long> byTopic = new TreeMap<>();
    if (!Files.isDirectory(data)) {
      return byTopic;
    }
    List<String> command = new ArrayList<>(List.of("du", "-sk"));
    try (Stream<Path> dirs = Files.list(data)) {
      dirs.filter(Files::isDirectory).forEach(d -> command.add(d.toString()));
    }
    if (command.size() == 2) {
      return byTopic;
    }
    Process du = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(du.getInputStream().readAllBytes());
    du.waitFor();
    for (String line : out.split("\n")) {
      String[] f = line.trim().split("\\s+", 2);
      if (f.length == 2 && f[0].matches("[0-9]+")) {
        byTopic.merge(topicOf(Path.of(f[1]).getFileName().toString()), Long.parseLong(f[0]) * 1024, Long::sum);
      }
    }
    return byTopic;
  }

  /** {@code gongyu.city.indicator-rollups.v1-3} (a partition's directory) belongs to topic {@code gongyu.city.indicator-rollups.v1}. */
  static String topicOf(String partitionDir) {
    int dash = partitionDir.lastIndexOf('-');
    return dash > 0 && partitionDir.substring(dash + 1).matches("[0-9]+") ? partitionDir.substring(0, dash) : partitionDir;
  }

  /** Blocks the directory's files take on disk ({@code du -sk}), in bytes; 0 if there is none. */
  private static long diskBytes(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
    String out = new String(du.getInputStream().readAllBytes()).trim();
    du.waitFor();
    return Long.parseLong(out.split("\\s+")[0]) * 1024;
  }
}
