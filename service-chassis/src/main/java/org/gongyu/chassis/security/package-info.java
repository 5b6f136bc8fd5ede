/**
 * Every service is an OAuth2 resource server: it validates Keycloak access tokens itself
 * (signature from the realm's JWKS, issuer, audience, expiry), maps realm roles to authorities,
 * and scopes each request to the caller's org unit with method-level rules ({@code @PreAuthorize}
 * with {@code hasRole(...)} and {@code @scope...}). See ADR 0008.
 */
package org.gongyu.chassis.security;
