/**
 * Home contacts and visits (家校联系, 家访) and home-visit files (一人一档), and the indicators
 * derived from them: {@code PARENT_CONTACT}, {@code HOME_VISIT_3Y} and {@code VISIT_FILES}.
 * Students appear only as keyed HMACs of the school's references.
 */
package org.gongyu.school.homevisit;
