package io.micromodels.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.features.SecretFilter;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.artifact.TrainedMicromodel;
import io.micromodels.training.artifact.TrainingSummary;
import io.micromodels.training.fit.RegularisationPath;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lineage, hyper-parameter and signature sections of a manifest, from {@code model.json} and
 * the backtest's {@code metrics.json}. Every lineage string passes {@link SecretFilter}.
 */
final class ManifestLineage {
  /** How the backtest writes a table it read: {@code <uri> @ version <n>}. */
  private static final Pattern TABLE_AT_VERSION = Pattern.compile("(\\S+) @ version (\\d+)");

  private final ObjectMapper json;

  ManifestLineage(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode lineage(ClientModel model, JsonNode metrics) {
    ObjectNode lineage = json.createObjectNode();
    TrainingSummary t = model.training();
    lineage.put("as_of", model.asOf().toString());
    lineage.put("config_hash", model.configHash());
    lineage.set("inputs", inputs(metrics.path("lineage")));
    lineage.set("training_window", window(t.windowStart().toString(), t.windowEnd().toString()));
    lineage.set(
        "validation_window", window(t.validationStart().toString(), t.windowEnd().toString()));
    ArrayNode tests = lineage.putArray("test_windows");
    for (JsonNode fold : metrics.path("folds")) {
      ObjectNode w = window(fold.path("test_start").asText(), fold.path("test_end").asText());
      w.put("fold", fold.path("fold").asInt());
      w.put("train_start", fold.path("train_start").asText());
      w.put("train_end", fold.path("train_end").asText());
      tests.add(w);
    }

    ObjectNode rows = lineage.putObject("rows");
    rows.put("training", t.rows());
    rows.put("validation", t.validationRows());
    rows.put("test", metrics.path("rows").asLong());
    ObjectNode labels = lineage.putObject("fraud_labels");
    labels.put("training", t.fraudLabels());
    labels.put("validation", t.validationFraudLabels());
    labels.put("test", metrics.path("frauds").asLong());
    lineage.put("solver", t.solver());
    lineage.put("stacking_folds", t.folds());
    lineage.put("backtest_run_id", metrics.path("run_id").asText());
    lineage.put("evaluated_at", metrics.path("evaluated_at").asText());
    ObjectNode facts = lineage.putObject("facts");
    metrics
        .path("lineage")
        .fields()
        .forEachRemaining(
            f ->
                facts.put(
                    SecretFilter.redact(f.getKey()),
                    SecretFilter.redact(f.getKey(), f.getValue().asText())));
    return lineage;
  }

  /** The Delta tables the backtest read, with the versions it read them at. */
  ArrayNode inputs(JsonNode facts) {
    ArrayNode inputs = json.createArrayNode();
    facts
        .fields()
        .forEachRemaining(
            f -> {
              Matcher m = TABLE_AT_VERSION.matcher(f.getValue().asText());
              if (m.matches()) {
                String uri = SecretFilter.cleanUri(m.group(1));
                long version = Long.parseLong(m.group(2));
                ObjectNode input = inputs.addObject();
                input.put("name", f.getKey().replace(" table", "").strip());
                input.put("uri", uri);
                input.put("delta_version", version);
                // MLflow's dataset digest: names the exact snapshot, short as MLflow's own digests.
                input.put("digest", Checksums.sha256(uri + "@" + version).substring(0, 16));
              }
            });
    return inputs;
  }

  ObjectNode hyperparameters(ClientModel model) {
    ObjectNode h = json.createObjectNode();
    ArrayNode micromodels = h.putArray("micromodels");
    for (TrainedMicromodel m : model.scoring().micromodels()) {
      ObjectNode node = micromodels.addObject();
      node.put("name", m.name());
      node.put("type", m.type());
      node.put("scope", m.scope().name().toLowerCase(java.util.Locale.ROOT));
      node.set("regularisation", regularisation(m.regularisation()));
    }

    h.set(
        "combiner",
        json.createObjectNode()
            .set("regularisation", regularisation(model.scoring().combiner().regularisation())));
    JsonNode calibration = tree(model.scoring().calibration());
    h.put("calibration", calibration.path("method").asText("unknown"));
    ObjectNode fallback = h.putObject("fallback");
    fallback.put("uses_global_model", model.fallback().usesGlobalModel());
    fallback.put("reason", model.fallback().reason());
    return h;
  }

  private JsonNode regularisation(RegularisationPath path) {
    if (path == null) {
      return json.nullNode();
    }

    ObjectNode r = json.createObjectNode();
    ArrayNode points = r.putArray("path");
    path.points()
        .forEach(
            p -> {
              ObjectNode point = points.addObject();
              point.put("c", p.c());
              point.set("validation", tree(p.validation()));
            });
    r.put("chosen_c", path.chosenC());
    r.put("reason", path.reason());
    return r;
  }

  /**
   * The model's input columns (MLflow's input schema): every column a featurizer or the combiner
   * reads, except the micromodel outputs the combiner computes itself.
   */
  ArrayNode signatureInputs(ClientModel model) {
    Map<String, String> columns = new java.util.TreeMap<>();
    collectColumns(tree(model.scoring()), columns);
    ArrayNode inputs = json.createArrayNode();
    columns.forEach((name, type) -> inputs.addObject().put("name", name).put("type", type));
    return inputs;
  }

  private static void collectColumns(JsonNode node, Map<String, String> out) {
    if (node.isArray()) {
      node.forEach(n -> collectColumns(n, out));
      return;
    }

    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode v = f.getValue();
      if ((f.getKey().equals("column") || f.getKey().endsWith("_column")) && v.isTextual()) {
        out.putIfAbsent(v.asText(), "string");
      } else if (f.getKey().equals("columns") && v.isArray()) {
        v.forEach(
            c -> {
              String name = c.isTextual() ? c.asText() : c.path("name").asText();
              if (!name.isEmpty() && !name.startsWith(TrainedMicromodel.COLUMN_PREFIX)) {
                out.putIfAbsent(name, "double");
              }
            });
      } else {
        collectColumns(v, out);
      }
    }
  }

  private ObjectNode window(String start, String end) {
    ObjectNode w = json.createObjectNode();
    w.put("start", start);
    w.put("end", end);
    return w;
  }

  /** A part of the model in model.json's own naming. */
  private JsonNode tree(Object part) {
    try {
      return json.readTree(ModelFormat.render(part));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot re-read a rendered " + part.getClass(), e);
    }
  }
}
