/**
 * A school's side of the demonstration-school programme (示范学校创建, workflow W1 of seed 001): the
 * county programmes it may apply to and their rubrics (copied from district-service's events), its
 * applications (申报表) with the status the county's state machine gives them (mirrored, highest
 * version wins), and its self-evaluation (自查自评) drafted per criterion and submitted per round.
 * Every text that goes to the county passes the {@link org.gongyu.school.privacy.PersonalDataGuard}:
 * nothing a school writes here may carry a student's or a parent's personal data.
 */
package org.gongyu.school.demonstration;
