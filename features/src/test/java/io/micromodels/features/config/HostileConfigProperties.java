package io.micromodels.features.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.features.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Client and platform configs read by the one config reader on generated hostile files (issue #30):
 * aliases, anchors, merge keys, tags, duplicate keys, a second document, huge values and keys, deep
 * nesting, non-mapping roots, control characters and invalid UTF-8, each with a generated secret in
 * a place where it is invalid. Whatever the file, loading throws nothing but a {@link
 * ConfigException}, whose message never holds the secret and stays short.
 */
class HostileConfigProperties {
  /** Room for the fixed text of the longest message (the list of allowed keys) and a few quotes. */
  private static final int MAX_MESSAGE_CHARS = 1_000;

  private static final String MINIMAL =
      "client_id: acme\npolicy:\n  global_threshold: {prevent_at: 80}\n";
  private static Path dir;

  /**
   * A secret as the file shows it, and its random part, which no message may contain.
   *
   * @param yaml a YAML flow mapping {@code {key: value}} or a self-describing scalar
   */
  record Secret(String yaml, String value, boolean keyed) {}

  /** One hostile file: its bytes, the case it stands for, and the secret it hides. */
  record HostileFile(String name, byte[] bytes, Secret secret) {
    @Override
    public String toString() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return name
          + " ("
          + bytes.length
          + " bytes): "
          + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
    }
  }

  @BeforeContainer
  static void folder() throws IOException {
    dir = Files.createTempDirectory("hostile-configs");
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 250)
  void clientConfigsFailOnlyWithShortSecretFreeConfigErrors(@ForAll("hostile") HostileFile file)
      throws IOException {
    check(file, dir.resolve("acme.yaml"), ClientConfigLoader::load);
  }

  @Property(tries = 250)
  void platformConfigsFailOnlyWithShortSecretFreeConfigErrors(@ForAll("hostile") HostileFile file)
      throws IOException {
    check(file, dir.resolve("platform.yaml"), PlatformConfigLoader::load);
  }

  private static void check(HostileFile hostile, Path file, Function<Path, ?> load)
      throws IOException {
    Files.write(file, hostile.bytes());
    Statistics.label("case").collect(hostile.name());
    try {
      load.apply(file);
      Statistics.label("outcome").collect("loaded");
    } catch (ConfigException e) {
      Statistics.label("outcome").collect("ConfigException");
      assertThat(e.getMessage())
          .doesNotContain(hostile.secret().value())
          .hasSizeLessThanOrEqualTo(file.toString().length() + MAX_MESSAGE_CHARS);
    }
  }

  @Provide
  Arbitrary<HostileFile> hostile() {
    return Arbitraries.oneOf(
        shape("wrong-type", s -> MINIMAL + "auto_promote: " + s.yaml() + "\n"),
        shape("invalid-zone", s -> MINIMAL + "time_zone: " + scalar(s) + "\n"),
        shape("unknown-key", s -> MINIMAL + "extra: " + s.yaml() + "\n"),
        shape("in-a-list", s -> MINIMAL + "regions: {EU: [" + s.yaml() + "]}\n"),
        shape(
            "spark-conf",
            s ->
                "master: local[1]\nspark:\n  spark.hadoop.fs.s3a.secret.key: ["
                    + s.yaml()
                    + "]\n  spark.x: "
                    + s.yaml()
                    + "\n"),
        shape("master", s -> "master: " + s.yaml() + "\n"),
        shape("alias", s -> MINIMAL + "gates: &g " + s.yaml() + "\ntraining: *g\n"),
        shape("anchor", s -> MINIMAL + "auto_promote: &a " + scalar(s) + "\n"),
        shape("merge-key", s -> MINIMAL + "training:\n  <<: " + s.yaml() + "\n"),
        shape("tag", s -> MINIMAL + "time_zone: !!str " + scalar(s) + "\n"),
        shape("custom-tag", s -> MINIMAL + "auto_promote: !secret " + s.yaml() + "\n"),
        shape(
            "duplicate-key", s -> MINIMAL + "auto_promote: true\nauto_promote: " + s.yaml() + "\n"),
        shape("second-document", s -> MINIMAL + "---\nauto_promote: " + s.yaml() + "\n"),
        shape("list-root", s -> "- " + s.yaml() + "\n"),
        shape("scalar-root", HostileConfigProperties::scalar),
        deep(),
        huge(),
        broken());
  }

  private static Arbitrary<HostileFile> shape(String name, Function<Secret, String> yaml) {
    return secrets()
        .map(s -> new HostileFile(name, yaml.apply(s).getBytes(StandardCharsets.UTF_8), s));
  }

  /** A secret where only a scalar fits: keyed secrets written as key=value text. */
  private static String scalar(Secret secret) {
    return secret.keyed()
        ? "\"" + secret.yaml().replaceAll("[{}]", "").replace(": ", "=") + "\""
        : secret.yaml();
  }

  /** Nested 20..60 levels deep, the secret at the bottom. */
  private static Arbitrary<HostileFile> deep() {
    return Combinators.combine(secrets(), Arbitraries.integers().between(20, 60))
        .as(
            (s, depth) ->
                new HostileFile(
                    "deep",
                    (MINIMAL
                            + "training: "
                            + "{a: ".repeat(depth)
                            + s.yaml()
                            + "}".repeat(depth)
                            + "\n")
                        .getBytes(StandardCharsets.UTF_8),
                    s));
  }

  /** A value or a key of 20..300 KB, or a file over the size limit, beside a secret. */
  private static Arbitrary<HostileFile> huge() {
    return Combinators.combine(
            secrets(),
            Arbitraries.integers().between(20_000, 300_000),
            Arbitraries.of("value", "key", "number", "file"))
        .as(
            (s, size, where) ->
                new HostileFile(
                    "huge-" + where,
                    (switch (where) {
                              case "value" ->
                                  MINIMAL
                                      + "time_zone: "
                                      + "Europe/".repeat(size / 7)
                                      + "\nx: "
                                      + s.yaml();
                              case "key" -> MINIMAL + "k".repeat(size) + ": " + s.yaml();
                              case "number" ->
                                  MINIMAL
                                      + "min_fraud_labels: 1"
                                      + "0".repeat(size)
                                      + "\nx: "
                                      + s.yaml();
                              default ->
                                  MINIMAL
                                      + "x: "
                                      + s.yaml()
                                      + "\n# "
                                      + "z".repeat(ConfigYaml.MAX_BYTES);
                            }
                            + "\n")
                        .getBytes(StandardCharsets.UTF_8),
                    s));
  }

  /** A config with a secret and bytes that are not UTF-8 or are control characters. */
  private static Arbitrary<HostileFile> broken() {
    return Combinators.combine(
            secrets(),
            Arbitraries.integers().between(0, 200),
            Arbitraries.of(
                (byte) 0x00,
                (byte) 0x07,
                (byte) 0x1b,
                (byte) 0x7f,
                (byte) 0xc3,
                (byte) 0xfe,
                (byte) 0xff,
                (byte) 0x80))
        .as(
            (s, at, bad) -> {
              byte[] good =
                  (MINIMAL + "time_zone: UTC\nauto_promote: " + s.yaml() + "\n")
                      .getBytes(StandardCharsets.UTF_8);
              byte[] bytes = java.util.Arrays.copyOf(good, good.length + 1);
              int position = Math.min(at, good.length);
              System.arraycopy(good, position, bytes, position + 1, good.length - position);
              bytes[position] = bad;
              return new HostileFile("bad-byte", bytes, s);
            });
  }

  /**
   * A secret: a value under a key that names a credential, or a value that says it is one (a token
   * of a known shape, key=value text, a URL's user-info).
   */
  static Arbitrary<Secret> secrets() {
    Arbitrary<String> random =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withCharRange('A', 'Z')
            .withCharRange('0', '9')
            .ofMinLength(16)
            .ofMaxLength(24);
    Arbitrary<String> key =
        Arbitraries.of(
            "password",
            "db_password",
            "api_key",
            "apiKey",
            "token",
            "client_secret",
            "aws_secret_access_key",
            "auth",
            "Credentials",
            "pwd");
    Arbitrary<Secret> keyed =
        Combinators.combine(key, random)
            .as((k, v) -> new Secret("{" + k + ": " + v + "}", v, true));
    Arbitrary<Secret> shaped =
        Combinators.combine(
                Arbitraries.of(
                    "ghp_%s%s",
                    "AKIA%.16S",
                    "Bearer %s",
                    "password=%s",
                    "s3a://user:%s@bucket/events",
                    "token: %s"),
                random)
            .as(
                (form, v) -> {
                  String value =
                      form.startsWith("AKIA")
                          ? v.toUpperCase(java.util.Locale.ROOT).substring(0, 16)
                          : v;
                  String text = form.formatted(value, value);
                  return new Secret("\"" + text + "\"", value, false);
                });
    return Arbitraries.oneOf(keyed, shaped);
  }
}
