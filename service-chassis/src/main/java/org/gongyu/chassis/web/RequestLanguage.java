package org.gongyu.chassis.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of an answer, from {@code Accept-Language}: Simplified Chinese ({@code zh-CN}) for
 * any Chinese tag ({@code zh}, {@code zh-CN}, {@code zh-Hans}, {@code zh-Hans-CN}, ...), English for
 * {@code en*}, taken in the order of the client's preference; English when the header is absent or
 * names neither. Used by Spring MVC (errors, validation messages) and by the security filters, which
 * answer before it.
 */
public class RequestLanguage extends AcceptHeaderLocaleResolver {

  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final Locale ENGLISH = Locale.ENGLISH;

  public RequestLanguage() {
    setSupportedLocales(List.of(ENGLISH, CHINESE));
    setDefaultLocale(ENGLISH);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    if (request.getHeader("Accept-Language") == null) {
      return ENGLISH;
    }
    for (Locale wanted : Collections.list(request.getLocales())) {
      Locale supported = supported(wanted);
      if (supported != null) {
        return supported;
      }
    }
    return ENGLISH;
  }

  /** The supported locale for one language tag, or null. */
  public static Locale supported(Locale wanted) {
    return switch (wanted.getLanguage()) {
      case "zh" -> CHINESE;
      case "en" -> ENGLISH;
      default -> null;
    };
  }
}
