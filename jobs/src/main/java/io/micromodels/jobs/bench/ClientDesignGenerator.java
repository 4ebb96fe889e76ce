package io.micromodels.jobs.bench;

import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.fit.Design;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded, client-sized sparse design shaped like a micromodel's input: a few standardised numeric
 * features (indices 0-4) and ~30 hashed tokens per row drawn from a Zipf vocabulary, with ~2 %
 * positives. Fraud rows draw part of their tokens from a small fraud vocabulary (disposable
 * domains, resold goods) and have shifted numeric features, so the signal is real but noisy.
 *
 * @param rows rows to generate
 * @param dimension hashed feature space (tokens collide as with a real hasher)
 * @param fraudRate expected share of positive rows
 * @param seed the generator's seed
 */
public record ClientDesignGenerator(int rows, int dimension, double fraudRate, long seed) {
  private static final int NUMERIC = 5;
  private static final int VOCABULARY = 50_000;
  private static final int FRAUD_VOCABULARY = 300;
  private static final int TOKENS_PER_ROW = 30;
  private static final double ZIPF_EXPONENT = 1.1;

  public ClientDesignGenerator {
    if (rows <= 0 || dimension <= NUMERIC || !(fraudRate > 0 && fraudRate < 1)) {
      throw new IllegalArgumentException(
          "rows "
              + rows
              + ", dimension "
              + dimension
              + " (more than "
              + NUMERIC
              + "), fraud rate "
              + fraudRate
              + " in (0, 1)");
    }
  }

  public Design generate() {
    Random random = new Random(seed);
    double[] cumulative = zipf();
    List<SparseVector> vectors = new ArrayList<>(rows);
    double[] labels = new double[rows];
    for (int i = 0; i < rows; i++) {
      boolean fraud = random.nextDouble() < fraudRate;
      labels[i] = fraud ? 1 : 0;
      TreeMap<Integer, Double> row = new TreeMap<>();
      for (int j = 0; j < NUMERIC; j++) {
        row.put(j, random.nextGaussian() + (fraud ? 0.5 * (j + 1) / NUMERIC : 0));
      }

      int tokens = TOKENS_PER_ROW / 2 + random.nextInt(TOKENS_PER_ROW);
      for (int t = 0; t < tokens; t++) {
        // fraud rows take 10 % of their tokens from the fraud vocabulary, genuine rows 0.2 %
        boolean fraudToken = random.nextDouble() < (fraud ? 0.1 : 0.002);
        int token =
            fraudToken ? VOCABULARY + random.nextInt(FRAUD_VOCABULARY) : sample(cumulative, random);
        row.merge(index(token), 1.0, Double::sum);
      }

      vectors.add(vector(row));
    }

    return new Design(vectors, labels, dimension);
  }

  private static double[] zipf() {
    double[] cumulative = new double[VOCABULARY];
    double sum = 0;
    for (int k = 0; k < VOCABULARY; k++) {
      sum += 1 / Math.pow(k + 1, ZIPF_EXPONENT);
      cumulative[k] = sum;
    }

    for (int k = 0; k < VOCABULARY; k++) {
      cumulative[k] /= sum;
    }

    return cumulative;
  }

  private static int sample(double[] cumulative, Random random) {
    int found = Arrays.binarySearch(cumulative, random.nextDouble());
    return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
  }

  /** Token id to a hashed index past the numeric block (a 64-bit mix, as a hasher would). */
  private int index(int token) {
    long h = token * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    h *= 0xBF58476D1CE4E5B9L;
    h ^= h >>> 29;
    return NUMERIC + (int) Math.floorMod(h, (long) (dimension - NUMERIC));
  }

  private static SparseVector vector(TreeMap<Integer, Double> row) {
    int[] indices = row.keySet().stream().mapToInt(Integer::intValue).toArray();
    double[] values = row.values().stream().mapToDouble(Double::doubleValue).toArray();
    return new SparseVector(indices, values);
  }
}
