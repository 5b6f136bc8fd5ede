package org.gongyu.district.demonstration;

import java.util.UUID;
import org.gongyu.contracts.demonstration.DemonstrationStatus;

/**
 * Published (as a Spring application event, inside the transaction) after every transition, for
 * what depends on statuses, e.g. the county's title count.
 */
public record StatusMoved(
    UUID applicationId, String countyId, String programmeId, String schoolId, DemonstrationStatus from,
    DemonstrationStatus to) {}
