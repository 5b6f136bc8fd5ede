package org.gongyu.school.records;

import tools.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One version of a record in its trail.
 *
 * @param action  {@code CREATED}, {@code CORRECTED} or {@code WITHDRAWN}
 * @param actor   the username of who did it; null for the first version of a record recorded before trails were kept
 * @param at      when; null only for such a first version never changed since
 * @param content the record as it stood after this version (for a withdrawal: as it was withdrawn)
 */
public record HistoryEntry(int version, String action, String reason, String actor, Instant at, JsonNode content) {}
