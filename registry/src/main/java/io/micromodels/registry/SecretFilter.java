package io.micromodels.registry;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of manifests. Lineage facts come from config paths, table URIs and Spark
 * settings, any of which may carry a password, a token or an access key; {@link #redact} replaces
 * them with {@value #REDACTED} and {@link #looksSecret} lets the validator refuse what slipped by.
 */
public final class SecretFilter {
  public static final String REDACTED = "[redacted]";

  /** key=value / key: value pairs whose key names a credential. */
  private static final Pattern KEY_VALUE = Pattern.compile(
      "(?i)\\b([a-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key"
          + "|private[_-]?key|credential|auth)[a-z0-9_.-]*)(\\s*[=:]\\s*)([^\\s&;,\"']+)");
  /** user:password@ (or token@) in a URI's authority. */
  private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");
  private static final List<Pattern> VALUES = List.of(
      Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),        // AWS access key ids
      Pattern.compile("(?i)\\bbearer\\s+[a-z0-9._~+/=-]{8,}"),   // HTTP bearer tokens
      Pattern.compile("\\beyJ[a-zA-Z0-9_-]{8,}\\.[a-zA-Z0-9_-]{8,}\\.[a-zA-Z0-9_-]*"), // JWTs
      Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}\\b"),      // GitHub tokens
      Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));
  /** A key that by itself says its value is a credential. */
  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?i).*(password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential).*");

  private SecretFilter() {}

  /** The text with every credential-looking part replaced by {@value #REDACTED}. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }

    String out = USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)
        + REDACTED + "@"));
    // values first: "Authorization: Bearer <token>" must lose the token, not the word Bearer
    for (Pattern p : VALUES) {
      out = p.matcher(out).replaceAll(REDACTED);
    }

    out = KEY_VALUE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2)
        + REDACTED));

    return out;
  }

  /** The value of a fact, redacted whole when its key names a credential. */
  public static String redact(String key, String value) {
    return key != null && SECRET_KEY.matcher(key).matches() ? REDACTED : redact(value);
  }

  /** Whether text still holds something {@link #redact} would change. */
  public static boolean looksSecret(String text) {
    return text != null && !redact(text).equals(text);
  }

  /** A URI without user-info, query or fragment (where credentials hide). */
  public static String cleanUri(String uri) {
    try {
      URI u = URI.create(uri);
      if (u.getScheme() == null || u.isOpaque()) {
        return redact(uri);
      }

      return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null)
          .toString();
    } catch (IllegalArgumentException | java.net.URISyntaxException e) {
      return redact(uri);
    }
  }
}
