package io.micromodels.jobs.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one customer of one client: sign-up, logins, payment methods, orders with items, the
 * live model's answer, and the label events that follow (review decisions within 3 days,
 * chargebacks and fraud reports 10-90 days after the order, only if they happen before the period
 * ends). Fraudsters lean on the patterns fraud teams see, genuine customers sometimes look odd, so
 * the classes overlap.
 */
final class CustomerStory {
  private static final double FRAUD_ORDERS_MEAN = 3.5;
  private final ClientProfile client;
  private final SampleSpec spec;
  private final Instant periodStart;
  private final Instant periodEnd;
  private final double fraudsterShare;

  /** What one simulated customer produced. */
  record Outcome(
      String customerId,
      boolean fraudster,
      List<SampleEvent> events,
      int orders,
      int fraudOrders,
      int signals) {}

  CustomerStory(ClientProfile client, SampleSpec spec) {
    this.client = client;
    this.spec = spec;
    this.periodStart = spec.start().atStartOfDay().toInstant(ZoneOffset.UTC);
    this.periodEnd = periodStart.plus(Duration.ofDays(spec.days()));
    // Share of fraudsters that makes fraudulent orders the client's fraud rate, given that
    // genuine customers place ordersPerDay x ~0.6 x days orders and fraudsters ~3.5.
    double genuineOrders = Math.max(0.3, client.vertical().ordersPerDay() * 0.6 * spec.days());
    double r = client.fraudRate();
    this.fraudsterShare = r * genuineOrders / (FRAUD_ORDERS_MEAN * (1 - r) + r * genuineOrders);
  }

  Outcome simulate(int index) {
    SplittableRandom rnd = new SplittableRandom(mix(spec.seed(), client.clientId(), index));
    boolean fraudster = rnd.nextDouble() < fraudsterShare;
    Person person = Person.create(rnd, client, index, fraudster);
    EventSink sink = new EventSink(client, person, periodEnd, spec.seed());
    double signupDays = rnd.nextDouble() * spec.days() * (fraudster ? 1.0 : 0.8);
    Instant signup = periodStart.plusSeconds((long) (signupDays * 86_400));
    sink.accountCreated(signup);
    Instant paymentAt = signup.plusSeconds(60 + rnd.nextInt(1800));
    sink.paymentMethodAdded(paymentAt, person.cards().get(0));
    List<Instant> orderTimes = orderTimes(rnd, fraudster, signup);
    int fraudOrders = 0;
    for (int i = 0; i < orderTimes.size(); i++) {
      Instant at = orderTimes.get(i);
      int cardIndex = Math.min(i, person.cards().size() - 1);
      if (i > 0 && cardIndex == i) {
        sink.paymentMethodAdded(at.minusSeconds(120 + rnd.nextInt(600)), person.cards().get(i));
      }

      sink.login(at.minusSeconds(60 + rnd.nextInt(1200)));
      // Account takeover and stolen cards: a genuine customer's order is sometimes fraud.
      boolean fraud = fraudster || rnd.nextDouble() < 0.002;
      fraudOrders += fraud ? 1 : 0;
      sink.order(rnd, at, fraud, person.cards().get(cardIndex));
    }

    for (int extra = rnd.nextInt(4); extra > 0; extra--) {
      double day = signupDays + rnd.nextDouble() * (spec.days() - signupDays);
      sink.login(periodStart.plusSeconds((long) (day * 86_400)));
    }

    return new Outcome(
        person.customerId(),
        fraudster,
        sink.events(),
        orderTimes.size(),
        fraudOrders,
        person.signals());
  }

  private List<Instant> orderTimes(SplittableRandom rnd, boolean fraudster, Instant signup) {
    List<Instant> times = new ArrayList<>();
    if (fraudster) {
      // New accounts spending fast, in bursts.
      Instant at = signup.plusSeconds(600 + rnd.nextInt(86_400));
      for (int n = 1 + rnd.nextInt(6); n > 0 && at.isBefore(periodEnd); n--) {
        times.add(at);
        at = at.plusSeconds(720 + rnd.nextInt(12 * 3600));
      }

      return times;
    }

    double activeDays = Duration.between(signup, periodEnd).toSeconds() / 86_400.0;
    int n = poisson(rnd, client.vertical().ordersPerDay() * activeDays);
    for (int i = 0; i < Math.min(n, 300); i++) {
      times.add(
          signup.plusSeconds(3600 + (long) (rnd.nextDouble() * (activeDays * 86_400 - 3600))));
    }

    times.sort(null);
    return times;
  }

  static int poisson(SplittableRandom rnd, double mean) {
    if (mean > 30) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rnd)));
    }

    double limit = Math.exp(-mean);
    double product = rnd.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= rnd.nextDouble();
      n++;
    }

    return n;
  }

  static double gaussian(SplittableRandom rnd) {
    double u = Math.max(1e-12, rnd.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  static long mix(long seed, String clientId, int index) {
    long h = seed * 0x9E3779B97F4A7C15L + clientId.hashCode();
    return h * 31 + index * 0xBF58476D1CE4E5B9L;
  }

  static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
  }
}
