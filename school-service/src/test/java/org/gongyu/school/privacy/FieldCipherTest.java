package org.gongyu.school.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.gongyu.school.SchoolProperties;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

  private final FieldCipher cipher = new FieldCipher(new SchoolProperties("pseudonym-key-for-tests", "field-key-for-tests-1"));

  @Test
  void roundTripsAndHidesThePlaintext() {
    byte[] stored = cipher.encrypt("9901010001", "父亲长期外出务工, 孩子由祖母照看");
    assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("祖母");
    assertThat(cipher.decrypt("9901010001", stored)).isEqualTo("父亲长期外出务工, 孩子由祖母照看");
  }

  @Test
  void theSameTextEncryptsDifferentlyEachTime() {
    assertThat(cipher.encrypt("9901010001", "x")).isNotEqualTo(cipher.encrypt("9901010001", "x"));
  }

  @Test
  void aValueMovedToAnotherSchoolOrUnderAnotherKeyDoesNotDecrypt() {
    byte[] stored = cipher.encrypt("9901010001", "notes");
    assertThatThrownBy(() -> cipher.decrypt("9901010002", stored)).hasMessageContaining("does not decrypt");
    FieldCipher other = new FieldCipher(new SchoolProperties("pseudonym-key-for-tests", "another-field-key-22"));
    assertThatThrownBy(() -> other.decrypt("9901010001", stored)).hasMessageContaining("does not decrypt");
  }

  @Test
  void nullStaysNull() {
    assertThat(cipher.encrypt("9901010001", null)).isNull();
    assertThat(cipher.decrypt("9901010001", null)).isNull();
  }

  /** A value as the cipher wrote it before key ids (ADR 0014): nonce ‖ ciphertext ‖ tag, no header. */
  static byte[] legacy(String fieldKey, String school, String text) throws Exception {
    byte[] key = java.security.MessageDigest.getInstance("SHA-256").digest(fieldKey.getBytes(StandardCharsets.UTF_8));
    byte[] nonce = new byte[12];
    new java.security.SecureRandom().nextBytes(nonce);
    javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
    c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
        new javax.crypto.spec.GCMParameterSpec(128, nonce));
    c.updateAAD(school.getBytes(StandardCharsets.UTF_8));
    byte[] sealed = c.doFinal(text.getBytes(StandardCharsets.UTF_8));
    return java.nio.ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array();
  }

  @Test
  void aValueNamesItsKeyAndThePreviousKeysOnlyDecryptUntilRetired() throws Exception {
    SchoolProperties rotated = new SchoolProperties("pseudonym-key-for-tests", "field-key-for-tests-2",
        java.util.List.of(), java.util.List.of("field-key-for-tests-1"));
    FieldCipher next = new FieldCipher(rotated);
    byte[] old = cipher.encrypt("9901010001", "旧钥写的");
    assertThat(FieldCipher.keyIdOf(old)).isEqualTo(KeyIds.of("field-key-for-tests-1")).isEqualTo(cipher.currentKeyId());
    assertThat(next.decrypt("9901010001", old)).isEqualTo("旧钥写的");
    byte[] fresh = next.encrypt("9901010001", "新钥写的");
    assertThat(FieldCipher.keyIdOf(fresh)).isEqualTo(KeyIds.of("field-key-for-tests-2"));
    assertThatThrownBy(() -> cipher.decrypt("9901010001", fresh)).hasMessageContaining(KeyIds.of("field-key-for-tests-2"));
    // values from before key ids decrypt with whichever configured key sealed them
    assertThat(next.decrypt("9901010001", legacy("field-key-for-tests-1", "9901010001", "无标头"))).isEqualTo("无标头");
    assertThat(next.decrypt("9901010001", legacy("field-key-for-tests-2", "9901010001", "无标头2"))).isEqualTo("无标头2");
    // a retired previous key is not loaded
    FieldCipher retiredOld = new FieldCipher(rotated, java.util.Set.of(KeyIds.of("field-key-for-tests-1")));
    assertThat(retiredOld.keyIds()).containsExactly(KeyIds.of("field-key-for-tests-2"));
    assertThatThrownBy(() -> retiredOld.decrypt("9901010001", old)).hasMessageContaining("does not decrypt");
  }
}
