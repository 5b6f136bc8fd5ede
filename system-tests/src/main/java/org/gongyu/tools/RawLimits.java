package org.gongyu.tools;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;

/**
 * Issue 16 item 7: what this machine's Kafka and PostgreSQL allow at this moment, measured with
 * plain kafka-clients and JDBC against the platform's own broker and server, so that every
 * platform figure can be printed as a share of the limit measured in the same run (the machine's
 * load varies ±2× between runs, so a limit from another run means little).
 *
 * <ul>
 *   <li>Kafka: the platform's events as they travel (envelopes encoded with {@link EventCodec},
 *       half {@link IndicatorSnapshotPublished}, half {@link CountyRollupPublished} with the lineage
 *       of a demo county) produced to a scratch topic with the services' producer settings, then
 *       read back by a fresh consumer group with the services' consumer defaults.
 *   <li>PostgreSQL: in a scratch database, rows shaped like district-service's
 *       {@code school_snapshot} upserted in batches of 50 and 500 (one transaction per batch, half
 *       of them updates), the same upsert one row per transaction (what a record-at-a-time
 *       consumer pays), and rows shaped like school-service's {@code platform_registration}
 *       inserted in batches of 50 (what a registration batch writes), and in batches of the
 *       platform run's size when that is not 50, so a run with larger batches is set against a raw
 *       insert of batches as large.
 * </ul>
 *
 * The scratch topic, consumer group and database carry the run's id and are removed at the end.
 */
public final class RawLimits {

  /** Partitions of the services' topics (MessagingProperties' default). */
  static final int PARTITIONS = 6;
  /** Schools per county in the demo city: the lineage a county rollup carries. */
  static final int LINEAGE = 10;

  public static final String KAFKA_PRODUCE = "limit.kafka.produce";
  public static final String KAFKA_PRODUCE_MB = "limit.kafka.produce.mb";
  public static final String KAFKA_CONSUME = "limit.kafka.consume";
  public static final String KAFKA_CONSUME_MB = "limit.kafka.consume.mb";
  public static final String PG_UPSERT_50 = "limit.pg.upsert.50";
  public static final String PG_UPSERT_500 = "limit.pg.upsert.500";
  public static final String PG_UPSERT_1 = "limit.pg.upsert.1";
  public static final String PG_INSERT_50 = "limit.pg.registrations.50";
  public static final String PG_INSERT_50_MS = "limit.pg.registrations.50.ms";
  /** Registration rows inserted in batches of the platform run's size ({@link Options#batch}). */
  public static final String PG_INSERT_BATCH = "limit.pg.registrations.batch";
  public static final String PG_INSERT_BATCH_MS = "limit.pg.registrations.batch.ms";

  private RawLimits() {}

  /**
   * @param kafka    the platform's bootstrap servers
   * @param pgHost   PostgreSQL host, with {@code pgPort} and a superuser {@code pgUser} (trust auth)
   * @param messages messages produced and consumed
   * @param rows     rows per batched PostgreSQL case (a tenth of them, at least 200, one per transaction)
   * @param batch    the platform run's batch size: registration rows are also inserted in batches of
   *                 this size (at least four batches), unless it is 50
   */
  public record Options(String kafka, String pgHost, int pgPort, String pgUser, int messages, int rows, int batch) {}

  /** Measures every limit once, prints one line per limit and returns them by key. */
  public static Map<String, Double> run(Options o, PrintStream out) throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    Map<String, Double> figures = new LinkedHashMap<>();
    out.printf("raw limits (run %s): Kafka %s, PostgreSQL %s:%d%n", run, o.kafka(), o.pgHost(), o.pgPort());
    kafka(o, run, figures, out);
    postgres(o, run, figures, out);
    return figures;
  }

  // ------------------------------------------------------------------------------------- Kafka --

  private static void kafka(Options o, String run, Map<String, Double> figures, PrintStream out) throws Exception {
    String topic = "gongyu.bench.raw." + run;
    String group = topic;
    List<ProducerRecord<String, String>> records = messages(topic, o.messages(), Instant.now());
    long bytes = 0;
    for (ProducerRecord<String, String> r : records) {
      bytes += r.key().getBytes(StandardCharsets.UTF_8).length + r.value().getBytes(StandardCharsets.UTF_8).length;
    }
    Properties adminProps = new Properties();
    adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.kafka());
    try (Admin admin = Admin.create(adminProps)) {
      admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
      try {
        int warmUp = Math.max(1, Math.min(records.size() / 5, 10_000));
        double produceSeconds = produce(o.kafka(), records, warmUp);
        figures.put(KAFKA_PRODUCE, records.size() / produceSeconds);
        figures.put(KAFKA_PRODUCE_MB, bytes / produceSeconds / 1e6);
        out.printf("  kafka produce:  %,d messages of %,d bytes on average (snapshot and county-rollup envelopes), acks=all,"
                + " idempotent, %d partitions: %s messages/s, %s MB/s%n",
            records.size(), bytes / records.size(), PARTITIONS, Figures.number(figures.get(KAFKA_PRODUCE)),
            Figures.number(figures.get(KAFKA_PRODUCE_MB)));
        Consumed c = consume(o.kafka(), topic, group, PARTITIONS + warmUp + records.size());
        figures.put(KAFKA_CONSUME, c.records() / c.seconds());
        figures.put(KAFKA_CONSUME_MB, c.bytes() / c.seconds() / 1e6);
        out.printf("  kafka consume:  the same messages, a fresh group (joined and first records after %.1f s): %s messages/s, %s MB/s%n",
            c.joinSeconds(), Figures.number(figures.get(KAFKA_CONSUME)), Figures.number(figures.get(KAFKA_CONSUME_MB)));
      } finally {
        admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        try {
          admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          out.println("  (scratch consumer group " + group + " not deleted: " + e.getCause() + ")");
        }
      }
    }
  }

  /** The platform's events as the relay sends them: key = the school or county, value = the encoded envelope. */
  static List<ProducerRecord<String, String>> messages(String topic, int n, Instant now) {
    List<ProducerRecord<String, String>> records = new ArrayList<>(n);
    String period = "2026-2027-1";
    for (int i = 0; i < n; i++) {
      String county = "9901" + String.format("%02d", 1 + (i / 2) % 50);
      if (i % 2 == 0) {
        String school = county + String.format("%04d", 1 + (i / 100) % LINEAGE);
        var snapshot = new IndicatorSnapshotPublished(school, IndicatorCodes.PLATFORM_REGISTRATION, period, 400 + i % 97, 640, 1 + i / 100,
            now);
        records.add(new ProducerRecord<>(topic, school, EventCodec.encode(EventEnvelope.wrap("school-service", now, snapshot))));
      } else {
        List<CountyRollupPublished.SnapshotRef> lineage = new ArrayList<>(LINEAGE);
        for (int s = 1; s <= LINEAGE; s++) {
          lineage.add(new CountyRollupPublished.SnapshotRef(county + String.format("%04d", s), 1 + i / 100));
        }
        var rollup = new CountyRollupPublished(county, IndicatorCodes.PLATFORM_REGISTRATION, period, 4_000 + i % 997, 6_400, LINEAGE,
            LINEAGE, 7, 1 + i / 100, now, lineage, 9, now.plus(Duration.ofDays(30)), 8, 7, 5);
        records.add(new ProducerRecord<>(topic, county, EventCodec.encode(EventEnvelope.wrap("district-service", now, rollup))));
      }
    }
    return records;
  }

  /** A producer configured as the services' ({@link #produce}): acks=all, idempotent, string keys and values. */
  static Properties servicesProducer(String bootstrap, String clientId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    return p;
  }

  /**
   * The services' producer: Spring Boot's KafkaTemplate over kafka-clients' defaults with
   * {@code acks: all} (application.yml); idempotence is kafka-clients' default, linger and batch
   * size are left at their defaults as the services leave them. Returns seconds from the first send
   * to the last acknowledgement, after one record per partition and the first {@code warmUp}
   * records were sent untimed (the metadata fetched, the client's code compiled, as in a service
   * that has been running).
   */
  private static double produce(String bootstrap, List<ProducerRecord<String, String>> records, int warmUp) throws Exception {
    Properties p = servicesProducer(bootstrap, "gongyu-raw-limits");
    AtomicReference<Exception> failed = new AtomicReference<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      // one acknowledged send per partition first: a batch sent while a new partition is still
      // opening is retried behind later ones and refused as out of sequence (the broker logs
      // OutOfOrderSequenceException and the producer drops it)
      ProducerRecord<String, String> first = records.getFirst();
      for (int partition = 0; partition < PARTITIONS; partition++) {
        producer.send(new ProducerRecord<>(first.topic(), partition, first.key(), first.value())).get(30, TimeUnit.SECONDS);
      }
      for (ProducerRecord<String, String> r : records.subList(0, warmUp)) {
        producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()), (metadata, e) -> {
          if (e != null) {
            failed.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
      if (failed.get() != null) {
        throw new IllegalStateException("Kafka refused a warm-up message of the raw produce run", failed.get());
      }
      long start = System.nanoTime();
      for (ProducerRecord<String, String> r : records) {
        producer.send(r, (metadata, e) -> {
          if (e != null) {
            failed.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
      long end = System.nanoTime();
      if (failed.get() != null) {
        throw new IllegalStateException("Kafka refused a message of the raw produce run", failed.get());
      }
      return (end - start) / 1e9;
    }
  }

  private record Consumed(long records, long bytes, double seconds, double joinSeconds) {}

  /**
   * A fresh group with the services' consumer defaults (earliest, max.poll.records 500). The rate
   * runs from the first poll that returned records to the last, so the group join is not counted
   * (it is printed apart); the records of that first poll are not counted either.
   */
  private static Consumed consume(String bootstrap, String topic, String group, int expected) {
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "gongyu-raw-limits");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
      consumer.subscribe(List.of(topic));
      long subscribed = System.nanoTime();
      long progress = subscribed;
      long first = -1;
      long last = -1;
      int count = 0;
      int counted = 0;
      long bytes = 0;
      while (count < expected) {
        ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(200));
        long now = System.nanoTime();
        if (!polled.isEmpty()) {
          progress = now;
          count += polled.count();
          if (first < 0) {
            first = now;
          } else {
            counted += polled.count();
            for (ConsumerRecord<String, String> r : polled) {
              bytes += Math.max(0, r.serializedKeySize()) + Math.max(0, r.serializedValueSize());
            }
            last = now;
          }
        }
        if (now - progress > TimeUnit.SECONDS.toNanos(60)) {
          throw new IllegalStateException("read " + count + " of " + expected + " scratch messages, then nothing for 60 s");
        }
      }
      if (last <= first) {
        throw new IllegalStateException("every scratch message came in the first poll: produce more (--messages)");
      }
      return new Consumed(counted, bytes, (last - first) / 1e9, (first - subscribed) / 1e9);
    }
  }

  // -------------------------------------------------------------------------------- PostgreSQL --

  private static void postgres(Options o, String run, Map<String, Double> figures, PrintStream out) throws Exception {
    String db = "gongyu_bench_raw_" + run;
    Properties props = new Properties();
    props.setProperty("user", o.pgUser());
    String server = "jdbc:postgresql://" + o.pgHost() + ":" + o.pgPort() + "/";
    try (Connection c = DriverManager.getConnection(server + "postgres", props); Statement s = c.createStatement()) {
      s.execute("create database " + db);
    }
    try {
      // as school-service connects (ADR 0017): one multi-row INSERT per JDBC batch
      props.setProperty("reWriteBatchedInserts", "true");
      try (Connection c = DriverManager.getConnection(server + db, props)) {
        schema(c);
        int rows = o.rows();
        upserts(c, Math.min(rows, 2_000), 50); // warm-up: the driver's code compiled, the tables' pages cached
        registrations(c, Math.min(rows, 1_000), 50);
        double upsert50 = upserts(c, rows, 50);
        double upsert500 = upserts(c, rows, 500);
        int singles = Math.max(200, rows / 10);
        double upsert1 = upserts(c, singles, 1);
        double insert50 = registrations(c, rows, 50);
        figures.put(PG_UPSERT_50, upsert50);
        figures.put(PG_UPSERT_500, upsert500);
        figures.put(PG_UPSERT_1, upsert1);
        figures.put(PG_INSERT_50, insert50);
        figures.put(PG_INSERT_50_MS, 50 * 1000.0 / insert50);
        out.printf("  postgres upsert school_snapshot rows (insert ... on conflict do update, half updates), %,d rows:%n", rows);
        out.printf("    %-42s %s rows/s%n", "batches of 50 in one transaction each:", Figures.number(upsert50));
        out.printf("    %-42s %s rows/s%n", "batches of 500 in one transaction each:", Figures.number(upsert500));
        out.printf("    %-42s %s transactions/s%n", String.format("one row per transaction (%,d rows):", singles), Figures.number(upsert1));
        out.printf("  postgres insert platform_registration rows in batches of 50, one transaction each, %,d rows: %s rows/s"
            + " (%s ms per batch)%n", rows, Figures.number(insert50), Figures.number(figures.get(PG_INSERT_50_MS)));
        if (o.batch() != 50) {
          int batchRows = Math.max(rows, 4 * o.batch());
          double insertBatch = registrations(c, batchRows, o.batch());
          figures.put(PG_INSERT_BATCH, insertBatch);
          figures.put(PG_INSERT_BATCH_MS, o.batch() * 1000.0 / insertBatch);
          out.printf("  postgres insert platform_registration rows in batches of %,d, one transaction each, %,d rows: %s rows/s"
              + " (%s ms per batch)%n", o.batch(), batchRows, Figures.number(insertBatch), Figures.number(figures.get(PG_INSERT_BATCH_MS)));
        }
      }
    } finally {
      try (Connection c = DriverManager.getConnection(server + "postgres", withoutRewrite(props)); Statement s = c.createStatement()) {
        s.execute("drop database if exists " + db + " with (force)");
      }
    }
  }

  private static Properties withoutRewrite(Properties props) {
    Properties p = new Properties();
    p.setProperty("user", props.getProperty("user"));
    return p;
  }

  /** The two tables as the services declare them (district V1 school_snapshot, school V1 platform_registration). */
  private static void schema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("""
          create table school_snapshot (
            school_id      varchar(40)  not null,
            indicator_code varchar(60)  not null,
            period_id      varchar(40)  not null,
            numerator      bigint       not null check (numerator >= 0),
            denominator    bigint       not null check (denominator >= 0),
            version        bigint       not null check (version >= 1),
            as_of          timestamptz  not null,
            primary key (school_id, indicator_code, period_id))""");
      s.execute("create table school_class (school_id varchar(40) not null, class_id varchar(40) not null, primary key (school_id, class_id))");
      s.execute("""
          create table platform_registration (
            school_id     varchar(40)  not null,
            external_id   varchar(100) not null,
            class_id      varchar(40)  not null,
            student_key   char(64)     not null,
            guardian_key  char(64)     not null,
            registered_at timestamptz  not null,
            received_at   timestamptz  not null,
            primary key (school_id, external_id),
            foreign key (school_id, class_id) references school_class (school_id, class_id))""");
      s.execute("create index platform_registration_class on platform_registration (school_id, class_id, student_key)");
      s.execute("insert into school_class select '9901970001', 'C' || g from generate_series(1, 20) g");
    }
  }

  /**
   * Rows/s of {@code n} upserts in transactions of {@code batch} rows. Row i writes key i mod K
   * (K = max(500, n/2)) at version i/K + 1, so the first K rows insert and the rest update the
   * rows already there (only when their version is newer, as a consumer ignores stale versions);
   * consecutive rows never share a key, so no batch touches a row twice.
   */
  private static double upserts(Connection c, int n, int batch) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("truncate school_snapshot");
    }
    int keys = Math.max(500, n / 2);
    String[] schools = new String[keys / 4 + 1];
    for (int k = 0; k < schools.length; k++) {
      schools[k] = "99019" + String.format("%05d", k);
    }
    String[] codes = {IndicatorCodes.PLATFORM_REGISTRATION, IndicatorCodes.PARENT_LEARNING_PER_CAPITA,
        IndicatorCodes.RESOURCES_RECOMMENDED, IndicatorCodes.COLLECTIVE_SESSIONS};
    Timestamp asOf = Timestamp.from(Instant.now());
    c.setAutoCommit(false);
    long start = System.nanoTime();
    try (PreparedStatement ps = c.prepareStatement("""
        insert into school_snapshot (school_id, indicator_code, period_id, numerator, denominator, version, as_of)
        values (?, ?, ?, ?, ?, ?, ?)
        on conflict (school_id, indicator_code, period_id) do update
          set numerator = excluded.numerator, denominator = excluded.denominator, version = excluded.version, as_of = excluded.as_of
          where school_snapshot.version < excluded.version""")) {
      for (int i = 0; i < n; i++) {
        int key = i % keys;
        ps.setString(1, schools[key / 4]);
        ps.setString(2, codes[key % 4]);
        ps.setString(3, "2026-2027-1");
        ps.setLong(4, 400 + i % 97);
        ps.setLong(5, 640);
        ps.setLong(6, 1 + i / keys);
        ps.setTimestamp(7, asOf);
        ps.addBatch();
        if ((i + 1) % batch == 0 || i == n - 1) {
          ps.executeBatch();
          c.commit();
        }
      }
    } finally {
      c.setAutoCommit(true);
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  /** Rows/s of {@code n} registration rows inserted in transactions of {@code batch}, keys HMAC-sized (64 hex characters). */
  private static double registrations(Connection c, int n, int batch) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    HexFormat hex = HexFormat.of();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String[] students = new String[n];
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      students[i] = hex.formatHex(sha.digest(("student-" + i).getBytes(StandardCharsets.UTF_8)));
      ids[i] = "raw-" + run + "-" + i;
    }
    String[] classes = new String[20];
    for (int k = 0; k < classes.length; k++) {
      classes[k] = "C" + (k + 1);
    }
    String guardian = hex.formatHex(sha.digest("guardian".getBytes(StandardCharsets.UTF_8)));
    Timestamp at = Timestamp.from(Instant.now());
    c.setAutoCommit(false);
    long start = System.nanoTime();
    try (PreparedStatement ps = c.prepareStatement("""
        insert into platform_registration (school_id, external_id, class_id, student_key, guardian_key, registered_at, received_at)
        values (?, ?, ?, ?, ?, ?, ?)""")) {
      for (int i = 0; i < n; i++) {
        ps.setString(1, "9901970001");
        ps.setString(2, ids[i]);
        ps.setString(3, classes[i % 20]);
        ps.setString(4, students[i]);
        ps.setString(5, guardian);
        ps.setTimestamp(6, at);
        ps.setTimestamp(7, at);
        ps.addBatch();
        if ((i + 1) % batch == 0 || i == n - 1) {
          ps.executeBatch();
          c.commit();
        }
      }
    } finally {
      c.setAutoCommit(true);
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }
}
