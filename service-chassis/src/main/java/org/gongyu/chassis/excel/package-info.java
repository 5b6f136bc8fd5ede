/**
 * Excel import and export for every service (ADR 0017): template specs ({@link
 * org.gongyu.chassis.excel.TemplateSpec}), the template writer, a streaming reader that guards
 * against hostile files, the error workbook, and import jobs (table, store, bounded runner). No
 * domain types: each service says per family how a chunk of rows is applied ({@link
 * org.gongyu.chassis.excel.ChunkApplier}).
 */
package org.gongyu.chassis.excel;
