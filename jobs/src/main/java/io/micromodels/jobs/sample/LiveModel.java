package io.micromodels.jobs.sample;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The sample's live model: a fixed scorecard, as a client's rules engine or older model would be,
 * over what is visible when the order is decided. Its only inputs are the order event as it is
 * written to the log (email, basket, amount, countries, attributes), the customer's earlier events
 * (sign-up time, earlier orders and their cards) and a noise draw seeded from the generator's seed
 * and the order's event id. It never sees whether the order is fraud, so a model trained on the log
 * can beat it.
 */
final class LiveModel {
  /** Basket categories a fraud team flags (resale-friendly goods), over every vertical. */
  static final Set<String> RISKY_CATEGORIES =
      Set.of(
          "spirits",
          "champagne",
          "gift_card",
          "luxury",
          "phones",
          "gaming",
          "computers",
          "flight_premium",
          "tickets");

  static final double PREVENT = 90;
  static final double REVIEW = 70;
  private static final long NOISE_SALT = 0x11FE5C0AEL;

  private LiveModel() {}

  /**
   * The signals the live model reads, all visible in the log at decision time.
   *
   * @param disposableDomain the email's domain is a known disposable-address domain
   * @param emailDigits digits in the email's local part (person-like addresses have at most 2)
   * @param riskyShare share of the basket's lines in {@link #RISKY_CATEGORIES}
   * @param amount the order's amount in its currency
   * @param countryMismatch the payment method's country differs from the customer's
   * @param welcomePromotion the order uses the {@code WELCOME10} promotion
   * @param shortLeadTime a trip departing within 2 days ({@code departure_in_days})
   * @param accountAgeDays days since the customer's {@code account_created} event
   * @param ordersLast24h the customer's earlier orders in the 24 hours before this one
   * @param cardsUsed distinct payment fingerprints on the customer's orders so far, this one's
   *     included
   */
  record Signals(
      boolean disposableDomain,
      int emailDigits,
      double riskyShare,
      double amount,
      boolean countryMismatch,
      boolean welcomePromotion,
      boolean shortLeadTime,
      double accountAgeDays,
      int ordersLast24h,
      int cardsUsed) {

    /**
     * The signals of an order event, given the customer's history before it.
     *
     * @param order the order as written to the log (without its live score)
     * @param signup the time of the customer's {@code account_created} event
     * @param earlierOrders times of the customer's earlier orders
     * @param earlierCards payment fingerprints of the customer's earlier orders
     */
    static Signals of(
        JsonNode order,
        Instant signup,
        List<Instant> earlierOrders,
        Collection<String> earlierCards) {
      Instant at = Instant.parse(order.get("event_time").textValue());
      String email = order.path("email").asText("");
      int sign = email.lastIndexOf('@');
      String local = sign < 0 ? email : email.substring(0, sign);
      String domain = sign < 0 ? "" : email.substring(sign + 1).toLowerCase(Locale.ROOT);
      int digits = (int) local.chars().filter(Character::isDigit).count();
      JsonNode items = order.path("items");
      int risky = 0;
      for (JsonNode item : items) {
        risky += RISKY_CATEGORIES.contains(item.path("category").asText()) ? 1 : 0;
      }

      JsonNode payment = order.path("payment_method");
      JsonNode attributes = order.path("attributes");
      JsonNode departure = attributes.path("departure_in_days");
      int last24h = 0;
      for (Instant earlier : earlierOrders) {
        last24h += earlier.isAfter(at.minus(Duration.ofDays(1))) && !earlier.isAfter(at) ? 1 : 0;
      }

      Set<String> cards = new HashSet<>(earlierCards);
      cards.add(payment.path("fingerprint").asText());
      return new Signals(
          Identities.DISPOSABLE_DOMAINS.contains(domain),
          digits,
          items.size() == 0 ? 0 : risky / (double) items.size(),
          order.path("amount").asDouble(),
          !payment.path("country").asText().equals(order.path("country").asText()),
          attributes.path("promotion").asText().equals("WELCOME10"),
          departure.isTextual() && Integer.parseInt(departure.textValue()) <= 2,
          Duration.between(signup, at).toSeconds() / 86_400.0,
          last24h,
          cards.size());
    }
  }

  /** The score 0-100 of these signals with this noise draw (a standard normal value). */
  static double score(Signals s, double noise) {
    double z =
        -4.6
            + (s.disposableDomain() ? 1.4 : 0)
            + (s.emailDigits() >= 3 ? 1.0 : 0)
            + 1.6 * s.riskyShare()
            + (s.countryMismatch() ? 1.0 : 0)
            + (s.welcomePromotion() ? 0.4 : 0)
            + (s.shortLeadTime() ? 0.8 : 0)
            + (s.accountAgeDays() < 1 ? 0.9 : 0)
            + 0.7 * Math.min(s.ordersLast24h(), 3)
            + 0.4 * Math.min(s.cardsUsed() - 1, 3)
            + 0.25 * Math.log1p(s.amount() / 100)
            + 1.0 * noise;
    return 100.0 / (1.0 + Math.exp(-z));
  }

  /** The score as the log carries it: two decimals. */
  static double logged(double score) {
    return Math.round(score * 100) / 100.0;
  }

  /** ALLOW, REVIEW or PREVENT for a logged score. */
  static String action(double score) {
    return score >= PREVENT ? "PREVENT" : score >= REVIEW ? "REVIEW" : "ALLOW";
  }

  /**
   * The noise of one order's score: a standard normal draw from a stream seeded by the sample's
   * seed and the order's event id, so it depends on nothing else the generator knows.
   */
  static double noise(long seed, String eventId) {
    long h = seed ^ NOISE_SALT;
    for (int i = 0; i < eventId.length(); i++) {
      h = h * 0x100000001B3L + eventId.charAt(i);
    }

    return CustomerStory.gaussian(new SplittableRandom(h));
  }
}
