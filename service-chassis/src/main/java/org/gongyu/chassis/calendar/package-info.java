/**
 * The city's school calendar ({@code gongyu.calendar.*}): semester start dates, programme-cycle
 * anchor and time zone, as one {@link org.gongyu.chassis.calendar.CityCalendar} bean that every
 * service uses to turn days into periods.
 */
package org.gongyu.chassis.calendar;
