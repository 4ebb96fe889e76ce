package io.micromodels.jobs.pipeline;

import java.util.Objects;

/**
 * One client's row of the nightly summary: what each stage did ("-" when it did not run) and the
 * client's outcome.
 *
 * @param note the failure, the gate's reasons or where the release is
 */
public record ClientRun(String client, String config, String train, String gate, String publish,
    String promote, String note, Outcome outcome) {
  static final String SKIPPED = "-";

  /**
   * A client's result, worst last; {@link #exitCode} documents the codes. Bad config outranks a
   * failure (the run's input is wrong), which outranks a blocked gate, which outranks success.
   */
  public enum Outcome {
    OK(0), BLOCKED(3), FAILED(1), BAD_CONFIG(2);

    private final int exitCode;

    Outcome(int exitCode) {
      this.exitCode = exitCode;
    }

    /** 2 bad config, 1 failed, 3 blocked, 0 ok. */
    public int exitCode() {
      return exitCode;
    }

    /** The worse of two outcomes. */
    public Outcome worse(Outcome other) {
      return compareTo(other) >= 0 ? this : other;
    }
  }

  public ClientRun {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** A client whose config file did not load: no stage ran. */
  static ClientRun badConfig(String client, String error) {
    return new ClientRun(client, "invalid", SKIPPED, SKIPPED, SKIPPED, SKIPPED, error,
        Outcome.BAD_CONFIG);
  }

  /** A healthy client before training. */
  static ClientRun configured(String client) {
    return new ClientRun(client, "ok", SKIPPED, SKIPPED, SKIPPED, SKIPPED, "", Outcome.OK);
  }

  ClientRun trained(String status) {
    return new ClientRun(client, config, status, gate, publish, promote, note, outcome);
  }

  ClientRun gated(String verdict) {
    return new ClientRun(client, config, train, verdict, publish, promote, note, outcome);
  }

  ClientRun published(String result) {
    return new ClientRun(client, config, train, gate, result, promote, note, outcome);
  }

  ClientRun promoted(String result) {
    return new ClientRun(client, config, train, gate, publish, result, note, outcome);
  }

  /** Ends the client's run with this outcome (kept if an earlier one was worse) and note. */
  ClientRun ending(Outcome result, String text) {
    return new ClientRun(client, config, train, gate, publish, promote, text,
        outcome.worse(result));
  }
}
