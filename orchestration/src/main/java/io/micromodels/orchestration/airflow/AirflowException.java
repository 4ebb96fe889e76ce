package io.micromodels.orchestration.airflow;

/**
 * A failed Airflow call, with a message that says what was attempted, against which DAG or run, and
 * what to do. Never carries credentials or tokens.
 */
public class AirflowException extends RuntimeException {
  private final int status;

  public AirflowException(String message, int status) {
    super(message);
    this.status = status;
  }

  public AirflowException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
  }

  /** The HTTP status, or -1 when no response arrived. */
  public int status() {
    return status;
  }
}
