package io.micromodels.features.config;

import io.micromodels.features.ConfigException;
import io.micromodels.features.EventFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code micromodels:}, {@code combiner:}, {@code calibration:} and {@code score:}. */
final class MicromodelReader {
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
        throw node.child("name").invalid("micromodel name `%s` is used twice", name);
      }

      String type = node.requiredString("type");
      Set<String> known = MicromodelKinds.known();
      if (!known.contains(type)) {
        throw node.child("type").mismatch("one of " + known);
      }

      String scope = node.string("scope", "client");
      if (!scope.equals("client") && !scope.equals("global")) {
        throw node.child("scope").mismatch("client or global");
      }

      List<String> inputs = node.strings("inputs", List.of());
      checkInputs(node.child("inputs"), inputs, featureColumns);
      if (MicromodelSpec.NUMERIC_TYPES.contains(type) && inputs.isEmpty()) {
        throw node.error(
            node.child("inputs").path(),
            "missing",
            "the feature or raw columns a " + type + " micromodel reads",
            null);
      }

      Map<String, String> params = new LinkedHashMap<>();
      node.mapping("params").forEach((k, v) -> params.put(k, v.text()));
      MicromodelSpec spec =
          new MicromodelSpec(
              name,
              type,
              scope.equals("client") ? MicromodelSpec.Scope.CLIENT : MicromodelSpec.Scope.GLOBAL,
              inputs,
              regularisation(node),
              params);
      try {
        MicromodelKinds.check(spec);
      } catch (ConfigException e) {
        throw node.invalid(e.getMessage().replaceFirst("\\.$", ""));
      }

      specs.add(spec);
    }

    return specs;
  }

  static ModelSpec model(ConfigNode root, List<String> featureColumns) {
    ModelSpec defaults = ModelSpec.defaults();
    List<String> raw = List.of();
    Regularisation combinerGrid = defaults.combinerRegularisation();
    if (root.has("combiner")) {
      ConfigNode combiner =
          root.child("combiner")
              .requireMapping()
              .allowOnly(Set.of("raw_features", "regularisation"));
      raw = combiner.strings("raw_features", List.of());
      checkInputs(combiner.child("raw_features"), raw, featureColumns);
      combinerGrid = regularisation(combiner);
    }

    ModelSpec.Calibration calibration = defaults.calibration();
    if (root.has("calibration")) {
      ConfigNode node = root.child("calibration").requireMapping().allowOnly(Set.of("method"));
      calibration =
          switch (node.string("method", "platt")) {
            case "platt" -> ModelSpec.Calibration.PLATT;
            case "isotonic" -> ModelSpec.Calibration.ISOTONIC;
            default -> throw node.child("method").mismatch("platt or isotonic");
          };
    }

    ModelSpec.ScoreMapping mapping = defaults.scoreMapping();
    if (root.has("score")) {
      ConfigNode node = root.child("score").requireMapping().allowOnly(Set.of("mapping"));
      mapping =
          switch (node.string("mapping", "probability_percent")) {
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

    ConfigNode node =
        parent
            .child("regularisation")
            .requireMapping()
            .allowOnly(
                Set.of(
                    Regularisation.GRID,
                    Regularisation.C_MIN,
                    Regularisation.C_MAX,
                    Regularisation.STEPS));
    boolean range =
        node.has(Regularisation.C_MIN)
            || node.has(Regularisation.C_MAX)
            || node.has(Regularisation.STEPS);
    if (node.has(Regularisation.GRID) == range) {
      throw node.invalid(
          "expected either `grid` (a list of C values) or `c_min`, `c_max` and"
              + " `steps` (a log-spaced range), not "
              + (range ? "both" : "neither"));
    }

    if (range) {
      return range(node);
    }

    List<Double> grid = new ArrayList<>();
    for (ConfigNode c : node.list(Regularisation.GRID)) {
      grid.add(c.asNumber(Regularisation.SMALLEST_C, Regularisation.LARGEST_C));
    }

    if (grid.isEmpty()) {
      throw node.child(Regularisation.GRID).mismatch("a non-empty list of positive C values");
    }

    return new Regularisation(grid);
  }

  private static Regularisation range(ConfigNode node) {
    for (String key : List.of(Regularisation.C_MIN, Regularisation.C_MAX, Regularisation.STEPS)) {
      if (!node.has(key)) {
        throw node.error(
            node.child(key).path(),
            "missing",
            "c_min, c_max and steps together (a log-spaced range of C values)",
            null);
      }
    }

    double cMin =
        node.number(Regularisation.C_MIN, 0, Regularisation.SMALLEST_C, Regularisation.LARGEST_C);
    double cMax =
        node.number(Regularisation.C_MAX, 0, Regularisation.SMALLEST_C, Regularisation.LARGEST_C);
    int steps = node.integer(Regularisation.STEPS, 0, 1, Regularisation.MAX_STEPS);
    if (cMin > cMax || steps == 1 && cMin != cMax) {
      throw node.invalid(
          "expected c_min <= c_max (and c_min = c_max when steps is 1), found"
              + " c_min "
              + cMin
              + ", c_max "
              + cMax
              + ", steps "
              + steps);
    }

    return Regularisation.logSpaced(cMin, cMax, steps);
  }

  private static void checkInputs(ConfigNode node, List<String> inputs, List<String> features) {
    for (String input : inputs) {
      if (!features.contains(input)
          && !EventFields.ALL.contains(input)
          && !FeatureReader.DERIVED.contains(input)) {
        throw node.invalid(
            "`%s` is neither a declared feature column nor a raw column;"
                + " declared features: %s",
            input, features);
      }
    }
  }
}
