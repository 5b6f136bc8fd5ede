package org.gongyu.gateway;

import org.springframework.http.HttpStatusCode;

/**
 * An RFC 9457 problem the gateway itself answers with. {@code slug} becomes the type
 * {@code urn:gongyu:problem:<slug>}; {@code detail} is written for the caller and must never name
 * an internal host, port, exception or token content.
 */
public record Problem(HttpStatusCode status, String slug, String title, String detail) {}
