/**
 * The demonstration-school standard (示范学校建设/认定标准) the city issues: versioned rubrics (task
 * areas → criteria with points, evidence required and the catalogue indicators they are tied to,
 * pass mark) in {@code demonstration_standard*}. Versions are immutable (DB triggers); a change is a
 * new version, issued by a city admin through {@code POST /api/city/standards/{standardId}/versions}.
 * Every version is published exactly once as {@code StandardPublished} on {@code
 * gongyu.city.demonstration-standards.v1} (key = standard id): an issued one in its own transaction,
 * those a migration made (the default {@code DEMO-SCHOOL}) at startup, tracked by {@code
 * published_version}. Counties keep every version; a county programme keeps the one it started with.
 */
package org.gongyu.city.standard;
