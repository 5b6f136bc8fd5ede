/**
 * The title step of the demonstration-school programme (W1 steps 8–9): the county's list of titles,
 * re-inspection (TITLED → REINSPECTING → TITLED, RECTIFYING or REVOKED), the rectification review
 * (RECTIFYING → TITLED or REVOKED), the daily sweep that revokes titles whose rectification
 * deadline passed and expires those whose validity ended, and the quota progress per 学区. The
 * title row ({@code demonstration_title}) is written here only: {@link Titles#award} creates it for the
 * AWARD decision of the assessment package, and this package changes
 * its re-inspection date, rectification deadline and end, always before the transition so that the
 * status event carries them. Status changes go through {@link
 * org.gongyu.district.demonstration.Applications}; the county's DEMONSTRATION_SCHOOLS rollup
 * follows them in the rollup package.
 */
package org.gongyu.district.demonstration.title;
