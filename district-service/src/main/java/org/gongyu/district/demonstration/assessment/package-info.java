/**
 * Steps 5 to 7 of the demonstration-school programme: the county's assessor panel, assignments
 * per application round with detected and declared conflicts of interest (recusal), the file an
 * assessor may read only once cleared, on-site scores per criterion, the scoresheet (spread,
 * consensus, final score, {@link org.gongyu.district.demonstration.assessment.Scoresheet}) and the
 * decision (award with a title, reject, defer). Status changes go through {@link
 * org.gongyu.district.demonstration.Applications}; every other act is a trail row there too.
 */
package org.gongyu.district.demonstration.assessment;
