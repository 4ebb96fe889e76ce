package io.micromodels.registry;

import io.micromodels.features.Quoted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SHA-256 checksums and the {@code SHA256SUMS} file, in the format of GNU {@code sha256sum} ({@code
 * <hex> <name>} per line), so {@code sha256sum -c SHA256SUMS} checks an artifact too.
 */
public final class Checksums {
  public static final String FILE_NAME = "SHA256SUMS";
  private static final Pattern FILE_NAME_RULE =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private Checksums() {}

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  public static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA256SUMS text of files (name to checksum), in the map's order. */
  public static String render(Map<String, String> sums) {
    StringBuilder out = new StringBuilder();
    sums.forEach((name, sum) -> out.append(sum).append("  ").append(name).append('\n'));
    return out.toString();
  }

  /** Parses SHA256SUMS text back to name to checksum. */
  public static Map<String, String> parse(String text) {
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }

      int gap = line.indexOf("  ");
      if (gap != 64) {
        throw new RegistryException("SHA256SUMS line '" + line + "' is not '<sha256>  <name>'.");
      }

      String name = line.substring(gap + 2);
      // A name is one file of the version's folder: never a path that leads out of it.
      if (!FILE_NAME_RULE.matcher(name).matches()) {
        throw new RegistryException(
            "SHA256SUMS names '"
                + Quoted.capped(name)
                + "', which is not"
                + " a file name of the artifact folder.");
      }

      sums.put(name, line.substring(0, gap));
    }

    return sums;
  }

  /**
   * Checks a file's bytes against its expected checksum.
   *
   * @throws RegistryException on a mismatch
   */
  public static void verify(String name, String expected, byte[] bytes) {
    String found = sha256(bytes);
    if (!found.equals(expected)) {
      throw RegistryErrors.checksumMismatch(name, expected, found);
    }
  }
}
