/**
 * The append-only audit trail every service keeps in its own database: who (subject, username,
 * roles, org unit), what (method and route), on what (path), with which outcome, when (UTC).
 */
package org.gongyu.chassis.audit;
