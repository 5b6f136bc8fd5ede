/**
 * What every Gongyu process accepts in a request's headers: the header rules and the bearer token
 * grammar the gateway and the services apply at their edge ({@link org.gongyu.contracts.http.HeaderRules}, ADR 0033).
 */
package org.gongyu.contracts.http;
