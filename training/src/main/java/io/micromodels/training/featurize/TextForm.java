package io.micromodels.training.featurize;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one text normalisation of every text featurizer: Unicode NFKC (so full-width and ligature
 * forms meet their plain forms), then lower case in the root locale (never the JVM's default: a
 * Turkish locale would turn {@code I} into a dotless {@code ı} and change the hashes).
 */
final class TextForm {
  private TextForm() {}

  /**
   * The normalised form of {@code text[from, to)}, reading at most {@code maxChars} chars and
   * returning at most {@code maxChars} chars (never half a surrogate pair), so that an absurdly
   * long value costs no more than a long one.
   */
  static String normalise(String text, int from, int to, int maxChars) {
    String part = text.substring(from, capped(text, from, to, maxChars));
    String normal = isAscii(part) ? part : Normalizer.normalize(part, Normalizer.Form.NFKC);
    normal = normal.toLowerCase(Locale.ROOT);
    return normal.length() <= maxChars
        ? normal
        : normal.substring(0, capped(normal, 0, normal.length(), maxChars));
  }

  /** The end of {@code text[from, to)} cut to at most {@code maxChars}, keeping pairs whole. */
  static int capped(CharSequence text, int from, int to, int maxChars) {
    if (to - from <= maxChars) {
      return to;
    }

    int end = from + maxChars;
    return Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end;
  }

  /**
   * The char offset of each code point of {@code text}, plus {@code text.length()} at the end: code
   * point {@code i} spans {@code [offsets[i], offsets[i + 1])}.
   */
  static int[] codePointOffsets(String text) {
    int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
    for (int i = 0, at = 0; at < text.length(); i++) {
      offsets[i] = at;
      at += Character.charCount(text.codePointAt(at));
    }

    offsets[offsets.length - 1] = text.length();
    return offsets;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }

    return true;
  }
}
