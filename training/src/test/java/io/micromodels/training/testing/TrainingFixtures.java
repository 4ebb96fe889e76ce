package io.micromodels.training.testing;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.features.config.ModelSpec;
import io.micromodels.features.config.Policy;
import io.micromodels.features.config.Regularisation;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.train.ClientSpec;
import io.micromodels.training.train.Folds;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.ModelPlan;
import io.micromodels.training.train.TrainingWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded synthetic decision events of one client with a known fraud signal: fraudsters use
 * random-looking or disposable emails, buy spirits and electronics, order in bursts from new
 * accounts; genuine customers mostly do not, with overlap.
 */
public final class TrainingFixtures {
  public static final Instant AS_OF = Instant.parse("2025-10-01T00:00:00Z");
  private static final String[] FRAUD_ITEMS = {"vodka", "champagne", "gift card", "laptop"};
  private static final String[] GENUINE_ITEMS = {"kale", "tofu", "bread", "pasta", "apples"};

  private TrainingFixtures() {}

  /** Rows of a client; the last fifth lies in the validation slice. */
  public static List<LabelledRow> rows(int n, double fraudRate, long seed) {
    Random random = new Random(seed);
    List<LabelledRow> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String customer = "c" + random.nextInt(n / 2 + 1);
      String event = "e" + i;
      boolean fraud = random.nextDouble() < fraudRate;
      boolean looksBad = random.nextDouble() < (fraud ? 0.7 : 0.08);
      Map<String, Object> values = new HashMap<>();
      values.put("client_id", "acme");
      values.put("event_id", event);
      values.put("customer_id", customer);
      values.put(
          "email",
          looksBad
              ? "x" + Long.toHexString(random.nextLong()) + "@mailinator.com"
              : "anna.smith" + random.nextInt(100) + "@gmail.com");
      String item =
          looksBad
              ? FRAUD_ITEMS[random.nextInt(FRAUD_ITEMS.length)]
              : GENUINE_ITEMS[random.nextInt(GENUINE_ITEMS.length)];
      values.put("item_names", List.of(item));
      values.put("item_categories", List.of(item.equals("vodka") ? "spirits" : "grocery"));
      values.put("country", random.nextBoolean() ? "US" : "CA");
      values.put(
          "customer.order_count_1h", (double) (looksBad ? random.nextInt(5) : random.nextInt(2)));
      values.put(
          "account_age_days", looksBad ? random.nextDouble() * 3 : random.nextDouble() * 300);
      values.put("amount", 10 + random.nextDouble() * (looksBad ? 400 : 80));
      values.put("time.night", random.nextDouble() < (looksBad ? 0.5 : 0.15) ? 1 : 0);
      values.put("memo", "token-" + i);
      LabelledRow.Part part = i >= n * 4 / 5 ? LabelledRow.Part.VALIDATION : LabelledRow.Part.FIT;
      rows.add(
          new LabelledRow(new MapInput(values), fraud ? 1 : 0, part, Folds.of(customer, event)));
    }

    return rows;
  }

  public static MicromodelSpec email(MicromodelSpec.Scope scope) {
    return new MicromodelSpec(
        "email",
        "email",
        scope,
        List.of("email"),
        new Regularisation(List.of(0.01, 0.1, 1.0)),
        Map.of("buckets", "4096"));
  }

  public static MicromodelSpec basket() {
    return new MicromodelSpec(
        "basket",
        "order_items",
        MicromodelSpec.Scope.CLIENT,
        List.of("item_names", "item_categories"),
        new Regularisation(List.of(0.01, 0.1, 1.0)),
        Map.of("buckets", "4096"));
  }

  public static MicromodelSpec behaviour() {
    return new MicromodelSpec(
        "behaviour",
        "tabular",
        MicromodelSpec.Scope.CLIENT,
        List.of("customer.order_count_1h", "account_age_days", "amount"),
        new Regularisation(List.of(0.01, 0.1, 1.0)),
        Map.of());
  }

  public static ModelSpec model() {
    return new ModelSpec(
        List.of("time.night"),
        new Regularisation(List.of(0.01, 0.1, 1.0)),
        ModelSpec.Calibration.PLATT,
        ModelSpec.ScoreMapping.PROBABILITY_PERCENT);
  }

  public static ClientSpec client(List<MicromodelSpec> micromodels, int minFraudLabels) {
    return client(micromodels, minFraudLabels, null);
  }

  /** A client whose policy keeps what {@code stability} names stable against a champion. */
  public static ClientSpec client(
      List<MicromodelSpec> micromodels, int minFraudLabels, Policy.Stability stability) {
    Policy policy = new Policy(new Policy.Thresholds(60, 85, List.of()), stability);
    TrainingWindow window =
        new TrainingWindow(
            Instant.parse("2025-05-01T00:00:00Z"),
            Instant.parse("2025-07-15T00:00:00Z"),
            Instant.parse("2025-08-01T00:00:00Z"),
            AS_OF);
    return new ClientSpec(
        "acme",
        "hash",
        new ModelPlan("acme", micromodels, model()),
        policy,
        Map.of("NA", List.of("US", "CA")),
        minFraudLabels,
        window);
  }
}
