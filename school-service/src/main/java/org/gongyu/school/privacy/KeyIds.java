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
    return mac(key).doFinal(message.getBytes(StandardCharsets.UTF_8));
  }

  /** An HMAC-SHA-256 initialised with {@code key}; a caller that keeps it uses a {@link #copy} per message. */
  static Mac mac(String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * A fresh copy of an initialised {@code mac}: a Mac is not thread-safe, and cloning the keyed one
   * costs a third of a provider look-up and key set-up (a 50-item batch takes 100 pseudonyms).
   */
  static Mac copy(Mac mac) {
    try {
      return (Mac) mac.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 cannot be copied", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  static String hmacHex(String key, String message) {
    return HexFormat.of().formatHex(hmac(key, message));
  }
}
