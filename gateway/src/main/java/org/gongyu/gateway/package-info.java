/**
 * The edge of the platform. Routes each API prefix to its service, path, query and body unchanged
 * (routes in {@code application.yml}, targets overridable with {@code GONGYU_ROUTES_*}), and
 * answers what it cannot route or deliver as {@code application/problem+json} without naming
 * internal hosts ({@link org.gongyu.gateway.ProblemWriter} writes every such answer). Owns no
 * data. Login, bearer checks and CSRF are in {@code security}, the per-user limit in {@code
 * ratelimit}.
 */
package org.gongyu.gateway;
