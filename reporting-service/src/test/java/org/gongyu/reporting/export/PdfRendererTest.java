package org.gongyu.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class PdfRendererTest {

  private static final String PAGE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
      + "<head><style>body { font-family: 'Noto Sans CJK SC'; }</style></head><body><p>家长联系率 54.4 %</p></body></html>";

  @Test
  void chineseTextIsRenderedInTheEmbeddedNotoFont() throws Exception {
    byte[] pdf = new PdfRenderer("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").render(PAGE);

    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertThat(new PDFTextStripper().getText(doc)).contains("家长联系率 54.4 %");
      var resources = doc.getPage(0).getResources();
      assertThat(resources.getFontNames()).anySatisfy(name -> {
        assertThat(resources.getFont(name).getName()).contains("NotoSansCJK");
        assertThat(resources.getFont(name).isEmbedded()).isTrue();
      });
    }
  }

  @Test
  void withoutTheFontItRefusesWithA500ProblemInsteadOfABlankPdf() {
    PdfRenderer renderer = new PdfRenderer("/nonexistent/NotoSansCJK-Regular.ttc");

    assertThatThrownBy(() -> renderer.render(PAGE))
        .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
          assertThat(e.getStatusCode().value()).isEqualTo(500);
          assertThat(e.getBody().getDetail()).contains("Chinese font is not installed");
        });
  }
}
