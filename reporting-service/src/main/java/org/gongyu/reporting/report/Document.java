package org.gongyu.reporting.report;

import java.util.Objects;

/**
 * A ready document: the answer of one report endpoint for one set of arguments, kept with its JSON,
 * the same JSON gzip-compressed, its ETag (a hash of the JSON, so every instance gives the same
 * document the same tag) and the stamps of the read-model scopes it was built from. Exports are
 * written from {@link #value()}; the API answers with the bytes ({@code DocumentConverter}).
 */
public final class Document<T> {

  private final T value;
  private final byte[] json;
  private final byte[] gzip;
  private final String etag;
  private final String stamps;
  private final long builtAtNanos;

  Document(T value, byte[] json, byte[] gzip, String etag, String stamps, long builtAtNanos) {
    this.value = Objects.requireNonNull(value);
    this.json = json;
    this.gzip = gzip;
    this.etag = etag;
    this.stamps = stamps;
    this.builtAtNanos = builtAtNanos;
  }

  public T value() {
    return value;
  }

  byte[] json() {
    return json;
  }

  byte[] gzip() {
    return gzip;
  }

  /** A weak validator ({@code W/"…"}): the identity and the gzip encoding carry the same tag. */
  public String etag() {
    return etag;
  }

  String stamps() {
    return stamps;
  }

  long builtAtNanos() {
    return builtAtNanos;
  }
}
