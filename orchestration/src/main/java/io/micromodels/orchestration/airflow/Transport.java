package io.micromodels.orchestration.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.DoubleSupplier;

/**
 * HTTP to one Airflow: authentication (basic for v1; a bearer token for v2, fetched from {@code
 * /auth/token}, fetched again shortly before the expiry its JWT {@code exp} claim states, and once
 * more when a call answers 401), and retries of 5xx answers and connection failures with jittered
 * exponential backoff.
 */
final class Transport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A token this close to its expiry is replaced before use. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI base;
  private final ApiVersion api;
  private final Credentials credentials;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final DoubleSupplier jitter;
  private final Clock clock;
  private String token;
  private Instant tokenExpiry;

  /** Grows with each token fetched: an old token in a message is still a secret. */
  private SecretMask mask;

  /** A response: status and parsed JSON body (null when empty or not JSON). */
  record Response(int status, JsonNode body, String text) {}

  Transport(
      HttpClient http,
      URI base,
      ApiVersion api,
      Credentials credentials,
      RetryPolicy retry,
      Sleeper sleeper,
      DoubleSupplier jitter,
      Clock clock) {
    this.http = http;
    this.base = base;
    this.api = api;
    this.credentials = credentials;
    this.mask = SecretMask.of(credentials);
    this.retry = retry;
    this.sleeper = sleeper;
    this.jitter = jitter;
    this.clock = clock;
  }

  /** The server's address for messages: without any user:password someone put in the URL. */
  String base() {
    return base.getRawUserInfo() == null
        ? base.toString()
        : base.toString().replace(base.getRawUserInfo() + "@", "");
  }

  /**
   * The one place where the client's errors are made: whatever a message quotes (a server's {@code
   * detail}, an address, a path) leaves with every secret the client holds masked.
   */
  AirflowException failure(String message, int status) {
    return new AirflowException(mask.apply(message), status);
  }

  /** As {@link #failure(String, int)}, with a cause and no HTTP status. */
  AirflowException failure(String message, Throwable cause) {
    return new AirflowException(mask.apply(message), cause);
  }

  /** Text from the server that the client hands on to be printed (a task log), masked. */
  String masked(String text) {
    return mask.apply(text);
  }

  /** Sends {@code method api-prefix+path} with an optional JSON body. */
  Response send(String method, String path, Object body) {
    Response response = sendWithRetries(method, api.prefix() + path, body, true);
    if (response.status() == 401 && api == ApiVersion.V2) {
      token = null; // expired early or revoked: fetch a new one once
      response = sendWithRetries(method, api.prefix() + path, body, true);
    }

    return response;
  }

  private Response sendWithRetries(String method, String path, Object body, boolean authenticated) {
    Instant start = clock.instant();
    String lastError = "";
    for (int attempt = 1; ; attempt++) {
      try {
        Response response = once(method, path, body, authenticated);
        if (response.status() < 500) {
          return response;
        }

        lastError = "HTTP " + response.status();
      } catch (IOException e) {
        lastError = e.getClass().getSimpleName();
      }

      Duration delay = retry.delay(attempt, jitter.getAsDouble());
      Duration elapsed = Duration.between(start, clock.instant());
      if (attempt >= retry.maxAttempts()
          || elapsed.plus(delay).compareTo(retry.totalTimeout()) > 0) {
        throw failure(
            "Airflow at "
                + base()
                + " did not answer "
                + method
                + " "
                + path
                + " after "
                + attempt
                + " attempt(s) in "
                + elapsed.toMillis()
                + " ms (last: "
                + lastError
                + "). Check that Airflow is up and reachable, then retry.",
            -1);
      }

      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure("Interrupted while retrying " + method + " " + path, e);
      }
    }
  }

  private Response once(String method, String path, Object body, boolean authenticated)
      throws IOException {
    String root = base.toString().replaceAll("/+$", "");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (authenticated) {
      request.header("Authorization", authorization());
    }

    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }

    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), parse(response.body()), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("Interrupted during " + method + " " + path, e);
    }
  }

  private String authorization() {
    if (api == ApiVersion.V1) {
      String pair = credentials.username() + ":" + credentials.password();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    if (token == null
        || tokenExpiry != null && !clock.instant().isBefore(tokenExpiry.minus(EXPIRY_MARGIN))) {
      token = fetchToken();
      mask = mask.with(token);
      tokenExpiry = expiryOf(token);
    }

    return "Bearer " + token;
  }

  private String fetchToken() {
    var body =
        JSON.createObjectNode()
            .put("username", credentials.username())
            .put("password", credentials.password());
    Response response = sendWithRetries("POST", "/auth/token", body, false);
    JsonNode value = response.body() == null ? null : response.body().get("access_token");
    if (response.status() == 401 || response.status() == 403) {
      throw failure(
          "Airflow at "
              + base()
              + " refused the credentials when asked for"
              + " a token (HTTP "
              + response.status()
              + "). Check "
              + Credentials.USERNAME_VARIABLE
              + "/"
              + Credentials.PASSWORD_VARIABLE
              + ".",
          response.status());
    }

    if (response.status() / 100 != 2 || value == null || !value.isTextual()) {
      throw failure(
          "Airflow at "
              + base()
              + " gave no access token (HTTP "
              + response.status()
              + " from POST /auth/token). Is it Airflow 3 with an auth manager"
              + " that serves /auth/token? Use --api v1 for Airflow 2.",
          response.status());
    }

    return value.textValue();
  }

  /** The {@code exp} claim of a JWT, or null when the token is opaque or has none. */
  static Instant expiryOf(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return null;
    }

    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      JsonNode exp = claims == null ? null : claims.get("exp");
      return exp != null && exp.isNumber() ? Instant.ofEpochSecond(exp.asLong()) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }

    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
