package org.gongyu.school.attachment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three kinds of file a school may attach, recognised by their first bytes (magic numbers), never
 * by the name or the type the browser claims. The name's extension must agree with the content, so a
 * renamed program ({@code report.pdf} that is an .exe) is refused like any other content.
 */
enum FileKind {
  PDF("application/pdf", List.of("pdf")),
  JPEG("image/jpeg", List.of("jpg", "jpeg")),
  PNG("image/png", List.of("png"));

  final String contentType;
  final List<String> extensions;

  FileKind(String contentType, List<String> extensions) {
    this.contentType = contentType;
    this.extensions = extensions;
  }

  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

  /** The kind the content is, or empty for anything else. */
  static Optional<FileKind> of(byte[] head) {
    if (startsWith(head, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(head, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    return Optional.empty();
  }

  /** Whether a file name's extension fits this kind. */
  boolean named(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot >= 0 && extensions.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  static FileKind ofContentType(String contentType) {
    for (FileKind k : values()) {
      if (k.contentType.equals(contentType)) {
        return k;
      }
    }
    throw new IllegalArgumentException(contentType);
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
