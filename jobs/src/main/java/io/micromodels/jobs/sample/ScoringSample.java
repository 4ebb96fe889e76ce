package io.micromodels.jobs.sample;

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
import java.util.SplittableRandom;

/**
 * Feature-table rows of one food-delivery client as the scorer sees them (DESIGN.md §3.3), made
 * from the sample generator's identities and catalogue without Spark: person-like or random-looking
 * emails (some disposable), baskets of one to four catalogue lines, velocities, amounts and account
 * age, with fraudsters leaning towards resale goods, new accounts and bursts. For the scorer
 * benchmark: a realistic model is trained on them and a pool of them is scored.
 */
public final class ScoringSample {
  public static final String CLIENT = "dashfood";

  /** The tabular micromodel's columns (history features and the order's own amount). */
  public static final List<String> NUMERIC =
      List.of(
          "amount",
          "account_age_days",
          "customer.order_count_1h",
          "customer.order_count_24h",
          "customer.amount_avg_30d",
          "device.distinct_customers_1d");

  /** Every column a row carries, for building a Spark schema of the same rows. */
  public static final List<String> TEXT =
      List.of(
          "client_id",
          "event_id",
          "customer_id",
          "email",
          "country",
          "currency",
          "device_id",
          "ip");

  public static final List<String> LISTS = List.of("item_names", "item_categories");
  public static final String NIGHT = "time.night";

  private static final double FRAUD_RATE = 0.03;
  private static final List<CatalogItem> CATALOGUE = Vertical.FOOD_DELIVERY.catalogue();

  private ScoringSample() {}

  /** Seeded labelled rows; the last fifth lies in the validation slice. */
  public static List<LabelledRow> rows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<LabelledRow> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean fraud = random.nextDouble() < FRAUD_RATE;
      String customer = "cu" + random.nextInt(n / 4 + 1);
      String event = "ev" + seed + "-" + i;
      LabelledRow.Part part = i * 5 >= n * 4 ? LabelledRow.Part.VALIDATION : LabelledRow.Part.FIT;
      rows.add(
          new LabelledRow(
              new MapInput(columns(random, fraud, customer, event)),
              fraud ? 1 : 0,
              part,
              Folds.of(customer, event)));
    }

    return rows;
  }

  private static Map<String, Object> columns(
      SplittableRandom random, boolean fraud, String customer, String event) {
    boolean risky = random.nextDouble() < (fraud ? 0.7 : 0.05);
    Map<String, Object> columns = new HashMap<>();
    columns.put("client_id", CLIENT);
    columns.put("event_id", event);
    columns.put("customer_id", customer);
    String domain =
        risky && random.nextBoolean()
            ? Identities.pick(random, Identities.DISPOSABLE_DOMAINS)
            : Identities.pick(random, Identities.COMMON_DOMAINS);
    columns.put(
        "email",
        risky && random.nextDouble() < 0.6
            ? Identities.randomEmail(random, domain)
            : Identities.cleanEmail(random, domain));
    boolean us = random.nextDouble() < 0.8;
    columns.put("country", us ? "US" : "CA");
    columns.put("currency", us ? "USD" : "CAD");
    columns.put("device_id", "dev-" + Identities.hex(random, 12));
    columns.put("ip", Identities.ip(random));
    double amount = basket(random, risky, columns);
    columns.put("amount", amount);
    columns.put("account_age_days", risky ? random.nextDouble() * 5 : random.nextDouble() * 900);
    columns.put("customer.order_count_1h", (double) random.nextInt(risky ? 5 : 2));
    columns.put("customer.order_count_24h", (double) random.nextInt(risky ? 12 : 4));
    columns.put(
        "customer.amount_avg_30d",
        risky && random.nextBoolean() ? 0.0 : amount * (0.5 + random.nextDouble()));
    columns.put("device.distinct_customers_1d", 1.0 + (risky ? random.nextInt(6) : 0));
    columns.put(NIGHT, random.nextDouble() < (risky ? 0.45 : 0.12) ? 1.0 : 0.0);
    return columns;
  }

  /** Puts the basket's names and categories; returns its amount. */
  private static double basket(
      SplittableRandom random, boolean risky, Map<String, Object> columns) {
    int lines = 1 + random.nextInt(4);
    List<String> names = new ArrayList<>(lines);
    List<String> categories = new ArrayList<>(lines);
    double amount = 0;
    for (int k = 0; k < lines; k++) {
      CatalogItem item = CATALOGUE.get(random.nextInt(CATALOGUE.size()));
      while (risky && !item.resale() && random.nextDouble() < 0.6) {
        item = CATALOGUE.get(random.nextInt(CATALOGUE.size()));
      }

      names.add(item.name());
      categories.add(item.category());
      amount += item.minPrice() + random.nextDouble() * (item.maxPrice() - item.minPrice());
    }

    columns.put("item_names", names);
    columns.put("item_categories", categories);
    return Math.round(amount * 100) / 100.0;
  }

  /**
   * The client: email, basket and behaviour micromodels with default hashing (2^16 buckets each)
   * and the default C grid, a combiner with the night flag, Platt calibration, and thresholds with
   * a spirits exception.
   */
  public static ClientSpec client() {
    List<MicromodelSpec> micromodels =
        List.of(
            new MicromodelSpec(
                "email",
                "email",
                MicromodelSpec.Scope.CLIENT,
                List.of("email"),
                Regularisation.defaults(),
                Map.of()),
            new MicromodelSpec(
                "basket",
                "order_items",
                MicromodelSpec.Scope.CLIENT,
                LISTS,
                Regularisation.defaults(),
                Map.of()),
            new MicromodelSpec(
                "behaviour",
                "tabular",
                MicromodelSpec.Scope.CLIENT,
                NUMERIC,
                Regularisation.defaults(),
                Map.of()));
    ModelSpec model =
        new ModelSpec(
            List.of(NIGHT),
            Regularisation.defaults(),
            ModelSpec.Calibration.PLATT,
            ModelSpec.ScoreMapping.PROBABILITY_PERCENT);
    Policy policy =
        new Policy(
            new Policy.Thresholds(
                40, 80, List.of(new Policy.SegmentThreshold("category", "spirits", 25, 60))),
            null);
    Instant asOf = Instant.parse("2026-06-01T00:00:00Z");
    TrainingWindow window =
        new TrainingWindow(
            Instant.parse("2026-02-01T00:00:00Z"),
            Instant.parse("2026-04-20T00:00:00Z"),
            Instant.parse("2026-05-01T00:00:00Z"),
            asOf);
    return new ClientSpec(
        CLIENT,
        "bench",
        new ModelPlan(CLIENT, micromodels, model),
        policy,
        Map.of("NA", List.of("US", "CA")),
        30,
        window);
  }
}
