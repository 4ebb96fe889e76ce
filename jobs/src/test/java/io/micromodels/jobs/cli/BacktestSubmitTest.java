package io.micromodels.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code backtest --submit} against a loopback Airflow 2 (the contract tests live in
 * orchestration).
 */
class BacktestSubmitTest {
  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void startAirflow() throws IOException {
    AirflowOptions.environment = Map.of("AIRFLOW_USERNAME", "ops", "AIRFLOW_PASSWORD", "pw-123456");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
          String runId = exchange.getRequestURI().getPath().replaceAll(".*/dagRuns/?", "");
          String state = exchange.getRequestMethod().equals("POST") ? "queued" : "success";
          byte[] reply =
              ("{\"dag_id\":\"micromodels_adhoc_backtest\",\"dag_run_id\":\""
                      + (runId.isEmpty() ? "adhoc__x" : runId)
                      + "\",\"state\":\""
                      + state
                      + "\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, reply.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    AirflowOptions.environment = System.getenv();
  }

  @Test
  void submitSendsTheHypothesisAsADagRunAndWaitsForIt() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          run(
              "backtest",
              "--submit",
              "--airflow-url",
              "http://127.0.0.1:" + server.getAddress().getPort(),
              "--api",
              "v1",
              "--clients",
              "dashfood,voltmart",
              "--as-of",
              "2025-10-01",
              "--hypothesis",
              "Basket bigrams catch champagne resellers",
              "--objective",
              "pr_auc:+0.01",
              "--wait");
    } finally {
      System.setOut(original);
    }

    assertThat(code).as(err.toString()).isZero();
    assertThat(requests.get(0))
        .startsWith("POST /api/v1/dags/micromodels_adhoc_backtest/dagRuns")
        .contains("\"hypothesis\":\"Basket bigrams catch champagne resellers\"")
        .contains("\"clients\":[\"dashfood\",\"voltmart\"]")
        .contains("\"as_of\":\"2025-10-01T23:59:59.999999Z\"")
        .contains("\"dag_run_id\":\"adhoc__");
    assertThat(requests.get(1))
        .startsWith("GET /api/v1/dags/micromodels_adhoc_backtest/dagRuns/adhoc__");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("report: backtests/adhoc__")
        .contains(": success");
    assertThat(out.toString(StandardCharsets.UTF_8) + err).doesNotContain("pw-123456");
  }

  @Test
  void airflowTriggerTakesItsOptionsAfterTheSubcommandToo() {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          run(
              "airflow",
              "trigger",
              "--airflow-url",
              "http://127.0.0.1:" + server.getAddress().getPort(),
              "--api",
              "v1",
              "--dag",
              "micromodels_nightly",
              "--run-id",
              "backfill__2025-09-01",
              "--conf",
              "{\"note\":\"rerun\"}");
    } finally {
      System.setOut(original);
    }

    assertThat(code).as(err.toString()).isZero();
    assertThat(requests)
        .singleElement()
        .asString()
        .startsWith("POST /api/v1/dags/micromodels_nightly/dagRuns")
        .contains("\"dag_run_id\":\"backfill__2025-09-01\"")
        .contains("\"note\":\"rerun\"");
    assertThat(out.toString(StandardCharsets.UTF_8) + err).doesNotContain("pw-123456");
  }

  @Test
  void aSubmissionWithoutAnObjectiveIsRefusedBeforeAnyRequest() {
    int code =
        run(
            "backtest",
            "--submit",
            "--airflow-url",
            "http://127.0.0.1:9",
            "--clients",
            "dashfood",
            "--as-of",
            "2025-10-01",
            "--hypothesis",
            "Basket bigrams catch resellers",
            "--objective",
            "better");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--objective 'better' must be metric:change");
    assertThat(requests).isEmpty();
  }

  @Test
  void aLocalBacktestChecksItsObjectiveAndConfigsBeforeAnySparkWork() {
    assertThat(
            run(
                "backtest",
                "--as-of",
                "2025-10-01",
                "--configs",
                "../data-samples/clients",
                "--clients",
                "dashfood",
                "--hypothesis",
                "Basket bigrams catch resellers",
                "--objective",
                "block_rate:0.01"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("block_rate");
    assertThat(
            run(
                "backtest",
                "--as-of",
                "2025-10-01",
                "--configs",
                "../data-samples/clients",
                "--clients",
                "dashfood",
                "--config-overrides",
                "{\"training\": {\"train_dayz\": 5}}"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("train_dayz");
  }

  @Test
  void theDagsLocalAdhocCallChecksItsConfAgain() {
    int code =
        run(
            "backtest",
            "--clients",
            "dashfood",
            "--as-of",
            "2025-10-01",
            "--hypothesis",
            "short",
            "--objective",
            "pr_auc:+0.01");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("An ad-hoc backtest needs --hypothesis");
  }

  private int run(String... args) {
    CommandLine cli = MicromodelsCli.newCommandLine();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
