package io.micromodels.orchestration.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small client of Airflow's stable REST API, for Airflow 2 ({@code /api/v1}) and Airflow 3
 * ({@code /api/v2}): trigger a DAG run (idempotently, by caller-chosen run id), read runs, task
 * instances and logs, wait for a run to finish, pause and unpause a DAG. Errors become {@link
 * AirflowException}s that name the DAG or run and never contain credentials: every message, and
 * every server text handed on for printing (runs, task states, logs), passes the transport's {@link
 * SecretMask}.
 */
public final class AirflowClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration MAX_POLL = Duration.ofSeconds(30);
  private static final int MAX_DETAIL = 300;
  private final Transport transport;
  private final ApiVersion api;
  private final Sleeper sleeper;
  private final Clock clock;

  AirflowClient(Transport transport, ApiVersion api, Sleeper sleeper, Clock clock) {
    this.transport = transport;
    this.api = api;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  /** A client with real time, random jitter and the JDK's HTTP client. */
  public static AirflowClient create(
      URI base, ApiVersion api, Credentials credentials, RetryPolicy retry) {
    return create(base, api, credentials, retry, Sleeper.system(), Clock.systemUTC());
  }

  /** A client with injected waiting and time, for tests and tools. */
  public static AirflowClient create(
      URI base,
      ApiVersion api,
      Credentials credentials,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Transport transport =
        new Transport(
            http,
            base,
            api,
            credentials,
            retry,
            sleeper,
            () -> ThreadLocalRandom.current().nextDouble(),
            clock);
    return new AirflowClient(transport, api, sleeper, clock);
  }

  /**
   * Triggers {@code dagId} with {@code conf} under {@code runId}. If that run id exists already
   * (HTTP 409), returns the existing run instead: triggering twice is safe.
   */
  public DagRun trigger(String dagId, String runId, Map<String, Object> conf) {
    return trigger(dagId, runId, conf, null);
  }

  /**
   * Triggers with a logical date (the DAGs' as-of, {@code {{ ds }}}): backfills and manual runs of
   * scheduled DAGs need one, because Airflow 3 leaves {@code ds} undefined for a run triggered with
   * {@code logical_date: null}. A null {@code logicalDate} lets Airflow choose.
   */
  public DagRun trigger(String dagId, String runId, Map<String, Object> conf, Instant logicalDate) {
    ObjectNode body = JSON.createObjectNode();
    body.put("dag_run_id", runId);
    body.set("conf", JSON.valueToTree(conf));
    if (logicalDate != null) {
      body.put("logical_date", logicalDate.toString());
    } else if (api == ApiVersion.V2) {
      body.putNull("logical_date"); // the v2 request requires the key
    }

    Transport.Response response =
        transport.send("POST", "/dags/" + segment(dagId) + "/dagRuns", body);
    if (response.status() == 409) {
      return run(dagId, runId);
    }

    return dagRun(expect(response, "trigger DAG " + dagId + " as run " + runId));
  }

  /** The run {@code runId} of {@code dagId}. */
  public DagRun run(String dagId, String runId) {
    return dagRun(
        expect(
            transport.send("GET", runPath(dagId, runId), null),
            "read run " + runId + " of DAG " + dagId));
  }

  /** The most recent runs of a DAG, newest first, at most {@code limit}. */
  public List<DagRun> runs(String dagId, int limit) {
    JsonNode body =
        expect(
            transport.send(
                "GET",
                "/dags/" + segment(dagId) + "/dagRuns?limit=" + limit + "&order_by=-start_date",
                null),
            "list runs of DAG " + dagId);
    List<DagRun> runs = new ArrayList<>();
    body.path("dag_runs").forEach(node -> runs.add(dagRun(node)));
    return runs;
  }

  /** The task instances of a run. */
  public List<TaskInstance> taskInstances(String dagId, String runId) {
    JsonNode body =
        expect(
            transport.send("GET", runPath(dagId, runId) + "/taskInstances", null),
            "list task instances of run " + runId + " of DAG " + dagId);
    List<TaskInstance> tasks = new ArrayList<>();
    body.path("task_instances")
        .forEach(
            node ->
                tasks.add(
                    new TaskInstance(
                        transport.masked(node.path("task_id").asText()),
                        transport.masked(text(node, "state")),
                        node.path("try_number").asInt())));
    return tasks;
  }

  /** The log of one try of one task, as text. */
  public String taskLog(String dagId, String runId, String taskId, int tryNumber) {
    JsonNode body =
        expect(
            transport.send(
                "GET",
                runPath(dagId, runId)
                    + "/taskInstances/"
                    + segment(taskId)
                    + "/logs/"
                    + tryNumber
                    + "?full_content=true",
                null),
            "read the log of task "
                + taskId
                + " (try "
                + tryNumber
                + ") of run "
                + runId
                + " of DAG "
                + dagId);
    JsonNode content = body.path("content");
    if (content.isArray()) { // Airflow 3: structured log lines
      StringBuilder text = new StringBuilder();
      content.forEach(
          line ->
              text.append(
                      line.isTextual() ? line.asText() : line.path("event").asText(line.toString()))
                  .append('\n'));
      return transport.masked(text.toString());
    }

    return transport.masked(content.asText());
  }

  /**
   * Polls a run until it succeeds or fails, backing off from 1 s to 30 s between polls; throws when
   * it is still running after {@code timeout}.
   */
  public DagRun waitFor(String dagId, String runId, Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    Duration poll = Duration.ofSeconds(1);
    while (true) {
      DagRun run = run(dagId, runId);
      if (run.isFinished()) {
        return run;
      }

      if (!clock.instant().plus(poll).isBefore(deadline)) {
        throw transport.failure(
            "Run "
                + runId
                + " of DAG "
                + dagId
                + " is still "
                + run.state()
                + " after "
                + timeout.toSeconds()
                + " s. It keeps running in Airflow;"
                + " wait again or check its task logs.",
            -1);
      }

      try {
        sleeper.sleep(poll);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw transport.failure("Interrupted while waiting for run " + runId, e);
      }

      poll = poll.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : poll.multipliedBy(2);
    }
  }

  /** Pauses a DAG: no new scheduled runs. */
  public void pause(String dagId) {
    setPaused(dagId, true);
  }

  /** Unpauses a DAG. */
  public void unpause(String dagId) {
    setPaused(dagId, false);
  }

  private void setPaused(String dagId, boolean paused) {
    ObjectNode body = JSON.createObjectNode().put("is_paused", paused);
    expect(
        transport.send("PATCH", "/dags/" + segment(dagId) + "?update_mask=is_paused", body),
        (paused ? "pause" : "unpause") + " DAG " + dagId);
  }

  private JsonNode expect(Transport.Response response, String what) {
    int status = response.status();
    if (status / 100 == 2 && response.body() != null) {
      return response.body();
    }

    String detail =
        response.body() == null
            ? ""
            : ": "
                + capped(
                    transport.masked(
                        response
                            .body()
                            .path("detail")
                            .asText(response.body().path("title").asText(""))));
    String at = " (Airflow at " + transport.base() + ", HTTP " + status + detail + ")";
    throw transport.failure(
        switch (status) {
          case 401, 403 ->
              "Cannot "
                  + what
                  + ": Airflow refused the credentials"
                  + at
                  + ". Check "
                  + Credentials.USERNAME_VARIABLE
                  + "/"
                  + Credentials.PASSWORD_VARIABLE
                  + " and the user's permissions.";
          case 404 -> "Cannot " + what + ": not found" + at + ". Check the DAG id and run id.";
          default -> "Cannot " + what + at + ".";
        },
        status);
  }

  /** A server's detail is quoted, not dumped: masked first, so no cut leaves part of a secret. */
  private static String capped(String detail) {
    return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "...";
  }

  /** A run as the server describes it; its texts are printed, so they are masked too. */
  private DagRun dagRun(JsonNode node) {
    return new DagRun(
        transport.masked(node.path("dag_id").asText()),
        transport.masked(node.path("dag_run_id").asText()),
        transport.masked(node.path("state").asText()),
        transport.masked(text(node, "logical_date")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static String runPath(String dagId, String runId) {
    return "/dags/" + segment(dagId) + "/dagRuns/" + segment(runId);
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
