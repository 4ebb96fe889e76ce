package io.micromodels.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of manifests and error messages. Lineage facts come from config paths,
 * table URIs and Spark settings, and config errors quote what a file holds, any of which may carry
 * a password, a token or an access key; {@link #redact} replaces them with {@value #REDACTED} and
 * {@link #looksSecret} lets the validator refuse what slipped by.
 */
public final class SecretFilter {
  public static final String REDACTED = "[redacted]";

  /** The words that make a key name a credential. */
  private static final String CREDENTIAL =
      "(?:password|passwd|pwd|secret|token|api[_-]?key"
          + "|access[_-]?key|private[_-]?key|credential|auth)";

  /** key=value / key: value pairs whose key names a credential. */
  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(?i)\\b([a-z0-9_.-]*" + CREDENTIAL + "[a-z0-9_.-]*)(\\s*[=:]\\s*)([^\\s&;,\"']+)");

  /** user:password@ (or token@) in a URI's authority. */
  private static final Pattern USER_INFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@]+@");

  private static final List<Pattern> VALUES =
      List.of(
          Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), // AWS access key ids
          Pattern.compile("(?i)\\bbearer\\s+[a-z0-9._~+/=-]{8,}"), // HTTP bearer tokens
          Pattern.compile("\\beyJ[a-zA-Z0-9_-]{8,}\\.[a-zA-Z0-9_-]{8,}\\.[a-zA-Z0-9_-]*"), // JWTs
          Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}\\b"), // GitHub tokens
          Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));

  /** A key that by itself says its value is a credential. */
  private static final Pattern SECRET_KEY = Pattern.compile("(?i)" + CREDENTIAL);

  private SecretFilter() {}

  /** The text with every credential-looking part replaced by {@value #REDACTED}. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }

    String out =
        USER_INFO
            .matcher(text)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + REDACTED + "@"));
    // values first: "Authorization: Bearer <token>" must lose the token, not the word Bearer
    for (Pattern p : VALUES) {
      out = p.matcher(out).replaceAll(REDACTED);
    }

    out =
        KEY_VALUE
            .matcher(out)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + REDACTED));

    return out;
  }

  /** The value of a fact, redacted whole when its key names a credential. */
  public static String redact(String key, String value) {
    return namesCredential(key) ? REDACTED : redact(value);
  }

  /** Whether a key (or a path of keys) says that its value is a credential. */
  public static boolean namesCredential(String key) {
    return key != null && SECRET_KEY.matcher(key).find();
  }

  /**
   * A copy of a parsed value (a config value an error quotes, say) with every value under a key
   * that names a credential redacted whole and every text redacted: a quoted mapping shows {@code
   * "password":"x"}, which the key=value patterns of {@link #redact(String)} do not see.
   */
  public static JsonNode redact(JsonNode value) {
    if (value == null || value.isTextual()) {
      return value == null ? null : TextNode.valueOf(redact(value.textValue()));
    }

    if (value.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      value
          .fields()
          .forEachRemaining(
              e ->
                  copy.set(
                      redact(e.getKey()),
                      namesCredential(e.getKey())
                          ? TextNode.valueOf(REDACTED)
                          : redact(e.getValue())));
      return copy;
    }

    if (value.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      value.forEach(item -> copy.add(redact(item)));
      return copy;
    }

    return value;
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
