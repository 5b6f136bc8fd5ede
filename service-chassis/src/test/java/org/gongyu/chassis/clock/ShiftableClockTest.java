package org.gongyu.chassis.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ShiftableClockTest {

  private static final Instant T = Instant.parse("2026-11-25T02:00:00Z");

  @Test
  void movesForwardByTheOffsetAndSharesItAcrossZones() {
    ShiftableClock clock = new ShiftableClock(Clock.fixed(T, ZoneOffset.UTC));
    Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
    clock.setOffset(Duration.ofDays(32));
    assertThat(clock.instant()).isEqualTo(T.plus(Duration.ofDays(32)));
    assertThat(shanghai.instant()).isEqualTo(T.plus(Duration.ofDays(32)));
    assertThat(new ClockEndpoint(clock).shift("PT1H")).containsEntry("offset", "PT1H").containsEntry("now", T.plusSeconds(3600).toString());
  }

  @Test
  void timeNeverRunsBackwards() {
    ShiftableClock clock = new ShiftableClock(Clock.fixed(T, ZoneOffset.UTC));
    assertThatThrownBy(() -> clock.setOffset(Duration.ofDays(-1))).hasMessageContaining("may not be negative");
    assertThat(clock.instant()).isEqualTo(T);
  }

  @Test
  void onlyATestDeploymentThatAsksGetsAControllableClock() {
    ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ClockAutoConfiguration.class));
    runner.run(ctx -> assertThat(ctx).doesNotHaveBean(Clock.class).doesNotHaveBean(ClockEndpoint.class));
    runner.withPropertyValues("gongyu.clock.controllable=true")
        .run(ctx -> assertThat(ctx).getBean(Clock.class).isInstanceOf(ShiftableClock.class));
    runner.withPropertyValues("gongyu.clock.controllable=true")
        .run(ctx -> assertThat(ctx).hasSingleBean(ClockEndpoint.class));
  }
}
