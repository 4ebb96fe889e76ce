package io.micromodels.evaluation.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A tiny W3C WebDriver client: starts chromedriver on a free loopback port and drives one headless
 * Chromium session. Every wait is bounded; {@link #close} ends the session and the driver.
 */
final class ChromeSession implements AutoCloseable {
  static final Duration MAX_WAIT = Duration.ofSeconds(20);

  /** The W3C key under which an element reference travels. */
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private String sessionId;

  private ChromeSession(Process driver, int port) {
    this.driver = driver;
    this.base = "http://127.0.0.1:" + port;
  }

  /** Starts chromedriver and a session whose downloads land in {@code downloads}. */
  static ChromeSession start(Path chromedriver, Path chromium, Path downloads, Path driverLog)
      throws IOException, InterruptedException {
    int port = freePort();
    Process process =
        new ProcessBuilder(chromedriver.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(driverLog.toFile())
            .start();
    ChromeSession session = new ChromeSession(process, port);
    try {
      session.awaitReady();
      session.createSession(chromium, downloads);
      return session;
    } catch (IOException | InterruptedException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(MAX_WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (!driver.isAlive()) {
        throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
      }
      try {
        if (call("GET", "/status", null).path("value").path("ready").asBoolean()) {
          return;
        }
      } catch (ConnectException notYetListening) {
        // keep polling until the deadline
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new IllegalStateException("chromedriver not ready within " + MAX_WAIT);
  }

  private void createSession(Path chromium, Path downloads)
      throws IOException, InterruptedException {
    Map<String, Object> chromeOptions =
        Map.of(
            "binary", chromium.toString(),
            "args",
                List.of(
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"),
            "prefs",
                Map.of(
                    "download.default_directory",
                    downloads.toString(),
                    "download.prompt_for_download",
                    false));
    Map<String, Object> capabilities =
        Map.of(
            "capabilities",
            Map.of(
                "alwaysMatch",
                Map.of(
                    "browserName",
                    "chrome",
                    "goog:chromeOptions",
                    chromeOptions,
                    "timeouts",
                    Map.of("script", MAX_WAIT.toMillis(), "pageLoad", MAX_WAIT.toMillis()))));
    JsonNode value = command("POST", "/session", capabilities);
    sessionId = value.path("sessionId").asText();
  }

  void navigate(String url) throws IOException, InterruptedException {
    sessionCommand("POST", "/url", Map.of("url", url));
  }

  /** The first element matching a CSS selector. */
  String find(String css) throws IOException, InterruptedException {
    return sessionCommand("POST", "/element", Map.of("using", "css selector", "value", css))
        .path(ELEMENT)
        .asText();
  }

  void sendKeys(String element, String text) throws IOException, InterruptedException {
    sessionCommand("POST", "/element/" + element + "/value", Map.of("text", text));
  }

  void click(String element) throws IOException, InterruptedException {
    sessionCommand("POST", "/element/" + element + "/click", Map.of());
  }

  /** Runs a synchronous script ({@code return ...}) and gives its value as JSON. */
  JsonNode execute(String script, Object... args) throws IOException, InterruptedException {
    return sessionCommand("POST", "/execute/sync", Map.of("script", script, "args", List.of(args)));
  }

  /** The open alert's text, or empty when none is open (WebDriver "no such alert"). */
  Optional<String> alertText() throws IOException, InterruptedException {
    JsonNode response = call("GET", "/session/" + sessionId + "/alert/text", null);
    JsonNode value = response.path("value");
    if ("no such alert".equals(value.path("error").asText())) {
      return Optional.empty();
    }
    failOnError("GET /alert/text", value);
    return Optional.of(value.asText());
  }

  private JsonNode sessionCommand(String method, String path, Object body)
      throws IOException, InterruptedException {
    return command(method, "/session/" + sessionId + path, body);
  }

  private JsonNode command(String method, String path, Object body)
      throws IOException, InterruptedException {
    JsonNode value = call(method, path, body).path("value");
    failOnError(method + " " + path, value);
    return value;
  }

  private static void failOnError(String what, JsonNode value) {
    if (value.isObject() && value.has("error")) {
      throw new IllegalStateException(
          "WebDriver "
              + what
              + ": "
              + value.path("error").asText()
              + ": "
              + value.path("message").asText());
    }
  }

  private JsonNode call(String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(MAX_WAIT.plusSeconds(10))
            .header("Content-Type", "application/json")
            .method(method, publisher)
            .build();
    String response = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    return response.isBlank() ? JSON.createObjectNode() : JSON.readTree(response);
  }

  @Override
  public void close() {
    try {
      if (sessionId != null) {
        call("DELETE", "/session/" + sessionId, null);
      }
    } catch (IOException | InterruptedException e) {
      // The driver goes below either way; its browser dies with it.
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    } finally {
      driver.descendants().forEach(ProcessHandle::destroy);
      driver.destroy();
      try {
        if (!driver.waitFor(5, TimeUnit.SECONDS)) {
          driver.destroyForcibly();
        }
      } catch (InterruptedException e) {
        driver.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
