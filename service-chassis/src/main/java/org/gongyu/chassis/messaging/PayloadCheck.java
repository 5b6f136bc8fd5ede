package org.gongyu.chassis.messaging;

import java.util.regex.Pattern;
import org.gongyu.contracts.EventCodec.MalformedEventException;

/**
 * Rejects inbound payloads that can never be applied, so they go to the dead-letter topic at once
 * instead of failing against a database constraint on every redelivery.
 */
public final class PayloadCheck {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,60}");

  private PayloadCheck() {}

  /** An org-unit or period id as the services use them. */
  public static void id(String field, String value) {
    require(value != null && ID.matcher(value).matches(), field + " '" + value + "' is not a valid id");
  }

  public static void indicatorCode(String value) {
    require(value != null && CODE.matcher(value).matches(), "indicatorCode '" + value + "' is not a valid code");
  }

  public static void version(long version) {
    require(version >= 1, "version must be >= 1, not " + version);
  }

  public static void require(boolean ok, String problem) {
    if (!ok) {
      throw new MalformedEventException(problem);
    }
  }
}
