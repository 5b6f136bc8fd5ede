package org.gongyu.chassis.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openpdf.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * XHTML to PDF with Flying Saucer on OpenPDF, the CJK font embedded (subset, Identity-H) so that
 * Chinese renders in any reader. Without the font the Chinese would come out blank: that is a 500
 * problem and an error log naming the file and the Debian package that ships it
 * ({@code fonts-noto-cjk}), never a PDF with holes.
 */
public class XhtmlPdf {

  /** The family the XHTML's CSS names. */
  public static final String FONT_FAMILY = "Noto Sans CJK SC";
  /** Where Debian's {@code fonts-noto-cjk} puts the font. */
  public static final String DEFAULT_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
  private static final Logger log = LoggerFactory.getLogger(XhtmlPdf.class);

  private final Path font;
  private final String fontProperty;

  /**
   * @param font         the Noto Sans CJK .ttc/.otf
   * @param fontProperty the configuration property that sets it, named in the error log
   */
  public XhtmlPdf(String font, String fontProperty) {
    this.font = Path.of(font);
    this.fontProperty = fontProperty;
  }

  /** The PDF of a well-formed XHTML document whose text uses {@link #FONT_FAMILY}. */
  public byte[] render(String xhtml) {
    if (!Files.isReadable(font)) {
      log.error("cannot render a PDF: the CJK font {} is missing or unreadable (install Debian package fonts-noto-cjk, "
          + "or set {} to a Noto Sans CJK .ttc/.otf)", font, fontProperty);
      ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
          "the PDF cannot be made on this server: its Chinese font is not installed");
      pd.setType(URI.create("urn:gongyu:problem:internal"));
      pd.setTitle("Internal error");
      throw new ErrorResponseException(HttpStatus.INTERNAL_SERVER_ERROR, pd, null);
    }
    try {
      ITextRenderer renderer = new ITextRenderer();
      renderer.getFontResolver().addFont(font.toString(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
      renderer.setDocumentFromString(xhtml);
      renderer.layout();
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      renderer.createPDF(out);
      renderer.finishPDF();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code s} as XHTML text (escaped; control characters dropped); {@code ""} for null. */
  public static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
