package io.micromodels.orchestration.airflow;

import java.util.Set;

/** A DAG run as Airflow reports it. {@code logicalDate} may be null (Airflow 3 manual runs). */
public record DagRun(String dagId, String runId, String state, String logicalDate) {
  private static final Set<String> TERMINAL = Set.of("success", "failed");

  /** Whether the run has finished (success or failed). */
  public boolean isFinished() {
    return TERMINAL.contains(state);
  }
}
