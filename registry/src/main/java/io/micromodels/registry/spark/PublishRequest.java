package io.micromodels.registry.spark;

import io.micromodels.registry.Decision;
import io.micromodels.registry.ModelRef;
import java.util.Objects;

/**
 * One candidate to publish.
 *
 * @param modelJson path or URI of the candidate's {@code model.json}
 * @param backtest path or URI of its backtest folder ({@code metrics.json}, {@code report.html},
 *     {@code scores.csv.gz})
 * @param decision published, blocked or forced (see {@link Publisher#decide})
 */
public record PublishRequest(ModelRef ref, String modelJson, String backtest, Decision decision) {
  public static final String METRICS = "metrics.json";
  public static final String REPORT = "report.html";
  public static final String SCORES = "scores.csv.gz";

  public PublishRequest {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(modelJson, "modelJson");
    Objects.requireNonNull(backtest, "backtest");
    Objects.requireNonNull(decision, "decision");
  }
}
