package io.micromodels.orchestration.airflow;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback HTTP server that plays Airflow. Every request it receives and every canned response it
 * sends is validated against Airflow's official OpenAPI document of that version; violations and
 * unexpected requests are recorded (and answered 418) so tests fail on them.
 */
final class FakeAirflow implements AutoCloseable {
  private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new HashMap<>();
  private final HttpServer server;
  private final ApiVersion api;
  private final Map<String, List<Reply>> routes = new LinkedHashMap<>();
  final List<String> violations = Collections.synchronizedList(new ArrayList<>());
  final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());

  /** In a reply, stands for the request's Authorization header: a server that echoes it. */
  static final String ECHO_AUTHORIZATION = "{{authorization}}";

  private boolean checkResponses = true;

  record Reply(int status, String json) {}

  record Recorded(String method, String path, String authorization, String body) {}

  FakeAirflow(ApiVersion api) throws IOException {
    this.api = api;
    // Load the specs here, on the test's thread, so a missing spec fails the test by name
    // instead of dropping connections inside the server.
    validator("/auth/token");
    validator(api.prefix());
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Hostile answers are off the spec by design: record no violations for them. */
  FakeAirflow uncheckedResponses() {
    checkResponses = false;
    return this;
  }

  /** Answers {@code method path} with these replies in turn; the last one repeats. */
  FakeAirflow on(String method, String pathAndQuery, Reply... replies) {
    routes.put(method + " " + pathAndQuery, new ArrayList<>(List.of(replies)));
    return this;
  }

  long count(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      answer(exchange);
    } catch (RuntimeException | IOException e) {
      violations.add("the fake Airflow failed: " + e);
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    String pathAndQuery =
        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(new Recorded(method, uri.getRawPath(), authorization, body));
    OpenApiInteractionValidator validator = validator(uri.getRawPath());
    SimpleRequest.Builder request = new SimpleRequest.Builder(method, uri.getRawPath());
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] kv = pair.split("=", 2);
        request.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }

    exchange.getRequestHeaders().forEach((k, v) -> request.withHeader(k, v));
    if (!body.isEmpty()) {
      request.withBody(body);
    }

    record(validator.validateRequest(request.build()), "request " + method + " " + pathAndQuery);
    List<Reply> replies = routes.get(method + " " + pathAndQuery);
    Reply reply;
    if (replies == null) {
      violations.add("unexpected request " + method + " " + pathAndQuery);
      reply = new Reply(418, "{\"detail\":\"unexpected\"}");
    } else {
      reply = replies.size() > 1 ? replies.remove(0) : replies.get(0);
      reply =
          new Reply(
              reply.status(),
              reply.json().replace(ECHO_AUTHORIZATION, String.valueOf(authorization)));
      // 5xx answers stand for a proxy or a crashed server, which the specs do not describe.
      if (reply.status() < 500 && checkResponses) {
        record(
            validator.validateResponse(
                uri.getRawPath(),
                Request.Method.valueOf(method),
                SimpleResponse.Builder.status(reply.status())
                    .withContentType("application/json")
                    .withBody(reply.json())
                    .build()),
            "response " + reply.status() + " to " + method + " " + pathAndQuery);
      }
    }

    byte[] bytes = reply.json().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void record(ValidationReport report, String what) {
    report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .forEach(
            m ->
                violations.add(
                    what
                        + ": "
                        + m.getKey()
                        + " "
                        + m.getMessage()
                        + (m.getNestedMessages().isEmpty()
                            ? ""
                            : " "
                                + m.getNestedMessages().stream()
                                    .map(n -> n.getMessage())
                                    .toList())));
  }

  private OpenApiInteractionValidator validator(String path) {
    String spec =
        path.startsWith("/auth/")
            ? "airflow3-auth.yaml"
            : api == ApiVersion.V1 ? "airflow2-v1.yaml" : "airflow3-v2.yaml";
    synchronized (VALIDATORS) {
      return VALIDATORS.computeIfAbsent(spec, FakeAirflow::load);
    }
  }

  private static OpenApiInteractionValidator load(String name) {
    Path spec = ContractSpecs.locate(name);

    return OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
        // Merge allOf parts (e.g. TaskInstanceCollection = items + CollectionInfo) before
        // checking, else each part rejects the other's properties.
        .withResolveCombinators(true)
        // Two 3.x path parameters have no type (contracts README): not our requests' fault.
        .withLevelResolver(
            LevelResolver.create()
                .withLevel(
                    "validation.request.parameter.schema.invalidJson",
                    ValidationReport.Level.IGNORE)
                .build())
        .build();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
