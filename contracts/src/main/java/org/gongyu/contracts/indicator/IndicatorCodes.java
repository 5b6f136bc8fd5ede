package org.gongyu.contracts.indicator;

/**
 * Stable indicator codes of the default catalogue (shared/domain/indicators.md). Codes travel as
 * strings so that a consumer that does not know a newer code can still store and forward it.
 */
public final class IndicatorCodes {

  /** Students with at least one guardian registered on the digital parent-school platform / enrolled students. */
  public static final String PLATFORM_REGISTRATION = "PLATFORM_REGISTRATION";

  private IndicatorCodes() {}
}
