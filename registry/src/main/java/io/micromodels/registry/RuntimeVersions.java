package io.micromodels.registry;

import java.util.Objects;

/**
 * Runtime facts that can change numbers (STYLE.md §5), recorded in every manifest.
 *
 * @param codeVersion the micromodels build (jar implementation version, or {@code dev})
 */
public record RuntimeVersions(
    String codeVersion,
    String sparkVersion,
    String deltaVersion,
    String javaVersion,
    String os,
    String arch) {
  public RuntimeVersions {
    Objects.requireNonNull(codeVersion, "codeVersion");
    Objects.requireNonNull(sparkVersion, "sparkVersion");
    Objects.requireNonNull(deltaVersion, "deltaVersion");
    Objects.requireNonNull(javaVersion, "javaVersion");
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(arch, "arch");
  }

  /** This JVM's facts with the given engine versions. */
  public static RuntimeVersions current(String sparkVersion, String deltaVersion) {
    String code = RuntimeVersions.class.getPackage().getImplementationVersion();
    return new RuntimeVersions(
        code == null ? "dev" : code,
        sparkVersion,
        deltaVersion,
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"));
  }
}
