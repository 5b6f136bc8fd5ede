package org.gongyu.school.signoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.web.Texts;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The sign-off's refusals read as written. The service's messages go through {@link MessageFormat}
 * (as ChassisDefaults configures them), where a single quote starts a quoted section and vanishes:
 * "the county's review" would read "the countys review" unless written {@code county''s}.
 */
class SignOffMessagesTest {

  static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasenames("messages", "chassis-messages");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
    MESSAGES.setAlwaysUseMessageFormat(true);
  }

  @Test
  void signingOffTwiceSaysTheSignOffAwaitsTheCountysReview() {
    Msg twice = Msg.msg("school.sign-off.in-force", "2026-2027-1", 1, Msg.msg("school.sign-off.state.SIGNED_OFF"));
    assertThat(Texts.resolve(twice, MESSAGES, Locale.ENGLISH)).isEqualTo("period 2026-2027-1 is signed off already (version 1, "
        + "signed off, awaiting the county's review); it can be signed off again only after the county returns or reopens it");
    assertThat(Texts.resolve(twice, MESSAGES, Locale.SIMPLIFIED_CHINESE)).contains("2026-2027-1").doesNotContainPattern("[a-z]{3,}");
  }

  @Test
  void noMessageLosesAnApostrophe() throws IOException {
    List<String> lost = new ArrayList<>();
    for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
      Properties p = new Properties();
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
        assertThat(in).as(bundle).isNotNull();
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
      for (String key : p.stringPropertyNames()) {
        String raw = p.getProperty(key);
        long written = raw.replace("''", "'").chars().filter(c -> c == '\'').count();
        String text = new MessageFormat(raw, Locale.ENGLISH).format(new Object[] {"a", "b", "c", "d", "e", "f"});
        if (text.chars().filter(c -> c == '\'').count() != written) {
          lost.add(bundle + " " + key + " reads: " + text);
        }
      }
    }
    assertThat(lost).as("write a quote as '' in a message").isEmpty();
  }
}
