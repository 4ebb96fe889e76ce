package io.micromodels.orchestration.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The Airflow client against hostile answers from a real loopback server (issue #30): random status
 * codes, bodies that echo the Authorization header, the password, the token or their base64 forms,
 * bodies that are not JSON, huge bodies, missing and mistyped fields. A call either returns or
 * throws {@link AirflowException}, and neither its message nor a returned task log holds a secret
 * in any form.
 */
class AirflowAnswerProperties {
  private static final Credentials CREDENTIALS = new Credentials("ops", "pr0p-s3cret-pw");
  private static final String TOKEN = "tok-pr0p-s3cret";
  private static final String DAG = "micromodels_nightly";
  private static final String RUN = "scheduled__1";
  private static final RetryPolicy NO_WAIT =
      new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(30));
  private static final List<String> PASSWORD =
      List.of(
          CREDENTIALS.password(),
          base64(CREDENTIALS.password()),
          base64("ops:" + CREDENTIALS.password()));
  private static final List<String> SECRETS =
      List.of(
          CREDENTIALS.password(),
          TOKEN,
          base64(CREDENTIALS.password()),
          base64("ops:" + CREDENTIALS.password()),
          base64(TOKEN));

  /** One hostile answer: to the call, or to the token request before it (Airflow 3). */
  record Answer(ApiVersion api, boolean toTokenRequest, int status, String body, String kind) {
    /** What the client holds: the token only once Airflow 3 has given it one. */
    List<String> secrets() {
      return api == ApiVersion.V2 && !toTokenRequest ? SECRETS : PASSWORD;
    }

    @Override
    public String toString() {
      return api
          + (toTokenRequest ? " token " : " call ")
          + status
          + " "
          + kind
          + ": "
          + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }
  }

  @Property(tries = 50)
  void hostileAnswersGiveAirflowExceptionsWithoutSecrets(
      @ForAll("answers") Answer answer, @ForAll boolean readLog) throws IOException {
    Statistics.label("kind").collect(answer.kind());
    String call =
        readLog
            ? "/dags/" + DAG + "/dagRuns/" + RUN + "/taskInstances/t/logs/1" + "?full_content=true"
            : "/dags/" + DAG + "/dagRuns/" + RUN;
    try (FakeAirflow airflow = new FakeAirflow(answer.api()).uncheckedResponses()) {
      FakeAirflow.Reply hostile = new FakeAirflow.Reply(answer.status(), answer.body());
      FakeAirflow.Reply token = new FakeAirflow.Reply(201, "{\"access_token\":\"" + TOKEN + "\"}");
      airflow.on("POST", "/auth/token", answer.toTokenRequest() ? hostile : token);
      airflow.on(
          "GET",
          answer.api().prefix() + call,
          answer.toTokenRequest()
              ? new FakeAirflow.Reply(200, "{\"content\":\"ok\",\"dag_id\":\"" + DAG + "\"}")
              : hostile);
      AirflowClient client =
          AirflowClient.create(
              airflow.base(), answer.api(), CREDENTIALS, NO_WAIT, delay -> {}, Clock.systemUTC());

      String out;
      try {
        out = readLog ? client.taskLog(DAG, RUN, "t", 1) : client.run(DAG, RUN).toString();
        Statistics.label("outcome").collect("returned");
      } catch (AirflowException e) {
        Statistics.label("outcome").collect("AirflowException");
        out = e.getMessage();
      }

      for (String secret : answer.secrets()) {
        assertThat(out).as(answer.toString()).doesNotContain(secret);
      }
    }
  }

  @Provide
  Arbitrary<Answer> answers() {
    Arbitrary<String> leak =
        Arbitraries.oneOf(
            Arbitraries.of(SECRETS),
            Arbitraries.just(FakeAirflow.ECHO_AUTHORIZATION),
            Arbitraries.just("Authorization: " + FakeAirflow.ECHO_AUTHORIZATION));
    Arbitrary<String[]> bodies =
        leak.flatMap(
            text ->
                Arbitraries.of(
                    new String[] {"detail", "{\"detail\":\"bad " + text + "\"}"},
                    new String[] {"title", "{\"title\":\"" + text + "\",\"status\":400}"},
                    new String[] {"log", "{\"content\":\"login with " + text + "\"}"},
                    new String[] {
                      "log-lines", "{\"content\":[{\"event\":\"" + text + "\"},\"" + text + "\"]}"
                    },
                    new String[] {
                      "fields",
                      "{\"dag_id\":\"" + text + "\",\"state\":\"failed\"," + "\"dag_run_id\":\"x\"}"
                    },
                    new String[] {
                      "mistyped", "{\"detail\":{\"auth\":\"" + text + "\"},\"content\":7}"
                    },
                    new String[] {"not-json", "<html>proxy error: " + text + "</html>"},
                    new String[] {"empty", ""},
                    new String[] {"missing", "{}"},
                    new String[] {"huge", "{\"detail\":\"" + "x".repeat(200_000) + text + "\"}"},
                    new String[] {
                      "token", "{\"access_token\":" + (text.isEmpty() ? "null" : "5") + "}"
                    }));
    return Combinators.combine(
            Arbitraries.of(ApiVersion.class),
            Arbitraries.of(false, false, true),
            Arbitraries.oneOf(
                Arbitraries.of(200, 201, 400, 401, 403, 404, 409, 418, 422, 500, 502, 503),
                Arbitraries.integers().between(200, 599)),
            bodies)
        .as(
            (api, toToken, status, body) ->
                new Answer(api, toToken && api == ApiVersion.V2, status, body[1], body[0]));
  }

  private static String base64(String text) {
    return Base64.getEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
