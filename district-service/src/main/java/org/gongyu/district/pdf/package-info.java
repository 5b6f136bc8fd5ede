/**
 * XHTML to PDF for the papers of the demonstration programme (评分表, 申报表): Flying Saucer on
 * OpenPDF with the Noto Sans CJK font embedded, as reporting-service renders its exports.
 */
package org.gongyu.district.pdf;
