/**
 * The time every service reads: the system clock, or, in a test deployment that sets {@code
 * gongyu.clock.controllable=true}, a clock that can be moved forward through the actuator so that a
 * system test can walk deadlines (creation year, rectification) across running services.
 */
package org.gongyu.chassis.clock;
