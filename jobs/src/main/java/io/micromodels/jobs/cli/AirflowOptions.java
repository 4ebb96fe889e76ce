package io.micromodels.jobs.cli;

import io.micromodels.orchestration.airflow.AirflowClient;
import io.micromodels.orchestration.airflow.ApiVersion;
import io.micromodels.orchestration.airflow.Credentials;
import io.micromodels.orchestration.airflow.RetryPolicy;
import java.net.URI;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where Airflow is. Credentials never come from the command line: AIRFLOW_USERNAME and
 * AIRFLOW_PASSWORD, or AIRFLOW_CREDENTIALS_FILE.
 */
final class AirflowOptions {
  /** The environment credentials are read from; tests substitute their own. */
  static java.util.Map<String, String> environment = System.getenv();

  @Option(
      names = "--airflow-url",
      scope = ScopeType.INHERIT,
      description = "Airflow webserver/API server, e.g. http://airflow:8080.")
  URI url;

  @Option(
      names = "--api",
      defaultValue = "V2",
      scope = ScopeType.INHERIT,
      description =
          "v1 (Airflow 2, basic auth) or v2 (Airflow 3, token); default ${DEFAULT-VALUE}.")
  ApiVersion api;

  AirflowClient client() {
    if (url == null) {
      throw new io.micromodels.features.ConfigException(
          "--airflow-url is required to talk to Airflow.");
    }

    return AirflowClient.create(
        url, api, Credentials.fromEnvironment(environment), RetryPolicy.defaults());
  }
}
