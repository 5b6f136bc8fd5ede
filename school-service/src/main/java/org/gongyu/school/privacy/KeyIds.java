package org.gongyu.school.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 and the public id of a key (ADR 0014): the first four bytes of the key's HMAC of a
 * fixed label, shown as 8 hex digits. The id names a key in the database, in ciphertexts and in
 * the operator's log without revealing it, and tells a wrong key from the right one.
 */
final class KeyIds {

  private KeyIds() {}

  /** The id of a pseudonym or field key. */
  static String of(String key) {
    return HexFormat.of().formatHex(hmac(key, "gongyu key id")).substring(0, 8);
  }

  static byte[] hmac(String key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  static String hmacHex(String key, String message) {
    return HexFormat.of().formatHex(hmac(key, message));
  }
}
