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
}
