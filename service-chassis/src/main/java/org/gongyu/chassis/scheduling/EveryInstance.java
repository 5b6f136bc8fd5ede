package org.gongyu.chassis.scheduling;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code @Scheduled} method that runs on every instance of a service on purpose, instead
 * of once across them through {@link ClusterScan} (ADR 0031): it refreshes something the instance
 * holds in memory, or it claims its work row by row under locks so that instances share the work.
 * The architecture rule {@code ServiceArchitectureRules.SCHEDULED_JOBS_RUN_ONCE_OR_SAY_WHY} checks
 * every scheduled method does one or the other.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface EveryInstance {

  /** Why running on every instance is right (and harmless to the shared data). */
  String value();
}
