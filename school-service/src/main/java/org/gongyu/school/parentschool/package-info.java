/**
 * The school's parent school (家长学校): its establishment and head, its collective and class
 * sessions, the co-education trainings of its head and the certified family-education instructors
 * (家庭教育指导师), with the indicators derived from them ({@code PARENT_SCHOOL_ESTABLISHED},
 * {@code COLLECTIVE_SESSIONS}, {@code CLASS_SESSIONS}, {@code HEAD_TRAINING}, {@code
 * INSTRUCTOR_COVERAGE}). Staff names are adults' data: they stay in this tier's tables and
 * responses and never reach an event.
 */
package org.gongyu.school.parentschool;
