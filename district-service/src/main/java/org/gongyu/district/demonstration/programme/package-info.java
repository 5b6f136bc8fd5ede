/**
 * The county's side of a demonstration-school programme before any school applies: the city's
 * standards as received ({@code demonstration_standard}, every version, from {@code
 * gongyu.city.demonstration-standards.v1}), the programme itself (target, period, application
 * window, the standard version it keeps), its breakdown table (分解表, quotas per 学区) and its
 * creation arrangement (安排表). Every change publishes {@code DemonstrationProgrammePublished}
 * with the rubric copy and the quotas through the outbox. {@link
 * org.gongyu.district.demonstration.programme.Programmes} and {@link
 * org.gongyu.district.demonstration.programme.Standards} are what the other demonstration steps
 * read.
 */
package org.gongyu.district.demonstration.programme;
