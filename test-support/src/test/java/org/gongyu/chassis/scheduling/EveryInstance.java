package org.gongyu.chassis.scheduling;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A stand-in of the chassis's marker (same name): test-support cannot depend on the chassis. */
@Retention(RetentionPolicy.CLASS)
public @interface EveryInstance {
  String value();
}
