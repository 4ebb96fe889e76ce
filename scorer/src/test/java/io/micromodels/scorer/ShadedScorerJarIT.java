package io.micromodels.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micromodels.scorer.testing.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as a live team gets it ({@code scorer/target/micromodels-scorer.jar}, built by
 * {@code package}; failsafe runs this at {@code integration-test}): it carries no Spark, Scala or
 * Hadoop class and none of our Spark adaptors, and scores the golden events on its own in a
 * separate JVM whose only classpath entry is the jar.
 */
class ShadedScorerJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("scorer.jar", "target/micromodels-scorer.jar"));

  @Test
  void theJarHoldsNoSparkScalaHadoopOrSparkAdaptorClasses() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> classes =
          jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")).toList();

      assertThat(classes)
          .contains(
              "io/micromodels/training/score/Scorer.class",
              "io/micromodels/features/EventFields.class",
              "com/fasterxml/jackson/databind/ObjectMapper.class",
              "de/bwaldvogel/liblinear/Linear.class");
      assertThat(classes)
          .noneMatch(
              name ->
                  name.startsWith("org/apache/spark/")
                      || name.startsWith("scala/")
                      || name.startsWith("org/apache/hadoop/")
                      || name.startsWith("io/delta/")
                      || name.contains("/spark/"));
    }
  }

  @Test
  void theJarAloneScoresTheGoldenEventsAsRecorded() throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                GoldenFiles.path(GoldenFiles.MODEL).toString())
            .redirectInput(GoldenFiles.path(GoldenFiles.INPUTS).toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(ScorerMain.EXIT_OK);
    GoldenFiles.assertMatchesGoldenScores(out.lines().toList());
  }
}
