/**
 * The edge of the platform. Routes each API prefix to its service, path, query and body unchanged
 * (routes in {@code application.yml}, targets overridable with {@code GONGYU_ROUTES_*}), and
 * answers what it cannot route or deliver as {@code application/problem+json} without naming
 * internal hosts. Owns no data. Login and token relay come later.
 */
package org.gongyu.gateway;
