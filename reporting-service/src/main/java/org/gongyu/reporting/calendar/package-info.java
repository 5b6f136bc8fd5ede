/**
 * The city's calendar as the web app needs it ({@code /api/reports/calendar}): today in the city,
 * the current semester and the semesters around it, from the chassis {@code CityCalendar}. Owns no
 * tables.
 */
package org.gongyu.reporting.calendar;
