package io.micromodels.features.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical JSON form of a {@link ClientConfig}: the config's own key names, every default
 * filled in, map keys sorted, list order kept (it matters: features give column order, the first
 * matching exception wins), no location-dependent paths. Its SHA-256 is the config hash recorded in
 * manifests.
 */
final class CanonicalConfig {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private CanonicalConfig() {}

  static String sha256(ClientConfig config) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(render(config).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Map<String, Object> label(LabelSpec label) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put(LabelSpec.SCOPE, lower(label.scope()));
    node.put(LabelSpec.DELAY_DAYS, label.delayDays());
    node.put(LabelSpec.EVENT_TYPES, label.eventTypes());
    if (!label.fraudWithoutLabel().equals(LabelSpec.defaultFraudWithoutLabel(label.eventTypes()))) {
      // Only when not the default: configs written before the option keep their hash.
      node.put(LabelSpec.FRAUD_WITHOUT_LABEL, label.fraudWithoutLabel());
    }
    return node;
  }

  private static Map<String, Object> backtest(BacktestSpec backtest) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put(BacktestSpec.FOLDS, backtest.folds());
    node.put(BacktestSpec.TRAIN_DAYS, backtest.trainDays());
    node.put(BacktestSpec.TEST_DAYS, backtest.testDays());
    if (backtest.reviewsPerDay() != BacktestSpec.DEFAULT_REVIEWS_PER_DAY) {
      // Only when not the default: configs written before the option keep their hash.
      node.put(BacktestSpec.REVIEWS_PER_DAY, backtest.reviewsPerDay());
    }
    if (backtest.minLabelCompleteness() != BacktestSpec.DEFAULT_MIN_LABEL_COMPLETENESS) {
      node.put(BacktestSpec.MIN_LABEL_COMPLETENESS, backtest.minLabelCompleteness());
    }
    return node;
  }

  static String render(ClientConfig c) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("client_id", c.clientId().value());
    root.put("time_zone", c.timeZone().getId());
    if (!c.nightHours().equals(NightHours.DEFAULT)) {
      // Only when set: configs written before the option keep their hash (and their models).
      root.put(
          "night_hours",
          Map.of(NightHours.FROM, c.nightHours().from(), NightHours.TO, c.nightHours().to()));
    }
    root.put("regions", c.regions());
    root.put("decision_event_types", c.decisionEventTypes());
    root.put("label", label(c.label()));
    root.put("features", c.features().stream().map(CanonicalConfig::feature).toList());
    root.put("micromodels", c.micromodels().stream().map(CanonicalConfig::micromodel).toList());
    root.put(
        "combiner",
        Map.of(
            "raw_features",
            c.model().combinerRawFeatures(),
            "regularisation",
            regularisation(c.model().combinerRegularisation())));
    root.put("calibration", Map.of("method", lower(c.model().calibration())));
    root.put("score", Map.of("mapping", lower(c.model().scoreMapping())));
    root.put("policy", policy(c.policy()));
    root.put("gates", c.gates().stream().map(CanonicalConfig::gate).toList());
    root.put(
        "training",
        Map.of(
            TrainingSpec.TRAIN_DAYS,
            c.training().trainDays(),
            TrainingSpec.VALIDATION_DAYS,
            c.training().validationDays(),
            TrainingSpec.ROW_CAP,
            c.training().rowCap()));
    root.put("backtest", backtest(c.backtest()));
    root.put("assertions", c.assertions() == null ? null : relative(c.source(), c.assertions()));
    root.put("min_fraud_labels", c.minFraudLabels());
    root.put("auto_promote", c.autoPromote());
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a client config as JSON", e);
    }
  }

  private static Map<String, Object> feature(FeatureSpec f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(FeatureSpec.ENTITY, f.entity());
    m.put(FeatureSpec.AGGREGATE, f.aggregate().key());
    m.put(FeatureSpec.OF, f.of());
    m.put(FeatureSpec.WINDOWS, f.windows().stream().map(Window::name).toList());
    m.put(FeatureSpec.DELAY, f.delay().isZero() ? null : f.delay().toDays() + "d");
    m.put(FeatureSpec.EVENT_TYPES, f.eventTypes());
    // Options newer than the hash appear only when set: older configs keep their hash.
    if (f.includeCurrent()) {
      m.put(FeatureSpec.INCLUDE_CURRENT, true);
    }

    if (f.emptyValue() != EmptyValue.defaultFor(f.aggregate())) {
      m.put(FeatureSpec.EMPTY_VALUE, f.emptyValue().spelling());
    }

    return m;
  }

  private static Map<String, Object> micromodel(MicromodelSpec m) {
    return Map.of(
        "name",
        m.name(),
        "type",
        m.type(),
        "scope",
        lower(m.scope()),
        "inputs",
        m.inputs(),
        "regularisation",
        regularisation(m.regularisation()),
        "params",
        m.params());
  }

  private static Map<String, Object> regularisation(Regularisation r) {
    return Map.of(Regularisation.GRID, r.grid());
  }

  private static Map<String, Object> policy(Policy p) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (p.style() instanceof Policy.Thresholds t) {
      List<Object> exceptions = new ArrayList<>();
      for (Policy.SegmentThreshold e : t.exceptions()) {
        exceptions.add(
            Map.of(
                "segment",
                Map.of(e.dimension(), e.value()),
                "review_at",
                e.reviewAt(),
                "prevent_at",
                e.preventAt()));
      }

      m.put(
          "thresholds",
          Map.of("review_at", t.reviewAt(), "prevent_at", t.preventAt(), "exceptions", exceptions));
    } else if (p.style() instanceof Policy.BlockRateTargets b) {
      Map<String, Object> regions = new LinkedHashMap<>();
      b.regions()
          .forEach(
              (region, target) -> {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("block_rate", target.blockRate());
                values.put("review_rate", target.reviewRate());
                regions.put(region, values);
              });
      m.put("block_rate_targets", regions);
    } else if (p.style() instanceof Policy.GlobalThreshold g) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("prevent_at", g.preventAt());
      values.put("review_at", g.reviewAt());
      m.put("global_threshold", values);
    }

    m.put("stability", p.stability() == null ? null : Map.of("mode", lower(p.stability())));
    return m;
  }

  private static Map<String, Object> gate(GateSpec g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(GateSpec.METRIC, g.metric());
    m.put(GateSpec.MIN, g.min());
    m.put(GateSpec.MAX, g.max());
    m.put(GateSpec.MAX_DROP, g.maxDrop());
    m.put(GateSpec.MAX_INCREASE, g.maxIncrease());
    return m;
  }

  /** The assertions path relative to the config's folder, with '/' separators. */
  private static String relative(Path source, Path assertions) {
    Path dir = source.toAbsolutePath().normalize().getParent();
    Path rel = dir.relativize(assertions.toAbsolutePath().normalize());
    List<String> parts = new ArrayList<>();
    rel.forEach(part -> parts.add(part.toString()));
    return String.join("/", parts);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
