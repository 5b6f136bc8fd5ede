/**
 * Parent–child reading (亲子共读, seeds W13, T23/T24): a class's reading campaign of {@code days}
 * consecutive days (21 by default) with a target of 20–30 minutes a day, and the students' daily
 * check-ins. Check-ins are minors' data: they stay at the school as keyed pseudonyms, one per
 * student and day (a repeated check-in replaces the minutes); only counts leave, in {@code
 * READING_CAMPAIGN_COMPLETION}.
 */
package org.gongyu.school.reading;
