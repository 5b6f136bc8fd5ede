package org.gongyu.district.pdf;

import org.gongyu.chassis.pdf.XhtmlPdf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The chassis' XHTML to PDF ({@link XhtmlPdf}: Flying Saucer on OpenPDF, Noto Sans CJK embedded, a
 * missing font a 500 problem) with district-service's font setting {@code gongyu.district.pdf.font}.
 */
@Component
public class PdfRenderer extends XhtmlPdf {

  public PdfRenderer(@Value("${gongyu.district.pdf.font:" + DEFAULT_FONT + "}") String font) {
    super(font, "gongyu.district.pdf.font");
  }
}
