package io.micromodels.scorer.testing;

import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.fit.LiblinearSolver;
import io.micromodels.training.input.MapInput;
import io.micromodels.training.train.ClientSpec;
import io.micromodels.training.train.ClientTrainer;
import io.micromodels.training.train.Folds;
import io.micromodels.training.train.LabelledRow;
import io.micromodels.training.train.LocalRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small client model trained by the plain-Java trainer (LIBLINEAR, no Spark) on seeded synthetic
 * orders of a grocery shop: fraudsters favour random-looking or disposable addresses, spirits and
 * gift cards, new accounts and bursts of orders. The golden files are made from it, so any change
 * here changes them (regenerate them, see {@code GoldenScoresTest}).
 */
public final class ScorerFixtures {
  public static final String CLIENT = "golden-shop";
  public static final Instant AS_OF = Instant.parse("2026-03-01T00:00:00Z");
  private static final String[] GENUINE = {
    "oat milk", "sourdough bread", "bananas", "kale", "organic tofu", "pasta"
  };
  private static final String[] RESALE = {"premium vodka", "champagne brut", "gift card 100"};
  private static final String[] DOMAINS = {"gmail.com", "outlook.com", "web.de", "icloud.com"};

  private ScorerFixtures() {}

  /** The golden client trained on {@link #orders}{@code (3000, 11)}. */
  public static ClientModel trainedModel() {
    List<LabelledRow> rows = orders(3000, 11);
    return ClientTrainer.train(
        client(), new LocalRows(rows, LiblinearSolver.create(), "liblinear"), null, null);
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
      rows.add(
          new LabelledRow(new MapInput(columns), fraud ? 1 : 0, part, Folds.of(customer, event)));
    }

    return rows;
  }

  /** The columns of one order as the feature table holds them. */
  static Map<String, Object> order(
      SplittableRandom random, boolean fraud, String customer, String event) {
    boolean risky = random.nextDouble() < (fraud ? 0.75 : 0.06);
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("client_id", CLIENT);
    columns.put("event_id", event);
    columns.put("customer_id", customer);
    columns.put(
        "email",
        risky
            ? randomLocal(random)
                + "@"
                + (random.nextBoolean()
                    ? "mailinator.com"
                    : DOMAINS[random.nextInt(DOMAINS.length)])
            : "jo.baker" + random.nextInt(90) + "@" + DOMAINS[random.nextInt(DOMAINS.length)]);
    List<String> names = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    int lines = 1 + random.nextInt(3);
    for (int k = 0; k < lines; k++) {
      boolean resale = risky && random.nextDouble() < 0.7;
      String item =
          resale ? RESALE[random.nextInt(RESALE.length)] : GENUINE[random.nextInt(GENUINE.length)];
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

  /**
   * The client of {@code golden/golden-shop.yaml} (three micromodels with 512 buckets, Platt
   * calibration, a spirits exception), read through the client-config loader as training reads it.
   */
  public static ClientSpec client() {
    return ClientSpec.of(ClientConfigLoader.load(GoldenFiles.path(CLIENT + ".yaml")), AS_OF);
  }
}
