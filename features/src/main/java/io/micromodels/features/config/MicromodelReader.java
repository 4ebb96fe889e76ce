package io.micromodels.features.config;

import io.micromodels.features.EventFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code micromodels:}, {@code combiner:}, {@code calibration:} and {@code score:}. */
final class MicromodelReader {
  /** Types with an implementation today; more register in the training module. */
  static final Set<String> KNOWN_TYPES = Set.of("email", "order_items", "tabular");
  private static final Set<String> KEYS =
      Set.of("name", "type", "scope", "inputs", "regularisation", "params");

  private MicromodelReader() {}

  static List<MicromodelSpec> read(ConfigNode root, List<String> featureColumns) {
    List<MicromodelSpec> specs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : root.list("micromodels")) {
      node.requireMapping().allowOnly(KEYS);
      String name = node.requiredString("name");
      if (!names.add(name)) {
        throw node.child("name").invalid("micromodel name `" + name + "` is used twice");
      }

      String type = node.requiredString("type");
      if (!KNOWN_TYPES.contains(type)) {
        throw node.child("type").mismatch("one of " + KNOWN_TYPES.stream().sorted().toList());
      }

      String scope = node.string("scope", "client");
      if (!scope.equals("client") && !scope.equals("global")) {
        throw node.child("scope").mismatch("client or global");
      }

      List<String> inputs = node.strings("inputs", List.of());
      checkInputs(node.child("inputs"), inputs, featureColumns);
      Map<String, String> params = new LinkedHashMap<>();
      node.mapping("params").forEach((k, v) -> params.put(k, v.text()));
      specs.add(new MicromodelSpec(name, type,
          scope.equals("client") ? MicromodelSpec.Scope.CLIENT : MicromodelSpec.Scope.GLOBAL,
          inputs, regularisation(node), params));
    }

    return specs;
  }

  static ModelSpec model(ConfigNode root, List<String> featureColumns) {
    ModelSpec defaults = ModelSpec.defaults();
    List<String> raw = List.of();
    Regularisation combinerGrid = defaults.combinerRegularisation();
    if (root.has("combiner")) {
      ConfigNode combiner = root.child("combiner").requireMapping()
          .allowOnly(Set.of("raw_features", "regularisation"));
      raw = combiner.strings("raw_features", List.of());
      checkInputs(combiner.child("raw_features"), raw, featureColumns);
      combinerGrid = regularisation(combiner);
    }

    ModelSpec.Calibration calibration = defaults.calibration();
    if (root.has("calibration")) {
      ConfigNode node = root.child("calibration").requireMapping().allowOnly(Set.of("method"));
      calibration = switch (node.string("method", "platt")) {
        case "platt" -> ModelSpec.Calibration.PLATT;
        case "isotonic" -> ModelSpec.Calibration.ISOTONIC;
        default -> throw node.child("method").mismatch("platt or isotonic");
      };
    }

    ModelSpec.ScoreMapping mapping = defaults.scoreMapping();
    if (root.has("score")) {
      ConfigNode node = root.child("score").requireMapping().allowOnly(Set.of("mapping"));
      mapping = switch (node.string("mapping", "probability_percent")) {
        case "probability_percent" -> ModelSpec.ScoreMapping.PROBABILITY_PERCENT;
        case "log_odds" -> ModelSpec.ScoreMapping.LOG_ODDS;
        default -> throw node.child("mapping").mismatch("probability_percent or log_odds");
      };
    }

    return new ModelSpec(raw, combinerGrid, calibration, mapping);
  }

  private static Regularisation regularisation(ConfigNode parent) {
    if (!parent.has("regularisation")) {
      return Regularisation.defaults();
    }

    ConfigNode node = parent.child("regularisation").requireMapping().allowOnly(Set.of("grid"));
    List<Double> grid = new ArrayList<>();
    for (ConfigNode c : node.list("grid")) {
      grid.add(c.asNumber(1e-6, 1e6));
    }

    if (grid.isEmpty()) {
      throw node.child("grid").mismatch("a non-empty list of positive C values");
    }

    return new Regularisation(grid);
  }

  private static void checkInputs(ConfigNode node, List<String> inputs, List<String> features) {
    for (String input : inputs) {
      if (!features.contains(input) && !EventFields.ALL.contains(input)
          && !FeatureReader.DERIVED.contains(input)) {
        throw node.invalid("`" + input + "` is neither a declared feature column nor a raw"
            + " column; declared features: " + features);
      }
    }
  }
}
