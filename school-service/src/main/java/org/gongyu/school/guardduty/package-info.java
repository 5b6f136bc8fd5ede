/**
 * School-guard duty (护学岗, seeds W12): the members who stand guard at the gate (security guards,
 * teachers, parent volunteers) and the duties of each school day's ARRIVAL and DISMISSAL slots. A
 * member's reference is kept only as a keyed pseudonym and never answered back: members are shown by
 * their kind and the school's opaque member id. No indicator; the coverage of a semester (days with
 * both slots on duty) is answered as counts.
 */
package org.gongyu.school.guardduty;
