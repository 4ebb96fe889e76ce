package io.micromodels.features.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micromodels.features.ConfigException;
import io.micromodels.features.InputFile;
import io.micromodels.features.SkippedInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Finding the input files, plain Hadoop and java.nio: no Spark. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InputFilesTest {
  @TempDir Path dir;

  @Test
  void aLinkBackToAnAncestorIsALoopReadOnce() throws IOException {
    touch("in/a.jsonl", "in/sub/b.csv");
    Files.createSymbolicLink(dir.resolve("in/sub/up"), Path.of(".."));

    InputFiles found = expand("in");

    // Before: the same two files 41 times, once per level until the path grew too long.
    assertThat(names(found)).containsExactly("in/a.jsonl", "in/sub/b.csv");
    assertThat(found.skipped())
        .containsExactly(
            new SkippedInput(
                uri("in/sub/up"), "symbolic link loop back to " + uri("in") + ", read once"));
  }

  @Test
  void twoLinksFormingALoopEndAndEachFileIsReadOnceUnderItsShortestPath() throws IOException {
    touch("in/p/a.jsonl", "in/q/b.jsonl");
    Files.createSymbolicLink(dir.resolve("in/p/to-q"), Path.of("../q"));
    Files.createSymbolicLink(dir.resolve("in/q/to-p"), Path.of("../p"));

    InputFiles found = expand("in");

    // Before: ingest never ended.
    assertThat(names(found)).containsExactly("in/p/a.jsonl", "in/q/b.jsonl");
    assertThat(found.skipped())
        .containsExactly(
            new SkippedInput(uri("in/p/to-q"), "same folder as " + uri("in/q") + ", read once"),
            new SkippedInput(uri("in/q/to-p"), "same folder as " + uri("in/p") + ", read once"));
  }

  @Test
  void aFileReachedUnderTwoPathsIsReadOnceAndABrokenLinkIsListed() throws IOException {
    touch("in/a.jsonl");
    Files.createSymbolicLink(dir.resolve("in/b-link.jsonl"), Path.of("a.jsonl"));
    Files.createSymbolicLink(dir.resolve("in/c-broken.jsonl"), Path.of("nowhere.jsonl"));

    InputFiles found = expand("in", "in/a.jsonl");

    assertThat(names(found)).containsExactly("in/a.jsonl");
    assertThat(found.skipped())
        .containsExactly(
            new SkippedInput(
                uri("in/b-link.jsonl"), "same file as " + uri("in/a.jsonl") + ", read once"),
            new SkippedInput(uri("in/c-broken.jsonl"), "broken symbolic link"));
  }

  @Test
  void aLinkedFolderOutsideTheInputIsRead() throws IOException {
    touch("elsewhere/x.jsonl", "in/.hidden/h.jsonl", "in/_tmp/t.jsonl", "in/notes.txt");
    Files.createSymbolicLink(dir.resolve("in/today"), dir.resolve("elsewhere"));

    assertThat(names(expand("in"))).containsExactly("in/today/x.jsonl");
  }

  @Test
  void badPathsAreUsageErrors() throws IOException {
    touch("events.txt", "empty/notes.md");

    assertThatThrownBy(() -> expand("nope"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no such file or directory");
    assertThatThrownBy(() -> expand("events.txt"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown format");
    assertThatThrownBy(() -> expand("empty"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no event-log files found");
  }

  private InputFiles expand(String... paths) {
    return InputFiles.expand(
        new Configuration(), List.of(paths).stream().map(p -> dir.resolve(p).toString()).toList());
  }

  private List<String> names(InputFiles found) {
    return found.files().stream()
        .map(InputFile::path)
        .map(p -> p.substring(uri("").length() + 1))
        .toList();
  }

  private String uri(String relative) {
    return "file:" + dir.resolve(relative).toAbsolutePath().normalize();
  }

  private void touch(String... files) throws IOException {
    for (String file : files) {
      Path path = dir.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "{}\n");
    }
  }
}
