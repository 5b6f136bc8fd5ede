/**
 * Where each route goes (ADR 0031): the routes name a service ({@code lb://school-service}); Spring
 * Cloud LoadBalancer picks one of its instances, listed in {@code gongyu.routes.<tier>} (one URI,
 * or several separated by commas), round robin; with several, instances that fail their readiness
 * check are left out until they pass again.
 */
package org.gongyu.gateway.routing;
