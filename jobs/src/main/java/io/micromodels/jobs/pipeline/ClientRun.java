package io.micromodels.jobs.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One client's row of the nightly summary: what each stage did ({@code SKIPPED}, shown "-", when it
 * did not run) and the client's outcome.
 *
 * @param note the failure, the gate's reasons or where the release is
 */
public record ClientRun(
    String client,
    ConfigStatus config,
    TrainStatus train,
    GateStatus gate,
    VersionStep publish,
    VersionStep promote,
    String note,
    Outcome outcome) {
  /** How a stage that did not run is shown. */
  static final String SKIPPED = "-";

  /** The config file of the client. */
  public enum ConfigStatus {
    OK,
    INVALID
  }

  /** What training did: the client's own model, the global model as fallback, or nothing. */
  public enum TrainStatus {
    SKIPPED,
    TRAINED,
    FALLBACK,
    FAILED
  }

  /** The gate's verdict on the backtest. */
  public enum GateStatus {
    SKIPPED,
    PASSED,
    BLOCKED,
    FAILED
  }

  /**
   * A publish or promote step: the version it released, or why there is none.
   *
   * @param version the released version for {@link Kind#RELEASED}, null otherwise
   */
  public record VersionStep(Kind kind, Integer version) {
    /** OFF: the config does not auto-promote (promote only). */
    public enum Kind {
      SKIPPED,
      RELEASED,
      BLOCKED,
      FAILED,
      OFF
    }

    static final VersionStep SKIPPED = new VersionStep(Kind.SKIPPED, null);

    public VersionStep {
      Objects.requireNonNull(kind, "kind");
      if ((kind == Kind.RELEASED) != (version != null)) {
        throw new IllegalArgumentException(
            "a version for a released step only: " + kind + " " + version);
      }
    }

    static VersionStep of(Kind kind) {
      return new VersionStep(kind, null);
    }

    static VersionStep version(int version) {
      return new VersionStep(Kind.RELEASED, version);
    }

    /** As the summary shows it: {@code v3}, {@code blocked}, {@code -}. */
    @Override
    public String toString() {
      return kind == Kind.RELEASED ? "v" + version : label(kind);
    }
  }

  /** A status as the summary shows it: its name in lower case, "-" for SKIPPED. */
  public static String label(Enum<?> status) {
    return "SKIPPED".equals(status.name()) ? SKIPPED : status.name().toLowerCase(Locale.ROOT);
  }

  /**
   * A client's result, worst last; {@link #exitCode} documents the codes. Bad config outranks a
   * failure (the run's input is wrong), which outranks a blocked gate, which outranks success.
   */
  public enum Outcome {
    OK(0),
    BLOCKED(3),
    FAILED(1),
    BAD_CONFIG(2);

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
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(publish, "publish");
    Objects.requireNonNull(promote, "promote");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** A client whose config file did not load: no stage ran. */
  static ClientRun badConfig(String client, String error) {
    return new ClientRun(
        client,
        ConfigStatus.INVALID,
        TrainStatus.SKIPPED,
        GateStatus.SKIPPED,
        VersionStep.SKIPPED,
        VersionStep.SKIPPED,
        error,
        Outcome.BAD_CONFIG);
  }

  /** A healthy client before training. */
  static ClientRun configured(String client) {
    return new ClientRun(
        client,
        ConfigStatus.OK,
        TrainStatus.SKIPPED,
        GateStatus.SKIPPED,
        VersionStep.SKIPPED,
        VersionStep.SKIPPED,
        "",
        Outcome.OK);
  }

  ClientRun trained(TrainStatus status) {
    return new ClientRun(client, config, status, gate, publish, promote, note, outcome);
  }

  ClientRun gated(GateStatus verdict) {
    return new ClientRun(client, config, train, verdict, publish, promote, note, outcome);
  }

  ClientRun published(VersionStep result) {
    return new ClientRun(client, config, train, gate, result, promote, note, outcome);
  }

  ClientRun promoted(VersionStep result) {
    return new ClientRun(client, config, train, gate, publish, result, note, outcome);
  }

  /** Ends the client's run with this outcome (kept if an earlier one was worse) and note. */
  ClientRun ending(Outcome result, String text) {
    return new ClientRun(
        client, config, train, gate, publish, promote, text, outcome.worse(result));
  }

  /** The row's cells as the summary shows them. */
  List<String> cells() {
    return List.of(
        client,
        label(config),
        label(train),
        label(gate),
        publish.toString(),
        promote.toString(),
        note);
  }
}
