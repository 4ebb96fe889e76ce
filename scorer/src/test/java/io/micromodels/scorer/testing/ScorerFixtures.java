package io.micromodels.scorer.testing;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.features.config.ModelSpec;
import io.micromodels.features.config.Policy;
import io.micromodels.features.config.Regularisation;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.fit.LiblinearSolver;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.train.ClientSpec;
import io.micromodels.training.train.ClientTrainer;
import io.micromodels.training.train.Folds;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.LocalRows;
import io.micromodels.training.train.ModelPlan;
import io.micromodels.training.train.TrainingWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small client model trained by the plain-Java trainer (LIBLINEAR, no Spark) on seeded
 * synthetic orders of a grocery shop: fraudsters favour random-looking or disposable addresses,
 * spirits and gift cards, new accounts and bursts of orders. The golden files are made from it,
 * so any change here changes them (regenerate them, see {@code GoldenScoresTest}).
 */
public final class ScorerFixtures {
  public static final String CLIENT = "golden-shop";
  /** Small hash spaces keep the golden {@code model.json} short. */
  private static final Map<String, String> BUCKETS = Map.of("buckets", "512");
  private static final List<Double> GRID = List.of(0.03, 0.3, 3.0);
  private static final String[] GENUINE = {"oat milk", "sourdough bread", "bananas", "kale",
      "organic tofu", "pasta"};
  private static final String[] RESALE = {"premium vodka", "champagne brut", "gift card 100"};
  private static final String[] DOMAINS = {"gmail.com", "outlook.com", "web.de", "icloud.com"};

  private ScorerFixtures() {}

  /** The golden client trained on {@link #orders}{@code (3000, 11)}. */
  public static ClientModel trainedModel() {
    List<LabelledRow> rows = orders(3000, 11);
    return ClientTrainer.train(client(), new LocalRows(rows, LiblinearSolver.create(),
        "liblinear"), null, null);
  }

  /** Seeded labelled orders; the last fifth lies in the validation slice. */
  public static List<LabelledRow> orders(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LabelledRow> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean fraud = random.nextDouble() < 0.05;
      String customer = "cust-" + random.nextInt(n / 3 + 1);
      String event = "ord-" + i;
      Map<String, Object> columns = order(random, fraud, customer, event);
      LabelledRow.Part part = i * 5 >= n * 4 ? LabelledRow.Part.VALIDATION : LabelledRow.Part.FIT;
      rows.add(new LabelledRow(new MapInput(columns), fraud ? 1 : 0, part,
          Folds.of(customer, event)));
    }

    return rows;
  }

  /** The columns of one order as the feature table holds them. */
  static Map<String, Object> order(SplittableRandom random, boolean fraud, String customer,
      String event) {
    boolean risky = random.nextDouble() < (fraud ? 0.75 : 0.06);
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("client_id", CLIENT);
    columns.put("event_id", event);
    columns.put("customer_id", customer);
    columns.put("email", risky ? randomLocal(random) + "@" + (random.nextBoolean()
        ? "mailinator.com" : DOMAINS[random.nextInt(DOMAINS.length)])
        : "jo.baker" + random.nextInt(90) + "@" + DOMAINS[random.nextInt(DOMAINS.length)]);
    List<String> names = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    int lines = 1 + random.nextInt(3);
    for (int k = 0; k < lines; k++) {
      boolean resale = risky && random.nextDouble() < 0.7;
      String item = resale ? RESALE[random.nextInt(RESALE.length)]
          : GENUINE[random.nextInt(GENUINE.length)];
      names.add(item);
      categories.add(resale ? (item.startsWith("gift") ? "gift_card" : "spirits") : "groceries");
    }

    columns.put("item_names", names);
    columns.put("item_categories", categories);
    columns.put("country", random.nextDouble() < 0.7 ? "DE" : "AT");
    columns.put("amount", 5 + random.nextDouble() * (risky ? 300 : 60));
    columns.put("account_age_days", risky ? random.nextDouble() * 4 : random.nextDouble() * 700);
    columns.put("customer.order_count_1h", (double) random.nextInt(risky ? 6 : 2));
    columns.put("time.night", random.nextDouble() < (risky ? 0.4 : 0.1) ? 1 : 0);
    return columns;
  }

  private static String randomLocal(SplittableRandom random) {
    StringBuilder local = new StringBuilder();
    for (int k = 6 + random.nextInt(6); k > 0; k--) {
      local.append(Character.forDigit(random.nextInt(36), 36));
    }

    return local.toString();
  }

  /** Three micromodels (email, basket, behaviour), Platt calibration, a spirits exception. */
  public static ClientSpec client() {
    List<MicromodelSpec> micromodels = List.of(
        new MicromodelSpec("email", "email", MicromodelSpec.Scope.CLIENT, List.of("email"),
            new Regularisation(GRID), BUCKETS),
        new MicromodelSpec("basket", "order_items", MicromodelSpec.Scope.CLIENT,
            List.of("item_names", "item_categories"), new Regularisation(GRID), BUCKETS),
        new MicromodelSpec("behaviour", "tabular", MicromodelSpec.Scope.CLIENT,
            List.of("amount", "account_age_days", "customer.order_count_1h"),
            new Regularisation(GRID), Map.of()));
    ModelSpec model = new ModelSpec(List.of("time.night"), new Regularisation(GRID),
        ModelSpec.Calibration.PLATT, ModelSpec.ScoreMapping.PROBABILITY_PERCENT);
    Policy policy = new Policy(new Policy.Thresholds(50, 80,
        List.of(new Policy.SegmentThreshold("category", "spirits", 30, 60))), null);
    Instant asOf = Instant.parse("2026-03-01T00:00:00Z");
    TrainingWindow window = new TrainingWindow(Instant.parse("2025-11-01T00:00:00Z"),
        Instant.parse("2026-01-20T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), asOf);
    return new ClientSpec(CLIENT, "golden", new ModelPlan(CLIENT, micromodels, model), policy,
        Map.of("DACH", List.of("DE", "AT")), 20, window);
  }
}
