/**
 * Per-user rate limit in front of the services: Spring Cloud Gateway's Redis token bucket keyed by
 * the token's {@code sub}, refusing with 429 problem+json and {@code Retry-After}.
 */
package org.gongyu.gateway.ratelimit;
