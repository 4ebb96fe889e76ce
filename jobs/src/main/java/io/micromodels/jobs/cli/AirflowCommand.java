package io.micromodels.jobs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.ConfigException;
import io.micromodels.orchestration.airflow.DagRun;
import io.micromodels.orchestration.airflow.TaskInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code micromodels airflow trigger|status|wait|logs}: drive the DAGs over Airflow's REST API. */
@Command(
    name = "airflow",
    mixinStandardHelpOptions = true,
    description = "Triggers and follows micromodels DAG runs on Airflow 2 or 3.")
final class AirflowCommand {
  @Mixin AirflowOptions airflow;

  @Option(
      names = "--dag",
      required = true,
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "DAG id, e.g. micromodels_nightly.")
  String dag;

  @Command(
      name = "trigger",
      mixinStandardHelpOptions = true,
      description = "Triggers a run; the same --run-id twice returns the existing run.")
  int trigger(
      @Option(names = "--run-id", description = "Run id (default: manual__<now>).") String runId,
      @Option(names = "--conf", defaultValue = "{}", description = "Run conf as JSON.") String conf,
      @Option(
              names = "--logical-date",
              description =
                  "The run's logical date (its as-of), a"
                      + " date or an ISO instant; needed for backfills (default: Airflow chooses).")
          String logicalDate) {
    String id = runId != null ? runId : "manual__" + Instant.now();
    Instant logical = logicalDate == null ? null : logicalInstant(logicalDate);
    print(airflow.client().trigger(dag, id, parse(conf), logical));
    return MicromodelsCli.EXIT_OK;
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Prints a run's state and its tasks' states.")
  int status(@Option(names = "--run-id", required = true) String runId) {
    var client = airflow.client();
    print(client.run(dag, runId));
    for (TaskInstance task : client.taskInstances(dag, runId)) {
      System.out.printf("  %-28s %-12s try %d%n", task.taskId(), task.state(), task.tryNumber());
    }

    return MicromodelsCli.EXIT_OK;
  }

  @Command(
      name = "wait",
      mixinStandardHelpOptions = true,
      description = "Waits for a run to finish; exit 0 on success, 1 on failure or timeout.")
  int await(
      @Option(names = "--run-id", required = true) String runId,
      @Option(
              names = "--timeout",
              defaultValue = "PT6H",
              description = "ISO-8601 duration (default ${DEFAULT-VALUE}).")
          Duration timeout) {
    DagRun run = airflow.client().waitFor(dag, runId, timeout);
    print(run);
    return run.state().equals("success") ? MicromodelsCli.EXIT_OK : MicromodelsCli.EXIT_FAILURE;
  }

  @Command(name = "logs", mixinStandardHelpOptions = true, description = "Prints a task's log.")
  int logs(
      @Option(names = "--run-id", required = true) String runId,
      @Option(names = "--task", required = true) String task,
      @Option(names = "--try", defaultValue = "1") int tryNumber) {
    System.out.print(airflow.client().taskLog(dag, runId, task, tryNumber));
    return MicromodelsCli.EXIT_OK;
  }

  /** A date means its midnight UTC (so {@code {{ ds }}} is that date), else an ISO instant. */
  static Instant logicalInstant(String text) {
    try {
      return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    } catch (java.time.format.DateTimeParseException notADate) {
      try {
        return Instant.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw new ConfigException(
            "--logical-date '"
                + text
                + "' is neither a date (2025-09-01)"
                + " nor an instant (2025-09-01T00:00:00Z).");
      }
    }
  }

  static void print(DagRun run) {
    System.out.printf(
        "%s run %s: %s (logical date %s)%n",
        run.dagId(), run.runId(), run.state(), run.logicalDate());
  }

  static Map<String, Object> parse(String json) {
    try {
      return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new ConfigException("--conf must be a JSON object: " + e.getOriginalMessage());
    }
  }

  /** {@link #parse} as the tree {@code ClientConfigLoader.load(file, overrides)} merges in. */
  static JsonNode parseTree(String json) {
    return new ObjectMapper().valueToTree(parse(json));
  }
}
