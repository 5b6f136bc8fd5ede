/**
 * Exports of the report views to files people open: {@code .xlsx} of every table (Apache POI
 * SXSSF, streaming) and PDF reports of the city and county scorecards (XHTML rendered by Flying
 * Saucer on OpenPDF, Noto Sans CJK embedded). Each export calls the same report service method as
 * its JSON twin under the same rule, so it is scoped and withheld exactly like it, and is appended
 * to the audit log (who, role, unit, which export, format, language). Zh-CN first, English with
 * {@code lang=en}. Owns no tables.
 */
package org.gongyu.reporting.export;
