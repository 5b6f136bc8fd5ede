package org.gongyu.reporting.export;

import org.gongyu.chassis.pdf.XhtmlPdf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The chassis' XHTML to PDF ({@link XhtmlPdf}: Flying Saucer on OpenPDF, Noto Sans CJK embedded, a
 * 500 problem instead of a PDF with blank Chinese when the font is missing) with reporting's font
 * setting, {@code gongyu.reporting.pdf.font}.
 */
@Component
class PdfRenderer extends XhtmlPdf {

  PdfRenderer(@Value("${gongyu.reporting.pdf.font:" + XhtmlPdf.DEFAULT_FONT + "}") String font) {
    super(font, "gongyu.reporting.pdf.font");
  }
}
