package io.micromodels.training.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micromodels.features.config.Policy;
import java.util.Locale;
import java.util.Objects;

/**
 * Thresholds for the decision events of one segment; a policy tries its rules in order and the
 * first match wins.
 *
 * @param dimension what the segment looks at
 * @param value the country code, item category or region name to match (exact, case-sensitive)
 * @param reviewAt score at or above which a matching event is reviewed
 * @param preventAt score at or above which it is prevented (at least {@code reviewAt})
 */
public record SegmentRule(Dimension dimension, String value, double reviewAt, double preventAt) {
  /** The segment dimensions of the config ({@code segment: {country: CA}} and so on). */
  public enum Dimension {
    /** The event's {@code country}. */
    @JsonProperty("country")
    COUNTRY,
    /** Any of the event's {@code item_categories}. */
    @JsonProperty("category")
    CATEGORY,
    /** The region (client's {@code regions}) the event's country belongs to. */
    @JsonProperty("region")
    REGION;

    /** The dimension a config segment names ({@code country}, {@code category}, {@code region}). */
    public static Dimension of(String name) {
      return switch (name) {
        case "country" -> COUNTRY;
        case "category" -> CATEGORY;
        case "region" -> REGION;
        default -> throw new IllegalArgumentException("unknown segment dimension: " + name);
      };
    }
  }

  public SegmentRule {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(value, "value");
    ActionPolicy.checkBand(reviewAt, preventAt);
  }

  /** The rule a config exception compiles to. */
  public static SegmentRule of(Policy.SegmentThreshold exception) {
    return new SegmentRule(
        Dimension.of(exception.dimension()),
        exception.value(),
        exception.reviewAt(),
        exception.preventAt());
  }

  /** How the rule appears in reports: {@code category=spirits}. */
  public String segment() {
    return dimension.name().toLowerCase(Locale.ROOT) + "=" + value;
  }
}
