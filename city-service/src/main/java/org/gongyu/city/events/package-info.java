/**
 * Kafka plumbing of the service that no single feature owns: the topics city-service produces and
 * the checks inbound payloads must pass before any feature applies them.
 */
package org.gongyu.city.events;
