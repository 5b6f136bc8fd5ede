package org.gongyu.district.demonstration;

import java.time.Instant;
import java.util.UUID;
import org.gongyu.contracts.demonstration.DemonstrationStatus;

/**
 * A row of the append-only {@code demonstration_trail}: a transition (from and to set) or another
 * recorded act (assignment, declaration, score change, consensus) with its detail as JSON.
 *
 * @param actor the username, {@code school-service} for what the school submitted, {@code system}
 *              for the daily sweep
 */
public record TrailEntry(
    long seq, UUID applicationId, Instant at, String actor, String action, DemonstrationStatus fromStatus,
    DemonstrationStatus toStatus, String detailJson) {}
