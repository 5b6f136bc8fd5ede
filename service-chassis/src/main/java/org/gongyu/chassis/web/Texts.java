package org.gongyu.chassis.web;

import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;

/** Turns {@link Msg}s, {@link Msg.Joined} lists and plain values into text in one language. */
public final class Texts {

  private Texts() {}

  /** The language the answer is written in: Chinese for any {@code zh} locale, else English. */
  public static boolean chinese(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage());
  }

  /**
   * The text of {@code value} in {@code locale}: a {@link Msg} is looked up (its arguments first),
   * a joined list is joined with the language's separator, anything else is its string form.
   */
  public static String resolve(Object value, MessageSource messages, Locale locale) {
    if (value instanceof Msg m) {
      if (m.code() == null) {
        return m.getDefaultMessage();
      }
      Object[] args = m.args();
      Object[] resolved = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        resolved[i] = resolve(args[i], messages, locale);
      }
      if (messages == null) {
        return m.toString();
      }
      try {
        return messages.getMessage(m.code(), resolved, locale);
      } catch (NoSuchMessageException e) {
        return m.toString();
      }
    }
    if (value instanceof Msg.Joined j) {
      String separator = j.comma() ? (chinese(locale) ? "、" : ", ") : (chinese(locale) ? "；" : "; ");
      return j.parts().stream().map(p -> resolve(p, messages, locale)).collect(Collectors.joining(separator));
    }
    return String.valueOf(value);
  }
}
