/**
 * The web app at {@code /} (static files of the {@code web} module, with the history-mode
 * fallback to its {@code index.html}) and Swagger UI over the four services' specs.
 */
package org.gongyu.gateway.web;
