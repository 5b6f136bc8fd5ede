/**
 * The city's lecturer registry (讲师备案, seeds W8 and T18, reading 17, ADR 0024): one registry of
 * public-welfare family-education lecturers. Counties nominate for their county (city staff for
 * city-direct schools); city staff register (备案) or reject with a reason, record the city's
 * training, suspend, reinstate or revoke, and keep the team memberships (市讲师团, a county's
 * 公益讲师团, 顾问团) that point to registry entries. Parent volunteer lecturers need no registration
 * and are not kept here. Every step is one transaction: the entry (its version + 1), a trail row, and,
 * once the lecturer has been registered, {@code LecturerRegistryChanged} on {@code
 * gongyu.city.lecturers.v1} (key lecturer id) into the outbox, which school-service copies.
 */
package org.gongyu.city.lecturer;
