package io.micromodels.orchestration.airflow;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Every secret an Airflow client holds, in every form it travels in: the password, the {@code
 * user:password} pair, the bearer tokens fetched so far, and their base64 forms (the Basic header
 * is base64 of the pair; a proxy may log base64 of the password alone). A server or proxy that
 * echoes the Authorization header in its {@code detail} must not get it printed.
 *
 * @param forms the texts to hide, longest first so a longer form is hidden whole
 */
record SecretMask(List<String> forms) {
  static final String MASK = "***";

  SecretMask {
    forms =
        forms.stream()
            .filter(f -> !f.isEmpty())
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** The secrets of these credentials. */
  static SecretMask of(Credentials credentials) {
    List<String> forms = new ArrayList<>(formsOf(credentials.password()));
    forms.addAll(formsOf(credentials.username() + ":" + credentials.password()));
    return new SecretMask(forms);
  }

  /** This mask and a token the client now holds too. */
  SecretMask with(String token) {
    List<String> forms = new ArrayList<>(this.forms);
    forms.addAll(formsOf(token));
    return new SecretMask(forms);
  }

  /** The text with every form of every secret replaced by {@value #MASK}. */
  String apply(String text) {
    if (text == null) {
      return null;
    }

    String masked = text;
    for (String form : forms) {
      masked = masked.replace(form, MASK);
    }

    return masked;
  }

  /**
   * A secret as text and as base64 in both alphabets; without padding, so the form is found whether
   * or not the writer padded it.
   */
  private static List<String> formsOf(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    return List.of(
        secret,
        Base64.getEncoder().withoutPadding().encodeToString(bytes),
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }
}
