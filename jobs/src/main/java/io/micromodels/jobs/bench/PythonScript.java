package io.micromodels.jobs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs a benchmark's Python baseline (never a runtime dependency) and reads the JSON object it
 * prints; its stderr goes to ours, so its progress and tables stay visible.
 */
final class PythonScript {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PythonScript() {}

  /**
   * @param command the interpreter, the script and its arguments
   * @param missing what to install when it fails (e.g. "apt-get install python3-sklearn")
   * @throws IllegalStateException naming the command and {@code missing} when it exits non-zero
   */
  static Map<String, Object> runForJson(List<String> command, String missing)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(
          "the script failed (exit "
              + exit
              + "): "
              + String.join(" ", command)
              + "; it needs "
              + missing
              + ", or pass --python");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> parsed = JSON.readValue(out.trim(), Map.class);
    return parsed;
  }
}
