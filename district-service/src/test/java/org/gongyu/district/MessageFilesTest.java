package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.gongyu.testing.MessageFiles;
import org.junit.jupiter.api.Test;

/** Every district-service message exists in English and Chinese, and the Chinese one is translated. */
class MessageFilesTest {

  @Test
  void everyMessageIsTranslated() throws Exception {
    assertThat(MessageFiles.shortcomings(Path.of("src/main/resources"), Set.of())).isEmpty();
  }
}
