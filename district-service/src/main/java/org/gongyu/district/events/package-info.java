/**
 * Kafka plumbing of the service that no single feature owns: the topics district-service produces
 * and the checks inbound payloads must pass before any feature applies them.
 */
package org.gongyu.district.events;
