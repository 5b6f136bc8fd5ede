/**
 * Transactional messaging shared by the services: the outbox (events saved in the business
 * transaction and relayed to Kafka afterwards), the inbox (ids of consumed events recorded in the
 * consumer's transaction) and the dead-letter policy. Owns the {@code outbox_event} and {@code
 * inbox_event} tables in each service's database, migrated with their own Flyway history table.
 * Knows no domain types.
 */
package org.gongyu.chassis.messaging;
