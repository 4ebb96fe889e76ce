package io.micromodels.jobs.cluster;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * This test JVM's classpath split the way {@code spark-submit} splits a deployment: what a Spark
 * installation provides ({@code SPARK_HOME/jars}: every third-party jar) and the application (the
 * project's own modules, main code only), packed into one jar that Spark ships to the executors.
 * Unlike the {@code -Pcluster} jar, Delta and the small libraries stay on the provided side: which
 * jars are Spark's own cannot be told from a classpath.
 *
 * @param provided classpath entries outside the project
 * @param project the project modules' main classes (folders or jars), in classpath order
 */
public record SubmitClasspath(List<String> provided, List<Path> project) {
  /** Splits {@code java.class.path}: entries under {@code projectRoot} are the project's. */
  public static SubmitClasspath of(String classpath, Path projectRoot) {
    Path root = projectRoot.toAbsolutePath().normalize();
    List<String> provided = new ArrayList<>();
    List<Path> project = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      Path path = Path.of(entry).toAbsolutePath().normalize();
      if (!path.startsWith(root)) {
        provided.add(entry);
      } else if (!isTestOutput(path)) {
        project.add(path);
      }
    }

    return new SubmitClasspath(List.copyOf(provided), List.copyOf(project));
  }

  /** This JVM's classpath, the project being the parent of the working directory (a module). */
  public static SubmitClasspath ofThisJvm() {
    return of(System.getProperty("java.class.path"), Path.of("").toAbsolutePath().getParent());
  }

  public String providedPath() {
    return String.join(File.pathSeparator, provided);
  }

  /**
   * Writes the project's classes and resources into one jar with {@code mainClass} in its manifest;
   * service files of several modules are concatenated, any other duplicate fails.
   */
  public Path appJar(Path file, String mainClass) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    project.forEach(p -> collect(p, entries));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(file), manifest)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(e.getKey()));
        jar.write(e.getValue());
        jar.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return file;
  }

  private static boolean isTestOutput(Path path) {
    String name = path.getFileName().toString();
    return name.equals("test-classes") || name.endsWith("-tests.jar");
  }

  private static void collect(Path classes, Map<String, byte[]> entries) {
    try {
      if (Files.isDirectory(classes)) {
        try (Stream<Path> files = Files.walk(classes)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            add(
                entries,
                classes.relativize(f).toString().replace(File.separatorChar, '/'),
                Files.readAllBytes(f));
          }
        }
      } else {
        try (JarFile jar = new JarFile(classes.toFile())) {
          for (JarEntry e : jar.stream().filter(e -> !e.isDirectory()).toList()) {
            try (InputStream in = jar.getInputStream(e)) {
              add(entries, e.getName(), in.readAllBytes());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(Map<String, byte[]> entries, String name, byte[] bytes) {
    if (name.equals(JarFile.MANIFEST_NAME) || name.startsWith("META-INF/maven/")) {
      return;
    }

    byte[] before = entries.putIfAbsent(name, bytes);
    if (before == null) {
      return;
    }

    if (!name.startsWith("META-INF/services/")) {
      throw new IllegalStateException(name + " is in two of the project's modules");
    }

    byte[] joined = new byte[before.length + 1 + bytes.length];
    System.arraycopy(before, 0, joined, 0, before.length);
    joined[before.length] = '\n';
    System.arraycopy(bytes, 0, joined, before.length + 1, bytes.length);
    entries.put(name, joined);
  }
}
