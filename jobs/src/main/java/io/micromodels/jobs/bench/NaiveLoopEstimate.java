package io.micromodels.jobs.bench;

import io.micromodels.training.spark.ClientOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The naive loop's time for all clients, extrapolated from the clients it trained. Clients that
 * train their own model cost {@code a + b * rows} seconds, a least-squares line through the
 * measured ones (the per-client Spark jobs are the constant, the rows the slope); clients that fall
 * back on the global model (or fail) cost the mean of the measured ones of their kind.
 */
final class NaiveLoopEstimate {
  static final String RULE =
      "own-model clients: t = a + b * rows, least squares over the measured"
          + " own-model clients (a, b >= 0), summed over every own-model client's rows; fallback and"
          + " failed clients: the mean measured time of such clients times their number";

  /** One client of the loop: our outcome for it, the loop's time, and what the loop did. */
  record Measured(ClientOutcome client, double seconds, String status) {}

  private final List<Measured> measured;
  private final double intercept;
  private final double slope;
  private final double otherMean;
  private final long ownClients;
  private final long ownRows;
  private final long otherClients;

  private NaiveLoopEstimate(
      List<Measured> measured, double[] line, double otherMean, List<ClientOutcome> all) {
    this.measured = List.copyOf(measured);
    this.intercept = line[0];
    this.slope = line[1];
    this.otherMean = otherMean;
    this.ownClients = all.stream().filter(NaiveLoopEstimate::ownModel).count();
    this.ownRows =
        all.stream().filter(NaiveLoopEstimate::ownModel).mapToLong(ClientOutcome::rows).sum();
    this.otherClients = all.size() - ownClients;
  }

  static NaiveLoopEstimate of(List<Measured> measured, List<ClientOutcome> all) {
    List<Measured> own = measured.stream().filter(m -> ownModel(m.client())).toList();
    double otherMean =
        measured.stream()
            .filter(m -> !ownModel(m.client()))
            .mapToDouble(Measured::seconds)
            .average()
            .orElse(0);
    return new NaiveLoopEstimate(measured, line(own), otherMean, all);
  }

  /**
   * A seeded subset of mixed sizes: own-model clients sorted by rows, cut into equal strata, one
   * drawn from each; about a fifth of the subset from the other clients. Cheap ones come first,
   * then the own-model ones in a seeded random order, so a loop cut short by its time budget has
   * still measured several sizes.
   */
  static List<ClientOutcome> pick(List<ClientOutcome> outcomes, int count, long seed) {
    Random random = new Random(seed);
    List<ClientOutcome> own =
        new ArrayList<>(
            outcomes.stream()
                .filter(NaiveLoopEstimate::ownModel)
                .sorted(Comparator.comparingLong(ClientOutcome::rows))
                .toList());
    List<ClientOutcome> other =
        new ArrayList<>(outcomes.stream().filter(o -> !ownModel(o)).toList());
    int others = other.isEmpty() ? 0 : Math.max(1, count / 5);
    int strata = Math.min(own.size(), count - others);
    List<ClientOutcome> picked = new ArrayList<>();
    Collections.shuffle(other, random);
    picked.addAll(other.subList(0, Math.min(others, other.size())));
    List<ClientOutcome> ownPicked = new ArrayList<>();
    for (int s = 0; s < strata; s++) {
      int from = (int) ((long) s * own.size() / strata);
      int to = (int) ((long) (s + 1) * own.size() / strata);
      ownPicked.add(own.get(from + random.nextInt(to - from)));
    }

    Collections.shuffle(ownPicked, random);
    picked.addAll(ownPicked);
    return picked;
  }

  /** The extrapolated time of the loop over all clients, in seconds. */
  double totalSeconds() {
    return ownClients * intercept + slope * ownRows + otherClients * otherMean;
  }

  Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("extrapolation_rule", RULE);
    out.put("measured_clients", measured.size());
    out.put(
        "seconds_measured",
        TrainBenchmark.round(measured.stream().mapToDouble(Measured::seconds).sum()));
    out.put("fit_seconds_per_client", TrainBenchmark.round(intercept));
    out.put("fit_seconds_per_row", slope);
    out.put("own_model_clients", ownClients);
    out.put("own_model_rows", ownRows);
    out.put("seconds_per_fallback_or_failed_client", TrainBenchmark.round(otherMean));
    out.put("fallback_or_failed_clients", otherClients);
    out.put("seconds_extrapolated_clients", TrainBenchmark.round(totalSeconds()));
    List<Map<String, Object>> clients = new ArrayList<>();
    for (Measured m : measured) {
      Map<String, Object> client = new LinkedHashMap<>();
      client.put("client", m.client().clientId());
      client.put("rows", m.client().rows());
      client.put("fraud_labels", m.client().fraudLabels());
      client.put("train_job", ownModel(m.client()) ? "own" : "fallback or failed");
      client.put("naive_loop", m.status());
      client.put("seconds", TrainBenchmark.round(m.seconds()));
      clients.add(client);
    }

    out.put("clients", clients);
    return out;
  }

  private static boolean ownModel(ClientOutcome outcome) {
    return outcome.status() == ClientOutcome.Status.TRAINED && !outcome.fallback();
  }

  /** {a, b} of t = a + b * rows by least squares, both kept non-negative. */
  static double[] line(List<Measured> own) {
    int n = own.size();
    if (n == 0) {
      return new double[] {0, 0};
    }

    double meanX = own.stream().mapToDouble(m -> m.client().rows()).average().orElse(0);
    double meanY = own.stream().mapToDouble(Measured::seconds).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    for (Measured m : own) {
      double dx = m.client().rows() - meanX;
      sxy += dx * (m.seconds() - meanY);
      sxx += dx * dx;
    }

    double b = sxx == 0 ? 0 : Math.max(0, sxy / sxx);
    double a = meanY - b * meanX;
    if (a < 0) {
      // Through the origin instead: t = b * rows.
      double sty = own.stream().mapToDouble(m -> m.seconds() * m.client().rows()).sum();
      double stt =
          own.stream().mapToDouble(m -> (double) m.client().rows() * m.client().rows()).sum();
      return new double[] {0, sty / stt};
    }

    return new double[] {a, b};
  }
}
