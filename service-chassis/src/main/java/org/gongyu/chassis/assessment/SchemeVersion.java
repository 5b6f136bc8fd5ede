package org.gongyu.chassis.assessment;

import java.time.Instant;
import org.gongyu.contracts.assessment.ScoringScheme;

/**
 * One issued version of a scheme, as stored.
 *
 * @param ownerId  the assessing unit (the city, a county)
 * @param issuedBy the user who issued it
 */
public record SchemeVersion(String ownerId, String schemeId, long version, ScoringScheme scheme, Instant issuedAt, String issuedBy) {}
