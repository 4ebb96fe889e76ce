package io.micromodels.features.config;

import io.micromodels.features.EventFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code policy:} mapping of a client config. */
final class PolicyReader {
  private static final Set<String> STYLES =
      Set.of("thresholds", "block_rate_targets", "global_threshold");
  private static final double MIN_BLOCK_RATE = 0.0001;
  private static final Set<String> SEGMENT_DIMENSIONS = Set.of("country", "category", "region");

  private PolicyReader() {}

  static Policy read(ConfigNode root, Map<String, List<String>> regions) {
    ConfigNode policy = root.child("policy");
    if (policy.isAbsent()) {
      throw root.error("policy", "missing", "one of " + STYLES.stream().sorted().toList(), null);
    }

    policy.requireMapping();
    policy.allowOnly(union(STYLES, Set.of("stability")));
    List<String> styles = STYLES.stream().filter(policy::has).sorted().toList();
    if (styles.size() != 1) {
      throw policy.invalid(
          "exactly one policy style is needed, one of "
              + STYLES.stream().sorted().toList()
              + ", found "
              + styles);
    }

    Policy.Style style =
        switch (styles.get(0)) {
          case "thresholds" -> thresholds(policy.child("thresholds"), regions);
          case "block_rate_targets" -> blockRates(policy.child("block_rate_targets"), regions);
          default -> global(policy.child("global_threshold"));
        };
    Policy.Stability stability = null;
    if (policy.has("stability")) {
      ConfigNode node = policy.child("stability").allowOnly(Set.of("mode"));
      String mode = node.requiredString("mode");
      stability =
          switch (mode) {
            case "block_rate_at_threshold" -> Policy.Stability.BLOCK_RATE_AT_THRESHOLD;
            case "fraud_rate_at_score" -> Policy.Stability.FRAUD_RATE_AT_SCORE;
            default ->
                throw node.child("mode").mismatch("block_rate_at_threshold or fraud_rate_at_score");
          };
    }

    return new Policy(style, stability);
  }

  private static Policy.Thresholds thresholds(ConfigNode node, Map<String, List<String>> regions) {
    node.requireMapping().allowOnly(Set.of("review_at", "prevent_at", "exceptions"));
    double reviewAt = score(node, "review_at");
    double preventAt = score(node, "prevent_at");
    ordered(node, reviewAt, preventAt);
    List<Policy.SegmentThreshold> exceptions = new ArrayList<>();
    Set<String> segments = new HashSet<>();
    for (ConfigNode e : node.list("exceptions")) {
      e.requireMapping().allowOnly(Set.of("segment", "review_at", "prevent_at"));
      Map<String, ConfigNode> segment = e.mapping("segment");
      if (segment.size() != 1 || !SEGMENT_DIMENSIONS.contains(segment.keySet().iterator().next())) {
        throw e.child("segment").mismatch("one of {country: XX}, {category: name}, {region: name}");
      }

      Map.Entry<String, ConfigNode> only = segment.entrySet().iterator().next();
      String value = segmentValue(only.getKey(), only.getValue(), regions);
      double review = e.has("review_at") ? score(e, "review_at") : reviewAt;
      double prevent = e.has("prevent_at") ? score(e, "prevent_at") : preventAt;
      ordered(e, review, prevent);
      if (!segments.add(only.getKey() + "=" + value)) {
        throw e.child("segment")
            .invalid(
                "segment %s = %s has an exception already; expected"
                    + " each segment once (the first match wins)",
                only.getKey(), value);
      }

      exceptions.add(new Policy.SegmentThreshold(only.getKey(), value, review, prevent));
    }

    return new Policy.Thresholds(reviewAt, preventAt, exceptions);
  }

  /** A segment's value: an ISO country, a declared region or a non-empty category. */
  private static String segmentValue(
      String dimension, ConfigNode value, Map<String, List<String>> regions) {
    return switch (dimension) {
      case "country" ->
          value.matching(EventFields.COUNTRY_PATTERN, "an ISO 3166-1 alpha-2 code such as DE");
      case "region" -> {
        String region = value.text();
        if (!regions.containsKey(region)) {
          throw value.invalid(
              "region `%s` is not declared under `regions` %s",
              region, regions.keySet().stream().sorted().toList());
        }

        yield region;
      }
      default -> {
        String category = value.text();
        if (category.isBlank()) {
          throw value.mismatch("a non-empty item category such as spirits");
        }

        yield category;
      }
    };
  }

  private static Policy.BlockRateTargets blockRates(
      ConfigNode node, Map<String, List<String>> regions) {
    Map<String, Policy.RegionTarget> targets = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> entry : node.entries().entrySet()) {
      String region = entry.getKey();
      ConfigNode target = entry.getValue();
      if (!regions.containsKey(region)) {
        throw target.invalid(
            "region `%s` is not declared under `regions` %s",
            region, regions.keySet().stream().sorted().toList());
      }

      if (target.has("block_rate") || target.has("review_rate")) {
        target.allowOnly(Set.of("block_rate", "review_rate"));
        if (!target.has("block_rate")) {
          throw target.error(
              target.child("block_rate").path(),
              "missing",
              "a target block rate within "
                  + MIN_BLOCK_RATE
                  + ".."
                  + Policy.MAX_BLOCK_RATE
                  + " (a share: 0.005 is 0.5 %)",
              null);
        }

        targets.put(
            region,
            new Policy.RegionTarget(
                target.number("block_rate", 0, MIN_BLOCK_RATE, Policy.MAX_BLOCK_RATE),
                target.optionalNumber("review_rate", 0, Policy.MAX_REVIEW_RATE)));
      } else {
        targets.put(
            region,
            new Policy.RegionTarget(target.asNumber(MIN_BLOCK_RATE, Policy.MAX_BLOCK_RATE), null));
      }
    }

    if (targets.isEmpty()) {
      throw node.mismatch("a mapping of region to target block rate, e.g. {US: 0.005}");
    }

    return new Policy.BlockRateTargets(targets);
  }

  private static Policy.GlobalThreshold global(ConfigNode node) {
    node.requireMapping().allowOnly(Set.of("prevent_at", "review_at"));
    double preventAt = score(node, "prevent_at");
    Double reviewAt = node.has("review_at") ? score(node, "review_at") : null;
    if (reviewAt != null) {
      ordered(node, reviewAt, preventAt);
    }

    return new Policy.GlobalThreshold(preventAt, reviewAt);
  }

  private static double score(ConfigNode node, String key) {
    if (!node.has(key)) {
      throw node.error(node.child(key).path(), "missing", "a score within 0..100", null);
    }

    return node.number(key, 0, 0, 100);
  }

  private static void ordered(ConfigNode node, double reviewAt, double preventAt) {
    if (reviewAt > preventAt) {
      throw node.invalid(
          "review_at (" + reviewAt + ") must not exceed prevent_at (" + preventAt + ")");
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }
}
