package io.micromodels.orchestration.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AirflowClientTest {
  private static final Credentials CREDENTIALS = new Credentials("ops", "s3cr3t-pa55");
  private static final String DAG = "micromodels_adhoc_backtest";
  private static final String RUN = "adhoc__dashfood__42";
  private static final RetryPolicy FAST =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

  private final List<Duration> sleeps = new ArrayList<>();
  private final MovingClock clock = new MovingClock();
  private final List<String> messages = new ArrayList<>();
  private FakeAirflow airflow;

  @AfterEach
  void noContractViolationsAndNoSecrets() {
    if (airflow != null) {
      airflow.close();
      assertThat(airflow.violations).as("OpenAPI violations").isEmpty();
    }

    String basic =
        Base64.getEncoder().encodeToString("ops:s3cr3t-pa55".getBytes(StandardCharsets.UTF_8));
    String password64 =
        Base64.getEncoder()
            .withoutPadding()
            .encodeToString("s3cr3t-pa55".getBytes(StandardCharsets.UTF_8));
    assertThat(messages)
        .allSatisfy(
            m ->
                assertThat(m)
                    .doesNotContain("s3cr3t-pa55")
                    .doesNotContain(basic)
                    .doesNotContain(password64)
                    .doesNotContain("tok-")
                    .doesNotContain("dG9rLW")); // base64 of "tok-"
  }

  private static String run(String state) {
    return "{\"dag_id\":\""
        + DAG
        + "\",\"dag_run_id\":\""
        + RUN
        + "\",\"state\":\""
        + state
        + "\",\"logical_date\":\"2025-10-01T00:00:00+00:00\",\"conf\":{}}";
  }

  private static String run3(String state) {
    return "{\"dag_id\":\""
        + DAG
        + "\",\"dag_run_id\":\""
        + RUN
        + "\",\"dag_display_name\":\""
        + DAG
        + "\",\"state\":\""
        + state
        + "\",\"logical_date\":null,\"queued_at\":null,"
        + "\"start_date\":null,\"end_date\":null,\"duration\":null,\"data_interval_start\":null,"
        + "\"data_interval_end\":null,\"run_after\":\"2025-10-01T00:00:00Z\","
        + "\"last_scheduling_decision\":null,\"run_type\":\"manual\",\"triggered_by\":\"rest_api\","
        + "\"triggering_user_name\":\"ops\",\"conf\":{},\"note\":null,\"dag_versions\":[],"
        + "\"bundle_version\":null}";
  }

  private AirflowClient client(ApiVersion api) throws IOException {
    airflow = new FakeAirflow(api);
    return AirflowClient.create(airflow.base(), api, CREDENTIALS, FAST, sleeps::add, clock);
  }

  private String failure(Runnable call) {
    try {
      call.run();
    } catch (AirflowException e) {
      messages.add(e.getMessage());
      return e.getMessage();
    }

    throw new AssertionError("expected an AirflowException");
  }

  @Test
  void airflow2TriggerSendsConfWithBasicAuth() throws IOException {
    AirflowClient client = client(ApiVersion.V1);
    airflow.on(
        "POST", "/api/v1/dags/" + DAG + "/dagRuns", new FakeAirflow.Reply(200, run("queued")));

    DagRun run =
        client.trigger(
            DAG, RUN, Map.of("clients", List.of("dashfood"), "hypothesis", "basket features help"));

    assertThat(run).isEqualTo(new DagRun(DAG, RUN, "queued", "2025-10-01T00:00:00+00:00"));
    FakeAirflow.Recorded request = airflow.requests.get(0);
    assertThat(request.authorization()).startsWith("Basic ");
    assertThat(request.body())
        .contains("\"dag_run_id\":\"" + RUN + "\"")
        .contains("\"hypothesis\":\"basket features help\"");
  }

  @Test
  void airflow3TriggerFetchesABearerTokenAndSendsANullLogicalDate() throws IOException {
    AirflowClient client = client(ApiVersion.V2);
    airflow.on("POST", "/auth/token", new FakeAirflow.Reply(201, "{\"access_token\":\"tok-1\"}"));
    airflow.on(
        "POST", "/api/v2/dags/" + DAG + "/dagRuns", new FakeAirflow.Reply(200, run3("queued")));

    DagRun run = client.trigger(DAG, RUN, Map.of("folds", 4));

    assertThat(run.state()).isEqualTo("queued");
    assertThat(run.logicalDate()).isNull();
    assertThat(airflow.requests.get(1).authorization()).isEqualTo("Bearer tok-1");
    assertThat(airflow.requests.get(1).body()).contains("\"logical_date\":null");
  }

  @Test
  void aBackfillTriggerCarriesItsLogicalDate() throws IOException {
    AirflowClient client = client(ApiVersion.V2);
    airflow.on("POST", "/auth/token", new FakeAirflow.Reply(201, "{\"access_token\":\"tok-1\"}"));
    airflow.on(
        "POST", "/api/v2/dags/" + DAG + "/dagRuns", new FakeAirflow.Reply(200, run3("queued")));

    client.trigger(DAG, RUN, Map.of(), Instant.parse("2025-09-01T00:00:00Z"));

    assertThat(airflow.requests.get(1).body())
        .contains("\"logical_date\":\"2025-09-01T00:00:00Z\"");
  }

  @Test
  void aPasswordInTheUrlNeverReachesAMessage() throws IOException {
    airflow = new FakeAirflow(ApiVersion.V1);
    airflow.close();
    java.net.URI withUser =
        java.net.URI.create("http://ops:s3cr3t-pa55@127.0.0.1:" + airflow.base().getPort());
    AirflowClient client =
        AirflowClient.create(withUser, ApiVersion.V1, CREDENTIALS, FAST, sleeps::add, clock);

    assertThat(failure(() -> client.run(DAG, RUN)))
        .contains("Airflow at http://127.0.0.1:" + airflow.base().getPort() + " did not answer");
  }

  @Test
  void anExpiredTokenIsRefreshedOnce() throws IOException {
    AirflowClient client = client(ApiVersion.V2);
    airflow.on(
        "POST",
        "/auth/token",
        new FakeAirflow.Reply(201, "{\"access_token\":\"tok-1\"}"),
        new FakeAirflow.Reply(201, "{\"access_token\":\"tok-2\"}"));
    airflow.on(
        "GET",
        "/api/v2/dags/" + DAG + "/dagRuns/" + RUN,
        new FakeAirflow.Reply(200, run3("running")),
        new FakeAirflow.Reply(401, "{\"detail\":\"Token expired\"}"),
        new FakeAirflow.Reply(200, run3("success")));

    client.run(DAG, RUN);
    DagRun later = client.run(DAG, RUN);

    assertThat(later.state()).isEqualTo("success");
    assertThat(airflow.count("POST", "/auth/token")).isEqualTo(2);
    assertThat(airflow.requests.get(airflow.requests.size() - 1).authorization())
        .isEqualTo("Bearer tok-2");
  }

  @Test
  void aTokenIsReplacedBeforeItsJwtExpiryWithoutWaitingForA401() throws IOException {
    AirflowClient client = client(ApiVersion.V2);
    long start = clock.instant().getEpochSecond();
    String first = jwt(start + 300);
    String second = jwt(start + 3600);
    airflow.on(
        "POST",
        "/auth/token",
        new FakeAirflow.Reply(201, "{\"access_token\":\"" + first + "\"}"),
        new FakeAirflow.Reply(201, "{\"access_token\":\"" + second + "\"}"));
    airflow.on(
        "GET",
        "/api/v2/dags/" + DAG + "/dagRuns/" + RUN,
        new FakeAirflow.Reply(200, run3("running")));

    client.run(DAG, RUN);
    sleeps.add(Duration.ofSeconds(200)); // still 100 s left: the token is kept
    client.run(DAG, RUN);
    sleeps.add(Duration.ofSeconds(80)); // 20 s left, inside the 30 s margin: replaced
    client.run(DAG, RUN);

    assertThat(airflow.count("POST", "/auth/token")).isEqualTo(2);
    assertThat(airflow.requests)
        .filteredOn(r -> r.path().startsWith("/api/v2"))
        .extracting(FakeAirflow.Recorded::authorization)
        .containsExactly("Bearer " + first, "Bearer " + first, "Bearer " + second);
    assertThat(messages).noneMatch(m -> m.contains(first) || m.contains(second));
  }

  private static String jwt(long exp) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString(
            "{\"alg\":\"HS512\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + url.encodeToString(
            ("{\"sub\":\"1\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8))
        + ".c2lnbmF0dXJl";
  }

  @Test
  void aServerEchoingTheCredentialsGetsThemMaskedInMessagesAndOutput() throws IOException {
    String password64 =
        Base64.getEncoder().encodeToString("s3cr3t-pa55".getBytes(StandardCharsets.UTF_8));
    String echo =
        "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":%d,"
            + "\"detail\":\"rejected Authorization: "
            + FakeAirflow.ECHO_AUTHORIZATION
            + " (password s3cr3t-pa55, base64 "
            + password64
            + ")\"}";
    AirflowClient v1 = client(ApiVersion.V1);
    airflow.on(
        "GET",
        "/api/v1/dags/" + DAG + "/dagRuns/" + RUN,
        new FakeAirflow.Reply(401, String.format(echo, 401)));
    airflow.on(
        "GET",
        "/api/v1/dags/"
            + DAG
            + "/dagRuns/"
            + RUN
            + "/taskInstances/t/logs/1"
            + "?full_content=true",
        new FakeAirflow.Reply(
            200,
            "{\"content\":\"curl -H '"
                + FakeAirflow.ECHO_AUTHORIZATION
                + "' -u ops:s3cr3t-pa55\"}"));

    String printed =
        printedDuring(
            () -> {
              assertThat(failure(() -> v1.run(DAG, RUN)))
                  .contains("rejected Authorization: Basic ***")
                  .contains("password ***, base64 ***");
              assertThat(v1.taskLog(DAG, RUN, "t", 1)).isEqualTo("curl -H 'Basic ***' -u ***");
            });
    airflow.close();
    assertThat(airflow.violations).isEmpty();

    AirflowClient v2 = client(ApiVersion.V2);
    airflow.on(
        "POST",
        "/auth/token",
        new FakeAirflow.Reply(201, "{\"access_token\":\"tok-echoed-secret\"}"));
    airflow.on(
        "GET",
        "/api/v2/dags/" + DAG + "/dagRuns/" + RUN,
        new FakeAirflow.Reply(
            403,
            "{\"detail\":\"token "
                + FakeAirflow.ECHO_AUTHORIZATION
                + " lacks access; base64 "
                + Base64.getEncoder()
                    .encodeToString("tok-echoed-secret".getBytes(StandardCharsets.UTF_8))
                + "\"}"));

    printed +=
        printedDuring(
            () ->
                assertThat(failure(() -> v2.run(DAG, RUN)))
                    .contains("token Bearer *** lacks access; base64 ***"));
    messages.add(printed); // the @AfterEach check covers the output as well
  }

  /** What the code prints to standard output and error while it runs. */
  private static String printedDuring(Runnable code) {
    java.io.PrintStream out = System.out;
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream capture = new java.io.PrintStream(printed, true, StandardCharsets.UTF_8);
    System.setOut(capture);
    System.setErr(capture);
    try {
      code.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void retriggeringAnExistingRunIdReturnsTheExistingRun() throws IOException {
    AirflowClient client = client(ApiVersion.V1);
    airflow.on(
        "POST",
        "/api/v1/dags/" + DAG + "/dagRuns",
        new FakeAirflow.Reply(
            409,
            "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"DAGRun already exists\"}"));
    airflow.on(
        "GET",
        "/api/v1/dags/" + DAG + "/dagRuns/" + RUN,
        new FakeAirflow.Reply(200, run("running")));

    DagRun run = client.trigger(DAG, RUN, Map.of());

    assertThat(run.state()).isEqualTo("running");
  }

  @Test
  void errorsNameTheDagOrRunAndTheCredentialsProblem() throws IOException {
    AirflowClient client = client(ApiVersion.V1);
    String error = "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}";
    airflow.on(
        "GET",
        "/api/v1/dags/nope/dagRuns/r1",
        new FakeAirflow.Reply(404, String.format(error, "Not Found", 404, "DAG not found")));
    airflow.on(
        "GET",
        "/api/v1/dags/" + DAG + "/dagRuns/" + RUN,
        new FakeAirflow.Reply(401, String.format(error, "Unauthorized", 401, "bad login")));

    assertThat(failure(() -> client.run("nope", "r1")))
        .startsWith("Cannot read run r1 of DAG nope: not found")
        .contains("HTTP 404: DAG not found");
    assertThat(failure(() -> client.run(DAG, RUN)))
        .contains("Airflow refused the credentials")
        .contains("AIRFLOW_USERNAME");
  }

  @Test
  void airflow3ErrorsMapToCredentialsAndNotFoundMessages() throws IOException {
    AirflowClient client = client(ApiVersion.V2);
    airflow.on("POST", "/auth/token", new FakeAirflow.Reply(201, "{\"access_token\":\"tok-1\"}"));
    airflow.on(
        "GET",
        "/api/v2/dags/" + DAG + "/dagRuns/" + RUN,
        new FakeAirflow.Reply(403, "{\"detail\":\"Forbidden\"}"));
    airflow.on(
        "GET",
        "/api/v2/dags/nope/dagRuns/r1",
        new FakeAirflow.Reply(404, "{\"detail\":\"The Dag with ID: `nope` was not found\"}"));
    airflow.on(
        "GET",
        "/api/v2/dags/" + DAG + "/dagRuns/r2",
        new FakeAirflow.Reply(401, "{\"detail\":\"Not authenticated\"}"));

    assertThat(failure(() -> client.run(DAG, RUN)))
        .startsWith(
            "Cannot read run " + RUN + " of DAG " + DAG + ": Airflow refused the credentials")
        .contains("HTTP 403");
    assertThat(failure(() -> client.run("nope", "r1")))
        .startsWith("Cannot read run r1 of DAG nope: not found")
        .contains("`nope` was not found");
    assertThat(failure(() -> client.run(DAG, "r2")))
        .contains("Airflow refused the credentials")
        .contains("HTTP 401");
    assertThat(airflow.count("GET", "/api/v2/dags/" + DAG + "/dagRuns/r2"))
        .as("a 401 fetches a new token and repeats the call once, no more")
        .isEqualTo(2);
  }

  @Test
  void aRefusedTokenRequestSaysTheCredentialsAreWrong() throws IOException {
    AirflowClient client = client(ApiVersion.V2);
    airflow.on(
        "POST", "/auth/token", new FakeAirflow.Reply(401, "{\"detail\":\"Invalid credentials\"}"));

    assertThat(failure(() -> client.run(DAG, RUN)))
        .contains("refused the credentials when asked for a token (HTTP 401)")
        .contains("AIRFLOW_USERNAME");
    assertThat(airflow.requests)
        .singleElement()
        .satisfies(r -> assertThat(r.authorization()).isNull());
  }

  @Test
  void retriesStopWhenTheTotalTimeWouldBeExceeded() throws IOException {
    airflow = new FakeAirflow(ApiVersion.V1);
    airflow.on("GET", "/api/v1/dags/" + DAG + "/dagRuns/" + RUN, new FakeAirflow.Reply(502, "{}"));
    RetryPolicy policy =
        new RetryPolicy(50, Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10));
    Transport transport =
        new Transport(
            java.net.http.HttpClient.newHttpClient(),
            airflow.base(),
            ApiVersion.V1,
            CREDENTIALS,
            policy,
            sleeps::add,
            () -> 0.999,
            clock);
    AirflowClient client = new AirflowClient(transport, ApiVersion.V1, sleeps::add, clock);

    assertThat(failure(() -> client.run(DAG, RUN))).contains("last: HTTP 502");
    Duration slept = sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(slept).isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(sleeps).hasSizeLessThan(49);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(990), Duration.ofSeconds(1));
    assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(3900), Duration.ofSeconds(4));
  }

  @Test
  void serverErrorsAreRetriedWithJitteredBackoffThenSucceed() throws IOException {
    AirflowClient client = client(ApiVersion.V1);
    airflow.on(
        "GET",
        "/api/v1/dags/" + DAG + "/dagRuns/" + RUN,
        new FakeAirflow.Reply(503, "{}"),
        new FakeAirflow.Reply(503, "{}"),
        new FakeAirflow.Reply(200, run("success")));

    assertThat(client.run(DAG, RUN).state()).isEqualTo("success");
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
    assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
  }

  @Test
  void persistentServerErrorsFailAfterTheAttemptLimit() throws IOException {
    AirflowClient client = client(ApiVersion.V1);
    airflow.on("GET", "/api/v1/dags/" + DAG + "/dagRuns/" + RUN, new FakeAirflow.Reply(503, "{}"));

    assertThat(failure(() -> client.run(DAG, RUN)))
        .contains("did not answer GET /api/v1/dags/" + DAG + "/dagRuns/" + RUN)
        .contains("after 4 attempt(s)")
        .contains("last: HTTP 503");
    assertThat(airflow.count("GET", "/api/v1/dags/" + DAG + "/dagRuns/" + RUN)).isEqualTo(4);
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void anUnreachableAirflowIsRetriedThenReportedClearly() throws IOException {
    AirflowClient client = client(ApiVersion.V1);
    airflow.close();

    assertThat(failure(() -> client.run(DAG, RUN)))
        .contains("Airflow at " + airflow.base() + " did not answer")
        .contains("ConnectException");
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void waitPollsWithBackoffUntilTheRunFinishes() throws IOException {
    AirflowClient client = client(ApiVersion.V1);
    airflow.on(
        "GET",
        "/api/v1/dags/" + DAG + "/dagRuns/" + RUN,
        new FakeAirflow.Reply(200, run("queued")),
        new FakeAirflow.Reply(200, run("running")),
        new FakeAirflow.Reply(200, run("failed")));

    DagRun run = client.waitFor(DAG, RUN, Duration.ofMinutes(5));

    assertThat(run.state()).isEqualTo("failed");
    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void waitGivesUpAtItsTimeout() throws IOException {
    AirflowClient client = client(ApiVersion.V1);
    airflow.on(
        "GET",
        "/api/v1/dags/" + DAG + "/dagRuns/" + RUN,
        new FakeAirflow.Reply(200, run("running")));

    assertThat(failure(() -> client.waitFor(DAG, RUN, Duration.ofSeconds(10))))
        .isEqualTo(
            "Run "
                + RUN
                + " of DAG "
                + DAG
                + " is still running after 10 s. It keeps"
                + " running in Airflow; wait again or check its task logs.");
    assertThat(sleeps.stream().mapToLong(Duration::toSeconds).sum()).isLessThanOrEqualTo(10);
  }

  @Test
  void taskInstancesLogsAndPauseSpeakBothVersions() throws IOException {
    AirflowClient client = client(ApiVersion.V1);
    airflow.on(
        "GET",
        "/api/v1/dags/" + DAG + "/dagRuns/" + RUN + "/taskInstances",
        new FakeAirflow.Reply(
            200,
            "{\"task_instances\":[{\"task_id\":\"backtest\","
                + "\"state\":\"success\",\"try_number\":1}],\"total_entries\":1}"));
    airflow.on(
        "GET",
        "/api/v1/dags/"
            + DAG
            + "/dagRuns/"
            + RUN
            + "/taskInstances/backtest/logs/1?full_content=true",
        new FakeAirflow.Reply(200, "{\"content\":\"report at /reports/x.html\"}"));
    airflow.on(
        "PATCH",
        "/api/v1/dags/" + DAG + "?update_mask=is_paused",
        new FakeAirflow.Reply(200, "{\"dag_id\":\"" + DAG + "\",\"is_paused\":true}"));

    assertThat(client.taskInstances(DAG, RUN))
        .containsExactly(new TaskInstance("backtest", "success", 1));
    assertThat(client.taskLog(DAG, RUN, "backtest", 1)).isEqualTo("report at /reports/x.html");
    client.pause(DAG);
    assertThat(airflow.requests.get(2).body()).isEqualTo("{\"is_paused\":true}");
  }

  @Test
  void recentRunsAreListedNewestFirstOnBothVersions() throws IOException {
    AirflowClient v1 = client(ApiVersion.V1);
    airflow.on(
        "GET",
        "/api/v1/dags/" + DAG + "/dagRuns?limit=5&order_by=-start_date",
        new FakeAirflow.Reply(200, "{\"dag_runs\":[" + run("success") + "],\"total_entries\":1}"));
    assertThat(v1.runs(DAG, 5)).extracting(DagRun::state).containsExactly("success");
    airflow.close();
    assertThat(airflow.violations).isEmpty();

    AirflowClient v2 = client(ApiVersion.V2);
    airflow.on("POST", "/auth/token", new FakeAirflow.Reply(201, "{\"access_token\":\"tok-1\"}"));
    airflow.on(
        "GET",
        "/api/v2/dags/" + DAG + "/dagRuns?limit=5&order_by=-start_date",
        new FakeAirflow.Reply(200, "{\"dag_runs\":[" + run3("failed") + "],\"total_entries\":1}"));
    assertThat(v2.runs(DAG, 5)).extracting(DagRun::state).containsExactly("failed");
  }

  @Test
  void airflow3StructuredLogLinesBecomeText() throws IOException {
    AirflowClient client = client(ApiVersion.V2);
    airflow.on("POST", "/auth/token", new FakeAirflow.Reply(201, "{\"access_token\":\"tok-1\"}"));
    airflow.on(
        "GET",
        "/api/v2/dags/"
            + DAG
            + "/dagRuns/"
            + RUN
            + "/taskInstances/backtest/logs/2?full_content=true",
        new FakeAirflow.Reply(
            200,
            "{\"content\":[{\"event\":\"starting\"},{\"event\":\"done\"}],"
                + "\"continuation_token\":null}"));

    assertThat(client.taskLog(DAG, RUN, "backtest", 2)).isEqualTo("starting\ndone\n");
  }

  @Test
  void theFakeAirflowCatchesARequestTheSpecForbids() throws Exception {
    airflow = new FakeAirflow(ApiVersion.V1);
    airflow.on(
        "POST", "/api/v1/dags/" + DAG + "/dagRuns", new FakeAirflow.Reply(200, run("queued")));
    var http = java.net.http.HttpClient.newHttpClient();

    http.send(
        java.net.http.HttpRequest.newBuilder(
                airflow.base().resolve("/api/v1/dags/" + DAG + "/dagRuns"))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"conf\":\"not an object\"}"))
            .build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(airflow.violations)
        .singleElement()
        .asString()
        .contains("request POST /api/v1/dags/" + DAG + "/dagRuns")
        .contains("conf");
    airflow.violations.clear();
  }

  @Test
  void credentialsComeFromTheEnvironmentOrAFileAndNeverShow(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("airflow.properties");
    Files.writeString(file, "username=ops\npassword=s3cr3t-pa55\n");

    Credentials fromEnv =
        Credentials.fromEnvironment(
            Map.of("AIRFLOW_USERNAME", "ops", "AIRFLOW_PASSWORD", "s3cr3t-pa55"));
    Credentials fromFile =
        Credentials.fromEnvironment(Map.of("AIRFLOW_CREDENTIALS_FILE", file.toString()));

    assertThat(fromEnv).isEqualTo(fromFile).isEqualTo(CREDENTIALS);
    messages.add(fromEnv.toString());
    assertThat(failure(() -> Credentials.fromEnvironment(Map.of("AIRFLOW_USERNAME", "ops"))))
        .contains("Airflow credentials missing: set the environment variables AIRFLOW_USERNAME");
  }

  /** A clock that moves forward by the time the client sleeps. */
  private final class MovingClock extends Clock {
    private final Instant start = Instant.parse("2025-10-01T00:00:00Z");

    @Override
    public Instant instant() {
      return start.plus(sleeps.stream().reduce(Duration.ZERO, Duration::plus));
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
