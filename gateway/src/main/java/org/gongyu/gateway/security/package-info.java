/**
 * Who gets through the gateway: browser login through Keycloak (authorization code with PKCE,
 * session kept here, access token relayed to the services), bearer JWTs checked for API clients,
 * CSRF for the session flow, {@code /me}, and what happens to a session Keycloak has ended. Refusals are
 * problem+json like every gateway error.
 */
package org.gongyu.gateway.security;
