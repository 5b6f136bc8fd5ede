package org.gongyu.chassis.clock;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/clock}: reads the service's time and offset; a write sets the offset (ISO-8601
 * duration, e.g. {@code P32D}). Exists only with {@code gongyu.clock.controllable=true} and still
 * needs a valid token.
 */
@Endpoint(id = "clock")
public class ClockEndpoint {

  private final ShiftableClock clock;

  public ClockEndpoint(ShiftableClock clock) {
    this.clock = clock;
  }

  @ReadOperation
  public Map<String, String> read() {
    return Map.of("now", clock.instant().toString(), "offset", clock.offset().toString());
  }

  @WriteOperation
  public Map<String, String> shift(String offset) {
    clock.setOffset(Duration.parse(offset));
    return read();
  }
}
