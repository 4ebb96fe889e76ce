package io.micromodels.features;

/**
 * How an error message quotes a value it did not accept: at most {@value #MAX_CHARS} characters,
 * so a 200 KB value in a config or an input row gives a readable one-line error, not a 200 KB one.
 */
public final class Quoted {
  public static final int MAX_CHARS = 40;

  private Quoted() {}

  /** The value itself when short, else its first characters and "...". */
  public static String capped(String value) {
    if (value == null) {
      return "null";
    }

    return value.length() <= MAX_CHARS ? value : value.substring(0, MAX_CHARS - 3) + "...";
  }
}
