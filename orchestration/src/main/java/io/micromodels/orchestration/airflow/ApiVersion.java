package io.micromodels.orchestration.airflow;

/** The two REST APIs: Airflow 2's {@code /api/v1} and Airflow 3's {@code /api/v2}. */
public enum ApiVersion {
  /** Airflow 2: basic authentication, paths under {@code /api/v1}. */
  V1("/api/v1"),
  /** Airflow 3: bearer token from {@code POST /auth/token}, paths under {@code /api/v2}. */
  V2("/api/v2");

  private final String prefix;

  ApiVersion(String prefix) {
    this.prefix = prefix;
  }

  public String prefix() {
    return prefix;
  }
}
