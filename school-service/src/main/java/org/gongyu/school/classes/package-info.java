/**
 * Classes (班级) of a school and their enrolment per school year: the denominator of every
 * enrolment-based indicator. Other features read enrolment through {@link
 * org.gongyu.school.classes.SchoolClasses}.
 */
package org.gongyu.school.classes;
