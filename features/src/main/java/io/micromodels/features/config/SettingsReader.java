package io.micromodels.features.config;

import io.micromodels.features.EventFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code label:}, {@code night_hours:}, {@code gates:}, {@code training:} and {@code
 * backtest:}.
 */
final class SettingsReader {
  static final String EVENT_TYPE = "an event type such as order ([a-z][a-z0-9_]*)";

  private SettingsReader() {}

  static LabelSpec label(ConfigNode root) {
    if (!root.has("label")) {
      return LabelSpec.defaults();
    }

    ConfigNode label =
        root.child("label")
            .requireMapping()
            .allowOnly(
                Set.of(
                    LabelSpec.SCOPE,
                    LabelSpec.DELAY_DAYS,
                    LabelSpec.EVENT_TYPES,
                    LabelSpec.FRAUD_WITHOUT_LABEL));
    String scope = label.string(LabelSpec.SCOPE, "event");
    if (!scope.equals("event") && !scope.equals("customer")) {
      throw label.child(LabelSpec.SCOPE).mismatch("event or customer");
    }

    List<String> types =
        label.strings(
            LabelSpec.EVENT_TYPES,
            LabelSpec.DEFAULT_EVENT_TYPES,
            EventFields.EVENT_TYPE_PATTERN,
            EVENT_TYPE);
    if (types.isEmpty()) {
      throw label.child(LabelSpec.EVENT_TYPES).mismatch("at least one label event type");
    }

    List<String> fraudWithoutLabel =
        label.strings(
            LabelSpec.FRAUD_WITHOUT_LABEL,
            LabelSpec.defaultFraudWithoutLabel(types),
            EventFields.EVENT_TYPE_PATTERN,
            EVENT_TYPE);
    for (String type : fraudWithoutLabel) {
      if (!types.contains(type)) {
        throw label
            .child(LabelSpec.FRAUD_WITHOUT_LABEL)
            .mismatch("label event types listed in label.event_types " + types + ", not " + type);
      }
    }

    return new LabelSpec(
        scope.equals("event") ? LabelSpec.Scope.EVENT : LabelSpec.Scope.CUSTOMER,
        label.integer(
            LabelSpec.DELAY_DAYS, LabelSpec.DEFAULT_DELAY_DAYS, 0, LabelSpec.MAX_DELAY_DAYS),
        types,
        fraudWithoutLabel);
  }

  static NightHours nightHours(ConfigNode root) {
    if (!root.has("night_hours")) {
      return NightHours.DEFAULT;
    }

    ConfigNode node =
        root.child("night_hours")
            .requireMapping()
            .allowOnly(Set.of(NightHours.FROM, NightHours.TO));
    for (String key : List.of(NightHours.FROM, NightHours.TO)) {
      if (!node.has(key)) {
        throw node.error(
            node.child(key).path(),
            "missing",
            "a local hour 0..23 (night is `from` inclusive to `to` exclusive, e.g."
                + " {from: 22, to: 6})",
            null);
      }
    }

    int from = node.integer(NightHours.FROM, 0, 0, 23);
    int to = node.integer(NightHours.TO, 0, 0, 23);
    if (from == to) {
      throw node.child(NightHours.TO)
          .invalid(
              "`to` ("
                  + to
                  + ") must differ from `from`: the"
                  + " night runs from `from` inclusive to `to` exclusive, wrapping past midnight when"
                  + " from > to (e.g. {from: 22, to: 6})");
    }

    return new NightHours(from, to);
  }

  static List<GateSpec> gates(ConfigNode root) {
    if (!root.has("gates")) {
      return GateSpec.defaults();
    }

    List<GateSpec> gates = new ArrayList<>();
    for (ConfigNode gate : root.list("gates")) {
      gate.requireMapping()
          .allowOnly(
              Set.of(
                  GateSpec.METRIC,
                  GateSpec.MIN,
                  GateSpec.MAX,
                  GateSpec.MAX_DROP,
                  GateSpec.MAX_INCREASE));
      String metric = gate.requiredString(GateSpec.METRIC);
      if (!GateSpec.METRICS.contains(metric)) {
        String suggestion = ConfigNode.closest(metric, GateSpec.METRICS);
        throw gate.error(
            gate.child(GateSpec.METRIC).path(),
            "unknown metric",
            "one of "
                + GateSpec.METRICS.stream().sorted().toList()
                + (suggestion == null ? "" : " (did you mean `" + suggestion + "`?)"),
            "\"" + metric + "\"");
      }

      double huge = 1e12;
      Double min = gate.optionalNumber(GateSpec.MIN, -huge, huge);
      Double max = gate.optionalNumber(GateSpec.MAX, -huge, huge);
      Double maxDrop = gate.optionalNumber(GateSpec.MAX_DROP, 0, huge);
      Double maxIncrease = gate.optionalNumber(GateSpec.MAX_INCREASE, 0, huge);
      if (min == null && max == null && maxDrop == null && maxIncrease == null) {
        throw gate.invalid("a gate needs at least one of min, max, max_drop, max_increase");
      }

      if (min != null && max != null && min > max) {
        throw gate.invalid("min (" + min + ") must not exceed max (" + max + ")");
      }

      gates.add(new GateSpec(metric, min, max, maxDrop, maxIncrease));
    }

    return gates;
  }

  static TrainingSpec training(ConfigNode root) {
    if (!root.has("training")) {
      return TrainingSpec.defaults();
    }

    ConfigNode node =
        root.child("training")
            .requireMapping()
            .allowOnly(
                Set.of(
                    TrainingSpec.TRAIN_DAYS, TrainingSpec.VALIDATION_DAYS, TrainingSpec.ROW_CAP));
    int trainDays =
        node.integer(
            TrainingSpec.TRAIN_DAYS,
            TrainingSpec.DEFAULT_TRAIN_DAYS,
            TrainingSpec.MIN_TRAIN_DAYS,
            TrainingSpec.MAX_TRAIN_DAYS);
    int validationDays =
        node.integer(
            TrainingSpec.VALIDATION_DAYS,
            TrainingSpec.DEFAULT_VALIDATION_DAYS,
            1,
            TrainingSpec.MAX_TRAIN_DAYS);
    if (validationDays >= trainDays) {
      throw node.child(TrainingSpec.VALIDATION_DAYS)
          .invalid(
              "validation_days ("
                  + validationDays
                  + ") must be less than train_days ("
                  + trainDays
                  + "): the validation slice is the end"
                  + " of the training window");
    }

    return new TrainingSpec(
        trainDays,
        validationDays,
        node.integer(
            TrainingSpec.ROW_CAP,
            TrainingSpec.DEFAULT_ROW_CAP,
            TrainingSpec.MIN_ROW_CAP,
            TrainingSpec.MAX_ROW_CAP));
  }

  static BacktestSpec backtest(ConfigNode root) {
    if (!root.has("backtest")) {
      return BacktestSpec.defaults();
    }

    ConfigNode node =
        root.child("backtest")
            .requireMapping()
            .allowOnly(
                Set.of(
                    BacktestSpec.FOLDS,
                    BacktestSpec.TRAIN_DAYS,
                    BacktestSpec.TEST_DAYS,
                    BacktestSpec.REVIEWS_PER_DAY,
                    BacktestSpec.MIN_LABEL_COMPLETENESS));
    return new BacktestSpec(
        node.integer(BacktestSpec.FOLDS, BacktestSpec.DEFAULT_FOLDS, 1, BacktestSpec.MAX_FOLDS),
        node.integer(
            BacktestSpec.TRAIN_DAYS,
            BacktestSpec.DEFAULT_TRAIN_DAYS,
            TrainingSpec.MIN_TRAIN_DAYS,
            TrainingSpec.MAX_TRAIN_DAYS),
        node.integer(
            BacktestSpec.TEST_DAYS, BacktestSpec.DEFAULT_TEST_DAYS, 1, BacktestSpec.MAX_TEST_DAYS),
        node.integer(
            BacktestSpec.REVIEWS_PER_DAY,
            BacktestSpec.DEFAULT_REVIEWS_PER_DAY,
            1,
            BacktestSpec.MAX_REVIEWS_PER_DAY),
        node.number(
            BacktestSpec.MIN_LABEL_COMPLETENESS,
            BacktestSpec.DEFAULT_MIN_LABEL_COMPLETENESS,
            0,
            1));
  }
}
