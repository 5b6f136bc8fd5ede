/**
 * XHTML to PDF for the papers of the demonstration programme (评分表, 申报表) and the 学区
 * assessment: the chassis' {@code XhtmlPdf} (Flying Saucer on OpenPDF with the Noto Sans CJK font
 * embedded, as reporting-service renders its exports) with district-service's font setting.
 */
package org.gongyu.district.pdf;
