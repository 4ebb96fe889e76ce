package io.micromodels.evaluation.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.evaluation.backtest.ClientContext;
import io.micromodels.evaluation.backtest.FoldLayout;
import io.micromodels.evaluation.gate.CheckStatus;
import io.micromodels.evaluation.gate.GateCheck;
import io.micromodels.evaluation.metrics.BinaryMetrics;
import io.micromodels.evaluation.metrics.LabelCompleteness;
import io.micromodels.evaluation.metrics.PrecisionAtK;
import io.micromodels.evaluation.metrics.Prediction;
import io.micromodels.evaluation.metrics.ScoreSummary;
import io.micromodels.evaluation.metrics.ScoredEvent;
import io.micromodels.evaluation.report.ReportWriter;
import io.micromodels.features.config.GateSpec;
import io.micromodels.training.policy.Action;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The evaluator's composition on generated events of two folds: what the gate and report get. */
class ClientEvaluatorTest {
  private static final Instant AS_OF = Instant.parse("2025-10-07T23:59:59.999999Z");
  private static final FoldLayout LAYOUT = FoldLayout.of(AS_OF, 2, 60, 30, 7);
  private static final int REVIEWS_PER_DAY = 10;

  @Test
  void overallAndFoldMetricsFeedTheGateWithAndWithoutAChampion() {
    List<ScoredEvent> events = events(true);
    ClientEvaluation e = ClientEvaluator.evaluate(context(true, "pr_auc:+0.01"), events);

    // ranked on 0.1-point score buckets (ScoreSummary): scikit-learn's AP of the bucketed scores
    double[] buckets =
        events.stream()
            .mapToDouble(ev -> Math.floor(ev.candidate().score() * ScoreSummary.BUCKETS_PER_POINT))
            .toArray();
    boolean[] fraud = new boolean[events.size()];
    for (int i = 0; i < fraud.length; i++) {
      fraud[i] = events.get(i).fraud();
    }

    assertThat(e.offline().get("pr_auc"))
        .isCloseTo(BinaryMetrics.averagePrecision(buckets, fraud), within(1e-12));
    assertThat(e.folds()).hasSize(2);
    assertThat(e.folds().get(0).candidate().get("rows") + e.folds().get(1).candidate().get("rows"))
        .isEqualTo(events.size());
    assertThat(e.offline().get("action_change_rate")).isBetween(0.0, 1.0);
    assertThat(e.offline().get("feature_rank_correlation")).isEqualTo(1.0);
    // the older fold's labels have had longer to arrive
    assertThat(e.folds().get(0).labelCompleteness())
        .isGreaterThan(e.folds().get(1).labelCompleteness());
    assertThat(e.gate().checks())
        .extracting(GateCheck::name)
        .contains("pr_auc.max_drop", "prevented_asserts.min");
    assertThat(e.objective().isEvaluable()).isTrue();
    assertThat(e.objective().ciLow()).isLessThanOrEqualTo(e.objective().observed());
    assertThat(e.transitions().rows()).isEqualTo(events.size());
    assertThat(e.intervals().get("candidate.pr_auc").contains(e.offline().get("pr_auc"))).isTrue();

    ClientEvaluation first =
        ClientEvaluator.evaluate(context(false, "pr_auc:+0.01"), events(false));
    assertThat(first.champion()).isNull();
    assertThat(first.offline().get("action_change_rate")).isNaN();
    assertThat(first.gate().checks())
        .filteredOn(c -> c.name().equals("pr_auc.max_drop"))
        .extracting(GateCheck::status)
        .containsExactly(CheckStatus.NOT_CHECKED);
    assertThat(first.objective().met()).isNull();
    String html = ReportWriter.render(BacktestReport.model(first));
    assertThat(html).contains("No champion", "Learned shapes: behaviour (binned)");
  }

  /**
   * With fold 1 mature and fold 2 not, the overall label-based values are fold 1's and the gate
   * names fold 2; with neither mature, absolute label bounds are not checked and relative ones say
   * they compare on immature labels.
   */
  @Test
  void overallLabelMetricsPoolOnlyTheMatureFoldsAndTheGateNamesTheOthers() {
    List<ScoredEvent> events = events(true);
    ClientEvaluation probe =
        ClientEvaluator.evaluate(context(true, null, REVIEWS_PER_DAY, 1.0), events);
    double older = probe.folds().get(0).labelCompleteness();
    double newer = probe.folds().get(1).labelCompleteness();
    assertThat(older).isGreaterThan(newer);

    ClientEvaluation e =
        ClientEvaluator.evaluate(context(true, null, REVIEWS_PER_DAY, (older + newer) / 2), events);
    assertThat(e.folds()).extracting(FoldEvaluation::mature).containsExactly(true, false);
    FoldEvaluation mature = e.folds().get(0);
    for (String metric :
        List.of(
            "frauds",
            "pr_auc",
            "roc_auc",
            "calibration_difference",
            "card_precision_at_k",
            "fraud_caught")) {
      assertThat(e.offline().get(metric)).as(metric).isEqualTo(mature.candidate().get(metric));
      assertThat(e.champion().get(metric)).as(metric).isEqualTo(mature.champion().get(metric));
    }
    assertThat(e.offline().get("rows")).isEqualTo(events.size());
    assertThat(e.offline().get("label_completeness")).isEqualTo(older);
    assertThat(MetricsDocument.labelMetricsFolds(e)).containsExactly(1);
    assertThat(check(e, "pr_auc.max_drop").reason())
        .contains(
            "(on mature folds [1]; left out as immature: fold 2 (label completeness "
                + String.format(java.util.Locale.ROOT, "%.2f", newer));

    ClientEvaluation none =
        ClientEvaluator.evaluate(context(true, null, REVIEWS_PER_DAY, 1.0), events);
    assertThat(none.folds()).extracting(FoldEvaluation::mature).containsExactly(false, false);
    assertThat(MetricsDocument.labelMetricsFolds(none)).containsExactly(1, 2);
    assertThat(none.offline().get("frauds"))
        .isEqualTo((double) events.stream().filter(ScoredEvent::fraud).count());
    GateCheck calibration = check(none, "calibration_difference.max");
    assertThat(calibration.status()).isEqualTo(CheckStatus.NOT_CHECKED);
    assertThat(calibration.reason())
        .startsWith("every test window is immature (fold 1 (label" + " completeness");
    assertThat(check(none, "pr_auc.max_drop").reason())
        .contains("(on immature labels, the same" + " for both models: fold 1 (label completeness");
    assertThat(check(none, "prevented_asserts.min").reason()).doesNotContain("immature");
  }

  private static GateCheck check(ClientEvaluation e, String name) {
    return e.gate().checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  /** The client's reviews per day is the k of every precision-at-k metric, per fold too. */
  @Test
  void precisionAtKUsesTheClientsReviewsPerDay() {
    List<ScoredEvent> events = events(true);
    LocalDate[] days = events.stream().map(ScoredEvent::day).toArray(LocalDate[]::new);
    String[] customers = events.stream().map(ScoredEvent::customerId).toArray(String[]::new);
    String[] ids = events.stream().map(ScoredEvent::eventId).toArray(String[]::new);
    double[] scores = events.stream().mapToDouble(ev -> ev.candidate().score()).toArray();
    boolean[] fraud = new boolean[events.size()];
    for (int i = 0; i < fraud.length; i++) {
      fraud[i] = events.get(i).fraud();
    }

    for (int k : new int[] {1, 3}) {
      Map<String, Double> offline =
          ClientEvaluator.evaluate(context(true, null, k), events).offline();
      assertThat(offline.get("card_precision_at_k"))
          .isEqualTo(PrecisionAtK.cards(days, customers, scores, fraud, k));
      assertThat(offline.get("event_precision_at_k"))
          .isEqualTo(PrecisionAtK.events(days, ids, scores, fraud, k));
      assertThat(offline.get("precision_at_k"))
          .isEqualTo(PrecisionAtK.perDay(days, customers, scores, fraud, k));
    }

    ClientEvaluation e = ClientEvaluator.evaluate(context(true, null), events);
    assertThat(e.offline().get("card_precision_at_k"))
        .isEqualTo(PrecisionAtK.cards(days, customers, scores, fraud, REVIEWS_PER_DAY));
    assertThat(e.folds().get(0).candidate())
        .containsKeys("card_precision_at_k", "event_precision_at_k");
    assertThat(e.champion()).containsKeys("card_precision_at_k", "event_precision_at_k");
  }

  /**
   * Issue 31: summaries of customer partitions, each compacted and sent through Java serialization
   * as a Spark shuffle would, merge into the evaluation of all events at once.
   */
  @Test
  void summariesOfCustomerPartitionsMergeIntoTheEvaluationOfAllEvents() throws Exception {
    // k = 3 of ~100 events and customers a day: compaction drops most review candidates
    ClientContext context = context(true, "pr_auc:+0.01", 3);
    List<ScoredEvent> events = events(true);
    ClientEvaluation whole = ClientEvaluator.evaluate(context, events);

    List<ScoredEvent> shuffled = new ArrayList<>(events);
    java.util.Collections.shuffle(shuffled, new java.util.Random(5));
    List<ClientSummary> partitions = new ArrayList<>();
    for (int p = 0; p < 4; p++) {
      partitions.add(new ClientSummary());
    }
    for (ScoredEvent e : shuffled) {
      partitions.get(Math.floorMod(e.customerId().hashCode(), 4)).add(e, context);
    }
    ClientSummary merged = new ClientSummary();
    for (int p = 3; p >= 0; p--) {
      merged.merge(roundTrip(partitions.get(p).compact(context))).compact(context);
    }
    ClientEvaluation split = ClientEvaluator.evaluate(context, merged);

    assertThat(split.rows()).isEqualTo(whole.rows()).isEqualTo(events.size());
    assertCloseTo(split.offline(), whole.offline());
    assertCloseTo(split.champion(), whole.champion());
    assertCloseTo(split.parent(), whole.parent());
    for (int f = 0; f < whole.folds().size(); f++) {
      assertCloseTo(split.folds().get(f).candidate(), whole.folds().get(f).candidate());
      assertThat(split.folds().get(f).labelCompleteness())
          .isCloseTo(whole.folds().get(f).labelCompleteness(), within(1e-12));
    }
    assertThat(split.intervals()).isEqualTo(whole.intervals());
    assertThat(split.objective().statement()).isEqualTo(whole.objective().statement());
    assertThat(split.gate().passed()).isEqualTo(whole.gate().passed());
    assertThat(split.embeddedEvents()).isEqualTo(whole.embeddedEvents());
    assertThat(split.candidatePolicy().byRegion()).isEqualTo(whole.candidatePolicy().byRegion());
    assertThat(split.transitions().actionChangeRate())
        .isEqualTo(whole.transitions().actionChangeRate());
    assertThat(split.reasons().flips()).isEqualTo(whole.reasons().flips());
    assertThat(split.histograms().get("candidate")).isEqualTo(whole.histograms().get("candidate"));
  }

  /** Every metric of the summaries equals the row-level one, but the three ranked on buckets. */
  @Test
  void summaryMetricsAreTheRowLevelOnesButForTheBucketedRankings() {
    List<ScoredEvent> events = events(true);
    ClientContext context = context(true, null, 3);
    Map<String, Double> offline = ClientEvaluator.evaluate(context, events).offline();
    double[] scores = events.stream().mapToDouble(ev -> ev.candidate().score()).toArray();
    double[] champion = events.stream().mapToDouble(ev -> ev.champion().score()).toArray();
    double[] probabilities =
        events.stream().mapToDouble(ev -> ev.candidate().probability()).toArray();
    boolean[] fraud = new boolean[events.size()];
    for (int i = 0; i < fraud.length; i++) {
      fraud[i] = events.get(i).fraud();
    }

    ScoreSummary summary = new ScoreSummary();
    for (int i = 0; i < scores.length; i++) {
      summary.add(scores[i], probabilities[i], fraud[i]);
    }
    assertThat(BinaryMetrics.averagePrecision(scores, fraud))
        .isBetween(summary.averagePrecision().low(), summary.averagePrecision().high());
    assertThat(BinaryMetrics.rocAuc(scores, fraud))
        .isBetween(summary.rocAuc().low(), summary.rocAuc().high());
    assertThat(offline.get("roc_auc")).isEqualTo(summary.rocAuc().value());
    assertThat(offline.get("log_loss"))
        .isCloseTo(BinaryMetrics.logLoss(probabilities, fraud), within(1e-12));
    assertThat(offline.get("expected_calibration_error"))
        .isCloseTo(BinaryMetrics.expectedCalibrationError(probabilities, fraud, 10), within(1e-12));
    assertThat(offline.get("score_rank_correlation"))
        .isCloseTo(
            io.micromodels.evaluation.metrics.RankCorrelation.spearman(scores, champion),
            within(0.001));
    assertThat(offline.get("population_stability_index"))
        .isCloseTo(
            io.micromodels.evaluation.metrics.PopulationStability.psi(champion, scores),
            within(1e-12));
  }

  private static void assertCloseTo(Map<String, Double> actual, Map<String, Double> expected) {
    assertThat(actual).containsOnlyKeys(expected.keySet());
    expected.forEach(
        (key, value) -> {
          if (value.isNaN()) {
            assertThat(actual.get(key)).as(key).isNaN();
          } else {
            assertThat(actual.get(key)).as(key).isCloseTo(value, within(1e-9));
          }
        });
  }

  /** The context and the events travel to Spark tasks by Java serialization. */
  @Test
  void theContextAndEventsSurviveJavaSerialization() throws Exception {
    ClientContext context = context(true, null);
    ScoredEvent event = events(true).get(0);

    assertThat(roundTrip(context).gates()).isEqualTo(context.gates());
    assertThat(roundTrip(context).candidateShapes()).isEqualTo(context.candidateShapes());
    assertThat(roundTrip(event)).isEqualTo(event);
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }

    try (var in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  @Test
  void preventedAssertsCountCustomersPresentInTheTestWindows() {
    List<ScoredEvent> events =
        List.of(
            event("e1", "c1", 95, Action.PREVENT, false),
                event("e2", "c1", 10, Action.ALLOW, false),
            event("e3", "c2", 20, Action.ALLOW, true), event("e4", "c3", 99, Action.PREVENT, true));

    assertThat(
            ModelMetrics.preventedAsserts(
                events, ScoredEvent::candidate, Set.of("c1", "c2", "absent")))
        .isEqualTo(0.5);
    assertThat(ModelMetrics.preventedAsserts(events, ScoredEvent::candidate, Set.of("absent")))
        .isNaN();
  }

  @Test
  void aClientModelThatDoesNotBeatItsParentIsFlagged() {
    assertThat(new ParentComparison(0.30, 0.35, false).recommendFallback()).isTrue();
    assertThat(new ParentComparison(0.30, 0.30, false).recommendFallback()).isTrue();
    assertThat(new ParentComparison(0.40, 0.35, false).recommendFallback()).isFalse();
    assertThat(new ParentComparison(0.30, 0.35, true).recommendFallback()).isFalse();
    assertThat(new ParentComparison(0.30, Double.NaN, false).verdict())
        .isEqualTo("no global model to compare with");
  }

  private static ClientContext context(boolean champion, String objective) {
    return context(champion, objective, REVIEWS_PER_DAY);
  }

  private static ClientContext context(boolean champion, String objective, int reviewsPerDay) {
    return context(champion, objective, reviewsPerDay, 0.9);
  }

  private static ClientContext context(
      boolean champion, String objective, int reviewsPerDay, double minLabelCompleteness) {
    double[] delays = new double[200];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = i * 0.3; // labels arrive within 60 days, uniformly
    }

    return new ClientContext(
        "acme",
        "run-1",
        LAYOUT,
        GateSpec.defaults(),
        reviewsPerDay,
        minLabelCompleteness,
        LabelCompleteness.fromDelays(delays),
        Set.of("cu-1", "cu-2"),
        Map.of("email", 1.0, "basket", 0.5),
        champion ? Map.of("email", 0.9, "basket", 0.2) : null,
        List.of(LearnedShapesReportTest.behaviour()),
        champion ? List.of(LearnedShapesReportTest.behaviour()) : null,
        false,
        "Basket bigrams catch resellers",
        objective,
        Map.of("run", "run-1"),
        null);
  }

  /** Two folds of events whose candidate ranks fraud higher than the champion does. */
  private static List<ScoredEvent> events(boolean withChampion) {
    SplittableRandom random = new SplittableRandom(3);
    List<ScoredEvent> events = new ArrayList<>();
    Instant start = LAYOUT.testStart();
    for (int i = 0; i < 1400; i++) {
      Instant time = start.plus(Duration.ofMinutes(i * 14L));
      boolean fraud = random.nextDouble() < 0.1;
      double candidate = clamp((fraud ? 70 : 30) + 20 * random.nextGaussian());
      double champion = clamp((fraud ? 60 : 35) + 25 * random.nextGaussian());
      events.add(
          new ScoredEvent(
              "e" + i,
              "cu-" + (i % 300),
              time,
              time.atZone(ZoneOffset.UTC).toLocalDate(),
              i % 2 == 0 ? "US" : "EU",
              List.of("default"),
              "x" + i + "@example.com",
              10 + i % 50,
              fraud,
              fraud ? time.plusSeconds(86400) : null,
              prediction(candidate, Map.of("email", candidate / 50, "basket", 0.1)),
              withChampion
                  ? prediction(champion, Map.of("email", champion / 50, "basket", 0.3))
                  : null,
              prediction(clamp(candidate - 5), Map.of()),
              null));
    }

    return events;
  }

  private static ScoredEvent event(
      String id, String customer, double score, Action action, boolean fraud) {
    Instant time = LAYOUT.testStart();
    return new ScoredEvent(
        id,
        customer,
        time,
        time.atZone(ZoneOffset.UTC).toLocalDate(),
        "US",
        List.of(),
        null,
        1,
        fraud,
        null,
        new Prediction(score, score / 100, action, Map.of()),
        null,
        null,
        null);
  }

  private static Prediction prediction(double score, Map<String, Double> contributions) {
    Action action = score >= 80 ? Action.PREVENT : score >= 60 ? Action.REVIEW : Action.ALLOW;
    return new Prediction(score, score / 100, action, contributions);
  }

  private static double clamp(double score) {
    return Math.max(0, Math.min(100, score));
  }
}
