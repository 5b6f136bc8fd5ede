/**
 * The microservice chassis: cross-cutting infrastructure every Gongyu service shares, and nothing
 * else. {@code messaging}: transactional outbox, relay, inbox, dead-letter policy. {@code web}:
 * RFC 9457 problem responses. No domain types belong here (docs/adr/0003).
 */
package org.gongyu.chassis;
