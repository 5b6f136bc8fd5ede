/**
 * Families' participation in the "six ones" activities (六个一: a song, a play, a book, a film, a
 * charity act, a hike) and the {@code SIX_ONES_PARTICIPATION} indicator derived from it. Students
 * appear only as keyed HMACs of the school's references.
 */
package org.gongyu.school.sixones;
