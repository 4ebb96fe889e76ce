package io.micromodels.training.policy;

import io.micromodels.features.EventFields;
import io.micromodels.training.input.ModelInput;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's fitted action policy, as {@code model.json} stores it and the scorer applies it: the
 * first {@link SegmentRule} matching the decision event gives its thresholds, else the defaults; a
 * score at or above the prevent threshold is PREVENT, at or above the review threshold REVIEW, else
 * ALLOW. {@link PolicyFitter} compiles it from the client's config.
 *
 * @param reviewAt default review threshold (equals {@code preventAt} without a review band)
 * @param preventAt default prevent threshold
 * @param rules segment rules in the order they are tried
 * @param regionOfCountry the client's country-to-region map (for region rules)
 * @param derived how block-rate targets became thresholds (empty for fixed thresholds)
 */
public record ActionPolicy(
    double reviewAt,
    double preventAt,
    List<SegmentRule> rules,
    Map<String, String> regionOfCountry,
    List<DerivedThreshold> derived) {
  /** The list column category rules look at. */
  public static final String CATEGORIES = "item_categories";

  /** The top of the score scale, and so of every threshold. */
  public static final double MAX_THRESHOLD = 100;

  /** How {@link #segmentOf} names events no rule matches. */
  public static final String DEFAULT_SEGMENT = "default";

  public ActionPolicy {
    checkBand(reviewAt, preventAt);
    rules = List.copyOf(rules);
    // Sorted, so model.json is the same for the same inputs.
    regionOfCountry = Collections.unmodifiableMap(new TreeMap<>(regionOfCountry));
    derived = List.copyOf(derived);
  }

  /**
   * The action for a score of this decision event.
   *
   * @param score the 0..100 score
   * @param row the decision event ({@code country} and {@code item_categories} are read)
   * @throws IllegalArgumentException when {@code score} is NaN
   */
  public Action action(double score, ModelInput row) {
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score is NaN");
    }

    SegmentRule rule = ruleFor(row);
    double prevent = rule == null ? preventAt : rule.preventAt();
    double review = rule == null ? reviewAt : rule.reviewAt();
    if (score >= prevent) {
      return Action.PREVENT;
    }

    return score >= review ? Action.REVIEW : Action.ALLOW;
  }

  /**
   * The segment whose thresholds apply to this event, for per-segment reports: {@code
   * category=spirits}, {@code region=DACH}, ..., or {@value #DEFAULT_SEGMENT}.
   */
  public String segmentOf(ModelInput row) {
    SegmentRule rule = ruleFor(row);
    return rule == null ? DEFAULT_SEGMENT : rule.segment();
  }

  /** The region of this event's country, or null when it is in none. */
  public String regionOf(ModelInput row) {
    return regionOf(regionOfCountry, row);
  }

  static String regionOf(Map<String, String> regionOfCountry, ModelInput row) {
    String country = row.text(EventFields.COUNTRY);
    return country == null ? null : regionOfCountry.get(country);
  }

  private SegmentRule ruleFor(ModelInput row) {
    if (rules.isEmpty()) {
      return null;
    }

    String country = row.text(EventFields.COUNTRY);
    List<String> categories = null;
    for (SegmentRule rule : rules) {
      boolean matches =
          switch (rule.dimension()) {
            case COUNTRY -> rule.value().equals(country);
            case REGION -> country != null && rule.value().equals(regionOfCountry.get(country));
            case CATEGORY -> {
              categories = categories == null ? row.texts(CATEGORIES) : categories;
              yield categories.contains(rule.value());
            }
          };
      if (matches) {
        return rule;
      }
    }

    return null;
  }

  /** Thresholds are scores: within 0..100 (NaN fails too), review at or below prevent. */
  static void checkBand(double reviewAt, double preventAt) {
    if (!(reviewAt >= 0 && reviewAt <= preventAt && preventAt <= MAX_THRESHOLD)) {
      throw new IllegalArgumentException(
          "thresholds must lie in 0..100 with review_at <="
              + " prevent_at: "
              + reviewAt
              + ", "
              + preventAt);
    }
  }
}
