package org.gongyu.school.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.gongyu.school.SchoolProperties;
import org.springframework.stereotype.Component;

/**
 * Encrypts free text about a family (consultation notes, care situations) before it is stored:
 * AES-256-GCM with a random 96-bit nonce, the key derived from {@code gongyu.school.field-key}.
 * The school id is bound as associated data, so a value copied to another school's row does not
 * decrypt. A database dump therefore shows no family's story.
 */
@Component
public class FieldCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  FieldCipher(SchoolProperties props) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(props.fieldKey().getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(digest, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** nonce ‖ ciphertext ‖ tag; {@code null} stays {@code null}. */
  public byte[] encrypt(String schoolId, String plaintext) {
    if (plaintext == null) {
      return null;
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(schoolId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not encrypt a field", e);
    }
  }

  /** The plaintext of {@link #encrypt}; {@code null} stays {@code null}. */
  public String decrypt(String schoolId, byte[] stored) {
    if (stored == null) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(stored, 0, NONCE_BYTES)));
      cipher.updateAAD(schoolId.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a stored field does not decrypt with this key and school", e);
    }
  }
}
