package io.micromodels.training.testing;

import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.fit.Design;
import io.micromodels.training.fit.LogisticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Seeded sparse designs whose true model is known: each row has a few active features out of {@code
 * dimension} (values in [0.5, 1.5), like hashed token counts); labels are drawn from {@code
 * sigmoid(intercept + signal * sum of the informative features' +-1 weights)}. The first {@code
 * informative} features carry the signal: even ones raise fraud, odd ones lower it.
 *
 * @param rows number of rows
 * @param dimension number of feature indices
 * @param activePerRow non-zero features per row
 * @param informative how many features carry signal (a prefix of the indices)
 * @param signal weight magnitude of an informative feature; 0 makes labels independent of features
 * @param intercept the true intercept (sets the base rate)
 */
public record SyntheticDesigns(
    int rows, int dimension, int activePerRow, int informative, double signal, double intercept) {

  /** A few thousand rows, a few hundred features, ten informative ones, ~25 % positives. */
  public static SyntheticDesigns moderate() {
    return new SyntheticDesigns(3000, 300, 12, 10, 1.5, -1.2);
  }

  public SyntheticDesigns withRows(int newRows) {
    return new SyntheticDesigns(newRows, dimension, activePerRow, informative, signal, intercept);
  }

  public SyntheticDesigns withSignal(double newSignal) {
    return new SyntheticDesigns(rows, dimension, activePerRow, informative, newSignal, intercept);
  }

  /** The design for one seed; the same seed gives the same design. */
  public Design generate(long seed) {
    Random random = new Random(seed);
    List<SparseVector> vectors = new ArrayList<>(rows);
    double[] labels = new double[rows];
    for (int i = 0; i < rows; i++) {
      TreeMap<Integer, Double> active = new TreeMap<>();
      while (active.size() < activePerRow) {
        // informative features are over-sampled so that every row sees some signal
        int index =
            random.nextInt(4) == 0 ? random.nextInt(informative) : random.nextInt(dimension);
        active.put(index, 0.5 + random.nextDouble());
      }

      double logOdds = intercept;
      int[] indices = new int[active.size()];
      double[] values = new double[active.size()];
      int k = 0;
      for (var entry : active.entrySet()) {
        indices[k] = entry.getKey();
        values[k++] = entry.getValue();
        if (entry.getKey() < informative) {
          logOdds += (entry.getKey() % 2 == 0 ? signal : -signal) * entry.getValue();
        }
      }

      vectors.add(new SparseVector(indices, values));
      labels[i] = random.nextDouble() < 1 / (1 + Math.exp(-logOdds)) ? 1 : 0;
    }

    return new Design(vectors, labels, dimension);
  }

  /** The model the labels are drawn from. */
  public LogisticModel trueModel() {
    double[] weights = new double[dimension];
    for (int j = 0; j < informative; j++) {
      weights[j] = j % 2 == 0 ? signal : -signal;
    }

    return LogisticModel.ofDense(intercept, weights);
  }

  /** The area under the ROC curve of scores against labels (ties count half). */
  public static double auc(double[] scores, double[] labels) {
    double positives = 0;
    double pairs = 0;
    double wins = 0;
    for (int i = 0; i < scores.length; i++) {
      if (labels[i] != 1) {
        continue;
      }

      positives++;
      for (int j = 0; j < scores.length; j++) {
        if (labels[j] == 0) {
          pairs++;
          wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
        }
      }
    }

    return positives == 0 || pairs == 0 ? Double.NaN : wins / pairs;
  }
}
