package io.micromodels.scorer;

import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.artifact.ModelFormatException;
import io.micromodels.training.score.Scorer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code java -jar micromodels-scorer.jar model.json < events.jsonl > scores.jsonl}: scores
 * decision events with a client's {@code model.json}, without Spark ({@link ScoreLines} describes
 * the lines). Exit codes as the main CLI's (DESIGN.md §6): 0 every line scored, 1 some lines could
 * not be scored (their output lines say why), 2 bad usage or an unreadable model.
 */
public final class ScorerMain {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILED_LINES = 1;
  static final int EXIT_USAGE = 2;
  static final String USAGE =
      """
      Usage: java -jar micromodels-scorer.jar MODEL_JSON < events.jsonl > scores.jsonl
      Scores decision events (one JSON object of feature-table columns per line) with a
      client's model.json, without Spark. Output: one JSON object per line with event_id,
      score (0-100), action, probability and per-micromodel contributions. See docs/scorer.md.
      Exit codes: 0 all lines scored, 1 some lines failed (see their error lines), 2 bad usage
      or unreadable model.""";

  private ScorerMain() {}

  public static void main(String[] args) throws IOException {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the command on the given streams; returns the exit code. */
  static int run(String[] args, InputStream in, OutputStream out, PrintStream err)
      throws IOException {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      new PrintStream(out, true, StandardCharsets.UTF_8).println(USAGE);
      return EXIT_OK;
    }

    if (args.length != 1) {
      err.println("Expected one argument, the model.json file; found " + args.length + ".");
      err.println(USAGE);
      return EXIT_USAGE;
    }

    Scorer scorer;
    try {
      scorer = new Scorer(ModelFormat.read(Path.of(args[0])));
    } catch (ModelFormatException e) {
      err.println("Cannot load the model: " + e.getMessage());
      return EXIT_USAGE;
    }

    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    ScoreLines.Summary summary = new ScoreLines(scorer).run(reader, writer);
    if (summary.failed() > 0) {
      err.println(
          summary.failed()
              + " of "
              + (summary.scored() + summary.failed())
              + " lines could not be scored; their output lines carry \"error\".");
      return EXIT_FAILED_LINES;
    }

    return EXIT_OK;
  }
}
