package org.gongyu.chassis.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.flywaydb.core.Flyway;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Jobs run once across instances (ADR 0031), against a real PostgreSQL: the auto-configuration
 * gives a service without notifications the {@code shedlock} table and a {@link ClusterScan}; two
 * instances (each its own lock provider and connections) starting the same scan at the same moment
 * run it once; a cron job's lock, held a minute, also stops an instance whose trigger fires just
 * after the first finished; and the migration leaves a {@code shedlock} table an earlier release
 * made (db/gongyu-notify V1) as it is.
 */
@SpringBootTest(
    classes = ClusterScanIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "spring.application.name=chassis-scheduling-it",
      "spring.flyway.enabled=false",
      "spring.autoconfigure.exclude=org.gongyu.chassis.messaging.MessagingAutoConfiguration,"
          + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    })
class ClusterScanIT {

  /** Scans nothing: the beans come from the chassis's auto-configuration only, as in a service. */
  @SpringBootApplication(scanBasePackages = "org.gongyu.chassis.scheduling.none")
  static class App {}

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "chassis_scheduling");
  }

  @Autowired ClusterScan scans;
  @Autowired JdbcTemplate jdbc;

  @Test
  void twoInstancesStartingTheSameScanTogetherRunItOnce() throws Exception {
    ClusterScan other = new ClusterScan(anotherInstancesLocks());
    String lock = "probe-" + UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();
    Callable<Integer> scan = () -> {
      runs.incrementAndGet();
      Thread.sleep(500); // still running when the other instance asks
      return 1;
    };

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> here = pool.submit(() -> at(start, () -> scans.run(lock, () -> call(scan))));
      Future<Integer> there = pool.submit(() -> at(start, () -> other.run(lock, () -> call(scan))));
      start.countDown();
      int made = here.get(30, TimeUnit.SECONDS) + there.get(30, TimeUnit.SECONDS);

      assertThat(runs).hasValue(1);
      assertThat(made).as("one instance ran it, the other skipped (0)").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    // released at the end: the next round runs again (on whichever instance asks)
    assertThat(other.run(lock, () -> call(scan))).isEqualTo(1);
    assertThat(runs).hasValue(2);
  }

  @Test
  void aCronJobsLockOutlivesAShortRunSoALateTriggerOfTheSameRoundSkips() {
    ClusterScan other = new ClusterScan(anotherInstancesLocks());
    String lock = "nightly-" + UUID.randomUUID();
    AtomicInteger runs = new AtomicInteger();

    boolean first = scans.once(lock, ClusterScan.CRON_HOLD, runs::incrementAndGet);
    boolean late = other.once(lock, ClusterScan.CRON_HOLD, runs::incrementAndGet);

    assertThat(first).isTrue();
    assertThat(late).isFalse();
    assertThat(runs).hasValue(1);
    assertThat(jdbc.queryForObject("select lock_until > now() + interval '30 seconds' from shedlock where name = ?",
        Boolean.class, lock)).as("held about a minute after the run began").isTrue();
  }

  @Test
  void theMigrationKeepsAShedlockTableAnEarlierReleaseMade() {
    RealInfrastructure.Database db = RealInfrastructure.database("chassis_scheduling_existing");
    JdbcTemplate owner = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.owner(), db.ownerPassword()));
    owner.execute("""
        create table shedlock (name varchar(64) not null primary key, lock_until timestamp not null,
          locked_at timestamp not null, locked_by varchar(255) not null)""");
    owner.update("insert into shedlock values ('kept', now(), now(), 'earlier')");

    DriverManagerDataSource runtime = new DriverManagerDataSource(db.url(), db.user(), db.password());
    MockEnvironment env = new MockEnvironment()
        .withProperty("spring.flyway.user", db.owner())
        .withProperty("spring.flyway.password", db.ownerPassword());
    StaticListableBeanFactory none = new StaticListableBeanFactory();
    new SchedulingSchema(runtime, none.getBeanProvider(FlywayMigrationInitializer.class), none.getBeanProvider(Flyway.class), env)
        .afterPropertiesSet();

    assertThat(owner.queryForObject("select locked_by from shedlock where name = 'kept'", String.class)).isEqualTo("earlier");
    assertThat(owner.queryForObject("select count(*) from flyway_scheduling_history where success", Integer.class)).isPositive();
    ClusterScan scan = new ClusterScan(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(runtime)).usingDbTime().build()));
    assertThat(scan.run("after-upgrade", () -> 7)).as("the runtime role locks through the kept table").isEqualTo(7);
  }

  private static Integer at(CountDownLatch start, Callable<Integer> body) throws Exception {
    start.await();
    return body.call();
  }

  private static int call(Callable<Integer> c) {
    try {
      return c.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Another process's lock provider over the same database: its own connections, as the runtime role. */
  private static LockProvider anotherInstancesLocks() {
    RealInfrastructure.Database db = RealInfrastructure.database("chassis_scheduling");
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password())))
        .usingDbTime()
        .build());
  }
}
