/**
 * Parent committees (家长委员会) at school, grade or class level, and the {@code COMMITTEE_COVERAGE}
 * indicator: whether a school-level committee is in term on a semester's last day. Nothing personal
 * is stored: members are not recorded here.
 */
package org.gongyu.school.committee;
