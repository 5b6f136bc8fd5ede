package org.gongyu.reporting.report;

import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Writes a {@link Document} as the bytes it holds, not re-serialized: gzip-compressed when
 * {@link Documents#respond} set {@code Content-Encoding: gzip}, plain JSON otherwise.
 */
class DocumentConverter extends AbstractHttpMessageConverter<Document<?>> {

  DocumentConverter() {
    super(MediaType.APPLICATION_JSON);
  }

  @Override
  protected boolean supports(Class<?> clazz) {
    return Document.class.isAssignableFrom(clazz);
  }

  @Override
  public boolean canRead(Class<?> clazz, MediaType mediaType) {
    return false;
  }

  @Override
  protected Document<?> readInternal(Class<? extends Document<?>> clazz, HttpInputMessage inputMessage) {
    throw new HttpMessageNotReadableException("documents are written, never read", inputMessage);
  }

  @Override
  protected void writeInternal(Document<?> document, HttpOutputMessage out) throws IOException {
    boolean gzip = "gzip".equals(out.getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING));
    byte[] body = gzip ? document.gzip() : document.json();
    out.getHeaders().setContentLength(body.length);
    out.getBody().write(body);
  }
}
