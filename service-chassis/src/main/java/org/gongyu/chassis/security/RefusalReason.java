package org.gongyu.chassis.security;

/**
 * Why the security layer refused a request, kept as a request attribute for the audit trail only
 * (the caller gets a plain problem). Security sets it; the audit package reads it, so the
 * dependency runs one way: audit → security.
 */
public final class RefusalReason {

  /** Request attribute holding the reason, a short English text for operators. */
  public static final String ATTRIBUTE = RefusalReason.class.getName();

  private RefusalReason() {}
}
