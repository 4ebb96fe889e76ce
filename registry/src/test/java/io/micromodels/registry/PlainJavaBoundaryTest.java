package io.micromodels.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Spark, Delta and Hadoop appear only in io.micromodels.registry.spark (STYLE.md §1). */
class PlainJavaBoundaryTest {
  @Test
  void theRegistryRootPackageImportsNoEngine() throws IOException {
    Path root = Path.of("src/main/java/io/micromodels/registry");
    List<String> offenders;
    try (Stream<Path> files = Files.list(root)) {
      offenders =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(
                  f -> {
                    try {
                      return Files.readAllLines(f).stream()
                          .filter(
                              line ->
                                  line.matches(
                                      "import (static )?(org\\.apache\\.spark|io\\.delta|org\\.apache\\.hadoop)\\..*"))
                          .map(line -> f.getFileName() + ": " + line);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .toList();
    }

    assertThat(offenders).isEmpty();
    assertThat(Files.list(root).filter(f -> f.toString().endsWith(".java")).count())
        .isGreaterThan(10);
  }
}
