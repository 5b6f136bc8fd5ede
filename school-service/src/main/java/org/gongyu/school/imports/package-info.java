/**
 * Excel import of school records (issue 14, ADR 0017): the template of each family, uploads run as
 * jobs, and each chunk of rows applied through the very batch method the JSON API calls, so the
 * rules exist once. A family is one small {@link org.gongyu.school.imports.ImportFamily} bean in the
 * feature's own package (e.g. {@code registration.RegistrationImport}); this package owns the HTTP
 * API, the jobs, and the mapping of the batch's findings back to rows and cells
 * ({@link org.gongyu.school.imports.RowRequests}).
 */
package org.gongyu.school.imports;
