/**
 * Open schooling (学校开放办学, seeds W11): parent meetings, open and reception days, parents into the
 * classroom, the parents' lecture hall, model-worker talks and online theme activities, each for one
 * class or the whole school. Counts only; the parent who taught a parents-into-classroom session is
 * kept as a pseudonymous key and never answered back. Feeds {@code PARENT_MEETINGS} and {@code
 * LECTURE_HALL_SESSIONS}.
 */
package org.gongyu.school.openschool;
