package io.micromodels.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.training.artifact.ClientModel;
import java.util.List;
import java.util.Objects;

/**
 * Builds the metric manifest of DESIGN.md §3.5 ({@code manifest.schema.json}; field by field in
 * docs/registry-ingest.md) from the candidate's {@code model.json}, its backtest's {@code
 * metrics.json}, the publish decision and the runtime. The result is validated by {@link
 * ManifestValidator} before anything is written.
 */
public final class ManifestBuilder {
  /** The manifest layout version this code writes. */
  public static final int FORMAT_VERSION = 1;

  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ManifestLineage sections = new ManifestLineage(JSON);

  /**
   * The manifest of one release.
   *
   * @param artifacts the other files of the artifact folder (model.json, report.html, ...)
   * @throws RegistryException when the model and the backtest are of different clients
   */
  public ObjectNode build(
      ReleaseIdentity id,
      ClientModel model,
      JsonNode metrics,
      Decision decision,
      RuntimeVersions runtime,
      List<ArtifactFile> artifacts) {
    Objects.requireNonNull(metrics, "metrics");
    String client = id.ref().client();
    if (!model.clientId().equals(client) || !metrics.path("client_id").asText().equals(client)) {
      throw new RegistryException(
          "Cannot build the manifest of "
              + id.ref().registeredName()
              + ": model.json is of client "
              + model.clientId()
              + " and metrics.json of "
              + metrics.path("client_id").asText()
              + ".");
    }

    ObjectNode m = JSON.createObjectNode();
    m.put("manifest_format_version", FORMAT_VERSION);
    m.put("registered_model_name", id.ref().registeredName());
    putNullable(m, "version", id.version());
    m.putArray("aliases"); // registry state, not the release's: see the feed
    m.put("source", id.location());
    m.set("identity", identity(id, model, runtime));
    m.set("tags", tags(id, model, metrics, decision, runtime));
    ObjectNode signature = m.putObject("signature");
    signature.set("inputs", sections.signatureInputs(model));
    ArrayNode outputs = signature.putArray("outputs");
    outputs.addObject().put("name", "score").put("type", "double");
    outputs.addObject().put("name", "action").put("type", "string");
    ObjectNode lineage = sections.lineage(model, metrics);
    m.set("lineage", lineage);
    m.set("datasets", datasets(lineage.path("inputs")));
    m.set("hyperparameters", sections.hyperparameters(model));
    m.set("metrics", metrics(metrics));
    m.set("champion_comparison", championComparison(metrics));
    m.set("gate", gate(metrics.path("gate")));
    m.set(
        "hypothesis",
        metrics.path("hypothesis").isTextual() ? metrics.get("hypothesis") : JSON.nullNode());
    m.set(
        "objective",
        metrics.path("objective").isObject() ? metrics.get("objective") : JSON.nullNode());
    m.set("decision", decision(decision));
    ArrayNode files = m.putArray("artifacts");
    artifacts.forEach(
        a ->
            files
                .addObject()
                .put("path", a.name())
                .put("sha256", a.sha256())
                .put("bytes", a.bytes()));
    return m;
  }

  private static ObjectNode identity(
      ReleaseIdentity id, ClientModel model, RuntimeVersions runtime) {
    ObjectNode identity = JSON.createObjectNode();
    identity.put("client_id", id.ref().client());
    identity.put("model", id.ref().model());
    identity.put("registered_model_name", id.ref().registeredName());
    putNullable(identity, "version", id.version());
    identity.put("created_at", id.created().toString());
    identity.put("model_format_version", model.formatVersion());
    identity.put("code_version", runtime.codeVersion());
    identity.put("spark_version", runtime.sparkVersion());
    identity.put("delta_version", runtime.deltaVersion());
    identity.put("java_version", runtime.javaVersion());
    identity.put("os", runtime.os());
    identity.put("arch", runtime.arch());
    return identity;
  }

  /** MLflow model-version tags: strings only, as MLflow stores them. */
  private static ObjectNode tags(
      ReleaseIdentity id,
      ClientModel model,
      JsonNode metrics,
      Decision decision,
      RuntimeVersions runtime) {
    ObjectNode tags = JSON.createObjectNode();
    tags.put("micromodels.client_id", id.ref().client());
    tags.put("micromodels.model", id.ref().model());
    tags.put("micromodels.as_of", model.asOf().toString());
    tags.put("micromodels.config_hash", model.configHash());
    tags.put("micromodels.decision", decision.kind().label());
    tags.put(
        "micromodels.gate_passed",
        String.valueOf(metrics.path("gate").path("passed").asBoolean(false)));
    tags.put("micromodels.backtest_run_id", metrics.path("run_id").asText());
    tags.put("micromodels.uses_global_model", String.valueOf(model.fallback().usesGlobalModel()));
    tags.put("micromodels.code_version", runtime.codeVersion());
    return tags;
  }

  private static ArrayNode datasets(JsonNode inputs) {
    ArrayNode datasets = JSON.createArrayNode();
    inputs.forEach(
        in -> {
          ObjectNode d = datasets.addObject();
          d.put("name", in.path("name").asText());
          d.put("source_type", "delta");
          d.put("source", in.path("uri").asText());
          d.put("delta_version", in.path("delta_version").asLong());
          d.put("digest", in.path("digest").asText());
          d.put("context", "training");
        });
    return datasets;
  }

  private static ObjectNode metrics(JsonNode metrics) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode folds = out.putArray("folds");
    metrics
        .path("folds")
        .forEach(
            f -> {
              ObjectNode fold = folds.addObject();
              fold.put("fold", f.path("fold").asInt());
              fold.set("label_completeness", f.path("label_completeness"));
              fold.set("candidate", objectOrNull(f.path("candidate")));
              fold.set("champion", objectOrNull(f.path("champion")));
              fold.set("live", objectOrNull(f.path("live")));
            });
    JsonNode overall = metrics.path("overall");
    ObjectNode aggregated = out.putObject("aggregated");
    aggregated.set("candidate", objectOrNull(overall.path("candidate")));
    aggregated.set("champion", objectOrNull(overall.path("champion")));
    aggregated.set("live", objectOrNull(overall.path("live")));
    aggregated.set("parent", objectOrNull(overall.path("parent")));
    out.set("confidence_intervals", objectOrNull(metrics.path("confidence_intervals")));
    return out;
  }

  private static ObjectNode championComparison(JsonNode metrics) {
    ObjectNode c = JSON.createObjectNode();
    JsonNode champion = metrics.path("overall").path("champion");
    c.put("has_champion", champion.isObject() && !champion.isEmpty());
    c.set("champion", objectOrNull(champion));
    c.set("policy", objectOrNull(metrics.path("policy")));
    c.set("transitions", objectOrNull(metrics.path("transitions")));
    c.set("action_change_reasons", objectOrNull(metrics.path("action_change_reasons")));
    c.set("parent_comparison", objectOrNull(metrics.path("parent_comparison")));
    return c;
  }

  private static ObjectNode gate(JsonNode gate) {
    ObjectNode g = JSON.createObjectNode();
    g.put("passed", gate.path("passed").asBoolean(false));
    g.set(
        "failures",
        gate.path("failures").isArray() ? gate.get("failures") : JSON.createArrayNode());
    g.set("checks", gate.path("checks").isArray() ? gate.get("checks") : JSON.createArrayNode());
    return g;
  }

  private static ObjectNode decision(Decision d) {
    ObjectNode node = JSON.createObjectNode();
    node.put("kind", d.kind().label());
    node.put("actor", d.actor());
    node.put("reason", d.reason());
    ArrayNode failures = node.putArray("failed_checks");
    d.failures().forEach(failures::add);
    return node;
  }

  private static JsonNode objectOrNull(JsonNode node) {
    return node.isObject() ? node : JSON.nullNode();
  }

  private static void putNullable(ObjectNode node, String key, Integer value) {
    if (value == null) {
      node.putNull(key);
    } else {
      node.put(key, value);
    }
  }
}
