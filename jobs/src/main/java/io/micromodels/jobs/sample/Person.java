package io.micromodels.jobs.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who a simulated customer is: identity, devices and cards, and which fraud signals they carry.
 * Fraudsters more often have random-looking or disposable emails, many cards, cards from another
 * country, and devices or cards shared with other fraudsters of the same client (a ring).
 */
record Person(
    String customerId,
    boolean fraudster,
    String email,
    boolean disposableEmail,
    boolean randomEmail,
    String country,
    List<String> devices,
    List<String> ips,
    List<Card> cards,
    double resaleAppetite) {

  private static final int RING_SIZE = 8;

  static Person create(SplittableRandom rnd, ClientProfile client, int index, boolean fraudster) {
    String customerId = String.format("cu-%07d", index);
    String country = Identities.pick(rnd, client.countries());
    double u = rnd.nextDouble();
    boolean randomEmail = u < (fraudster ? 0.45 : 0.07);
    boolean disposable = !randomEmail && u < (fraudster ? 0.70 : 0.08);
    String domain =
        disposable
            ? Identities.pick(rnd, Identities.DISPOSABLE_DOMAINS)
            : Identities.pick(rnd, Identities.COMMON_DOMAINS);
    String email =
        randomEmail ? Identities.randomEmail(rnd, domain) : Identities.cleanEmail(rnd, domain);
    List<String> devices = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    List<Card> cards = new ArrayList<>();
    String ring = client.clientId() + "-ring-";
    devices.add(
        fraudster && rnd.nextDouble() < 0.4
            ? ring + "dev-" + rnd.nextInt(RING_SIZE)
            : "dev-" + Identities.hex(rnd, 12));
    ips.add(Identities.ip(rnd));
    int cardCount = fraudster ? 1 + rnd.nextInt(5) : (rnd.nextDouble() < 0.25 ? 2 : 1);
    for (int i = 0; i < cardCount; i++) {
      boolean shared = fraudster && rnd.nextDouble() < 0.3;
      boolean foreign = rnd.nextDouble() < (fraudster ? 0.5 : 0.05);
      String cardCountry =
          foreign
              ? Identities.pick(rnd, List.of("RU", "NG", "BR", "ID", "VN", "US", "GB"))
              : country;
      String fingerprint =
          shared ? ring + "card-" + rnd.nextInt(RING_SIZE) : "fp-" + Identities.hex(rnd, 16);
      cards.add(
          new Card(
              fingerprint,
              rnd.nextDouble() < 0.9 ? "card" : "wallet",
              String.valueOf(400000 + rnd.nextInt(150000)),
              cardCountry));
    }

    return new Person(
        customerId,
        fraudster,
        email,
        disposable,
        randomEmail,
        country,
        devices,
        ips,
        cards,
        fraudster ? 0.65 : 0.08);
  }

  /** How many fraud signals this customer shows (for the assertion lists). */
  int signals() {
    int signals = (disposableEmail ? 1 : 0) + (randomEmail ? 1 : 0) + (cards.size() >= 3 ? 1 : 0);
    for (Card card : cards) {
      if (!card.country().equals(country) || card.fingerprint().contains("-ring-")) {
        signals++;
        break;
      }
    }

    return signals + (devices.get(0).contains("-ring-") ? 1 : 0);
  }
}
