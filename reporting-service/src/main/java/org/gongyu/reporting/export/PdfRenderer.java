package org.gongyu.reporting.export;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openpdf.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * XHTML to PDF with Flying Saucer on OpenPDF, the CJK font embedded (subset, Identity-H) so that
 * Chinese text renders on any reader. Without the font file the PDF would come out with blank
 * Chinese: that is refused with a 500 problem and an error log naming the missing file and the
 * Debian package that ships it ({@code fonts-noto-cjk}).
 */
@Component
class PdfRenderer {

  static final String FONT_FAMILY = "Noto Sans CJK SC";
  private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);

  private final Path font;

  PdfRenderer(@Value("${gongyu.reporting.pdf.font:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}") String font) {
    this.font = Path.of(font);
  }

  byte[] render(String xhtml) {
    if (!Files.isReadable(font)) {
      log.error("cannot render a PDF export: the CJK font {} is missing or unreadable (install Debian package "
          + "fonts-noto-cjk, or set gongyu.reporting.pdf.font to a Noto Sans CJK .ttc/.otf)", font);
      ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
          "the PDF cannot be made on this server: its Chinese font is not installed; nothing was exported");
      pd.setType(java.net.URI.create("urn:gongyu:problem:internal"));
      pd.setTitle("Internal error");
      throw new ErrorResponseException(HttpStatus.INTERNAL_SERVER_ERROR, pd, null);
    }
    try {
      ITextRenderer renderer = new ITextRenderer();
      renderer.getFontResolver().addFont(font.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      renderer.setDocumentFromString(xhtml);
      renderer.layout();
      ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
      renderer.createPDF(out);
      renderer.finishPDF();
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
