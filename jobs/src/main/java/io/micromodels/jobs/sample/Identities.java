package io.micromodels.jobs.sample;

import java.util.List;
import java.util.SplittableRandom;

/** Names, emails, addresses and devices for simulated customers. */
final class Identities {
  static final List<String> COMMON_DOMAINS =
      List.of(
          "gmail.com",
          "yahoo.com",
          "outlook.com",
          "icloud.com",
          "hotmail.com",
          "gmx.de",
          "web.de",
          "orange.fr",
          "proton.me",
          "aol.com");

  /** A few well-known disposable-address domains (public knowledge, e.g. mailinator.com). */
  static final List<String> DISPOSABLE_DOMAINS =
      List.of(
          "mailinator.com",
          "guerrillamail.com",
          "10minutemail.com",
          "yopmail.com",
          "trashmail.com",
          "tempmail.net",
          "sharklasers.com");

  private static final List<String> FIRST =
      List.of(
          "anna", "ben", "carla", "david", "emma", "felix", "grace", "hugo", "ines", "jonas",
          "kate", "liam", "maria", "noah", "olivia", "paul", "quinn", "rosa", "sam", "tara", "umar",
          "vera", "wei", "yusuf", "zoe", "chloé", "jürgen", "søren", "aïsha", "josé");
  private static final List<String> LAST =
      List.of(
          "smith",
          "müller",
          "garcia",
          "rossi",
          "dubois",
          "jansen",
          "kowalski",
          "silva",
          "nguyen",
          "patel",
          "okafor",
          "schmidt",
          "martin",
          "brown",
          "lopez",
          "weber",
          "moreau",
          "bakker",
          "novak",
          "kim");
  private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

  private Identities() {}

  /** A person-like email: {@code anna.smith84@gmail.com}. */
  static String cleanEmail(SplittableRandom rnd, String domain) {
    String local = pick(rnd, FIRST) + (rnd.nextBoolean() ? "." : "") + pick(rnd, LAST);
    if (rnd.nextDouble() < 0.5) {
      local += rnd.nextInt(100);
    }

    return local + "@" + domain;
  }

  /** A random-looking email: {@code xk83jd92q@yahoo.com}. */
  static String randomEmail(SplittableRandom rnd, String domain) {
    StringBuilder local = new StringBuilder();
    int length = 7 + rnd.nextInt(7);
    for (int i = 0; i < length; i++) {
      local.append(ALPHANUMERIC.charAt(rnd.nextInt(ALPHANUMERIC.length())));
    }

    return local + "@" + domain;
  }

  static String ip(SplittableRandom rnd) {
    return (11 + rnd.nextInt(200))
        + "."
        + rnd.nextInt(256)
        + "."
        + rnd.nextInt(256)
        + "."
        + (1 + rnd.nextInt(254));
  }

  static String hex(SplittableRandom rnd, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(Character.forDigit(rnd.nextInt(16), 16));
    }

    return out.toString();
  }

  static <T> T pick(SplittableRandom rnd, List<T> values) {
    return values.get(rnd.nextInt(values.size()));
  }
}
