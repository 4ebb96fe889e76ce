package io.micromodels.features;

/**
 * The valid label events of one type in an ingest's input, by their {@code label} field. What a
 * client's features make of them (fraud, genuine, or unusable, with the reason) depends on its
 * {@code label} configuration and is counted by the feature build (DESIGN.md §3.2).
 *
 * @param fraud rows with {@code label = 1}
 * @param genuine rows with {@code label = 0}
 * @param noLabel rows without a {@code label} (fraud for chargebacks and fraud reports by default)
 * @param noReference rows without a {@code ref_event_id} (usable only with {@code label.scope:
 *     customer})
 */
public record LabelEventCounts(long fraud, long genuine, long noLabel, long noReference) {
  public static final LabelEventCounts NONE = new LabelEventCounts(0, 0, 0, 0);

  public long total() {
    return fraud + genuine + noLabel;
  }

  public LabelEventCounts plus(LabelEventCounts other) {
    return new LabelEventCounts(
        fraud + other.fraud,
        genuine + other.genuine,
        noLabel + other.noLabel,
        noReference + other.noReference);
  }
}
