package io.micromodels.features.config;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A look-back window of a feature, written {@code 1h}, {@code 24h}, {@code 7d}, {@code 28d}.
 *
 * @param length the window length
 * @param name the canonical spelling, used in feature column names
 */
public record Window(Duration length, String name) implements java.io.Serializable {
  private static final Pattern SPELLING = Pattern.compile("([1-9][0-9]{0,3})([hd])");
  public static final Duration LONGEST = Duration.ofDays(730);

  public Window {
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(name, "name");
    if (length.isNegative() || length.isZero() || length.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("window must be within 1h..730d: " + name);
    }
  }

  /** Parses {@code <n>h} or {@code <n>d}; returns null when the spelling is not one of those. */
  public static Window parse(String text) {
    Matcher m = SPELLING.matcher(text);
    if (!m.matches()) {
      return null;
    }

    long n = Long.parseLong(m.group(1));
    Duration length = m.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofDays(n);
    return length.compareTo(LONGEST) > 0 ? null : new Window(length, text);
  }
}
