package org.gongyu.school.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.gongyu.school.SchoolProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts free text about a family (consultation notes, care situations) before it is stored:
 * AES-256-GCM with a random 96-bit nonce, the key derived from {@code gongyu.school.field-key}.
 * The school id is bound as associated data, so a value copied to another school's row does not
 * decrypt. A database dump therefore shows no family's story.
 *
 * <p>Key rotation (ADR 0014): a stored value starts with {@code "GF" 0x01} and the 4-byte id of the
 * key that sealed it, then nonce ‖ ciphertext ‖ tag. Values written before key ids (no header)
 * are tried with every configured key. New values are always sealed with the current key; the
 * {@code previous-field-keys} only decrypt, until the key rotation has re-sealed every value and
 * retired them. A retired key is never loaded ({@link FieldKeys}).
 */
@Component
public class FieldCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] MAGIC = {'G', 'F', 1};
  static final int HEADER_BYTES = MAGIC.length + 4;

  private final String currentId;
  /** Key id to key, the current one first. */
  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** Only the current key and the previous ones not in {@code retired}. */
  FieldCipher(SchoolProperties props, Set<String> retired) {
    this.currentId = KeyIds.of(props.fieldKey());
    keys.put(currentId, aesKey(props.fieldKey()));
    for (String previous : props.previousFieldKeys()) {
      String id = KeyIds.of(previous);
      if (!retired.contains(id)) {
        keys.putIfAbsent(id, aesKey(previous));
      }
    }
  }

  FieldCipher(SchoolProperties props) {
    this(props, Set.of());
  }

  @Autowired
  FieldCipher(SchoolProperties props, FieldKeys fieldKeys) {
    this(props, fieldKeys.retiredAndChecked(props));
  }

  private static SecretKeySpec aesKey(String material) {
    try {
      return new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** The id of the key that seals new values. */
  public String currentKeyId() {
    return currentId;
  }

  /** The ids of the keys this cipher decrypts with, the current one first. */
  List<String> keyIds() {
    return List.copyOf(keys.keySet());
  }

  /** The header every value sealed with the current key starts with. */
  byte[] currentHeader() {
    return header(currentId);
  }

  private static byte[] header(String keyId) {
    return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put(HexFormat.of().parseHex(keyId)).array();
  }

  /** header ‖ nonce ‖ ciphertext ‖ tag; {@code null} stays {@code null}. */
  public byte[] encrypt(String schoolId, String plaintext) {
    if (plaintext == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(schoolId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length).put(currentHeader()).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not encrypt a field", e);
    }
  }

  /** The plaintext of {@link #encrypt}; {@code null} stays {@code null}. */
  public String decrypt(String schoolId, byte[] stored) {
    if (stored == null) {
      return null;
    }
    String id = keyIdOf(stored);
    if (id != null && keys.containsKey(id)) {
      String plain = open(keys.get(id), schoolId, stored, HEADER_BYTES);
      if (plain != null) {
        return plain;
      }
    }
    // written before key ids (or a header by chance): try every key on the whole value
    for (SecretKeySpec key : keys.values()) {
      String plain = open(key, schoolId, stored, 0);
      if (plain != null) {
        return plain;
      }
    }
    throw new IllegalStateException("a stored field does not decrypt with this key and school"
        + (id != null ? " (sealed with key id " + id + ", this service holds " + keys.keySet() + ")" : ""));
  }

  /** The key id in a stored value's header, or {@code null} for a value without one. */
  static String keyIdOf(byte[] stored) {
    if (stored.length < HEADER_BYTES + NONCE_BYTES || !Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return null;
    }
    return HexFormat.of().formatHex(stored, MAGIC.length, HEADER_BYTES);
  }

  private static String open(SecretKeySpec key, String schoolId, byte[] stored, int from) {
    if (stored.length < from + NONCE_BYTES + TAG_BITS / 8) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, from, from + NONCE_BYTES)));
      cipher.updateAAD(schoolId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(stored, from + NONCE_BYTES, stored.length - from - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM unavailable", e);
    }
  }
}
