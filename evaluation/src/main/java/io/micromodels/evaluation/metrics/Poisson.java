package io.micromodels.evaluation.metrics;

import java.util.SplittableRandom;

/**
 * Draws Poisson-distributed counts, as numpy's generator does: by multiplying uniforms below a mean
 * of 10 and by Hörmann's transformed rejection (PTRS, 1993) above, so a draw costs a few uniforms
 * whatever the mean (the Poisson bootstrap of a bucket with a million rows).
 */
final class Poisson {
  private static final int SMALL_MEAN = 10;
  private static final int TABLED_FACTORIALS = 20;
  private static final double[] LOG_FACTORIALS = new double[TABLED_FACTORIALS];

  static {
    for (int k = 1; k < TABLED_FACTORIALS; k++) {
      LOG_FACTORIALS[k] = LOG_FACTORIALS[k - 1] + Math.log(k);
    }
  }

  private Poisson() {}

  static long draw(double mean, SplittableRandom random) {
    if (mean == 0) {
      return 0;
    }
    return mean < SMALL_MEAN ? multiplied(mean, random) : transformedRejection(mean, random);
  }

  private static long multiplied(double mean, SplittableRandom random) {
    double limit = Math.exp(-mean);
    long count = 0;
    double product = random.nextDouble();
    while (product > limit) {
      count++;
      product *= random.nextDouble();
    }
    return count;
  }

  private static long transformedRejection(double mean, SplittableRandom random) {
    double root = Math.sqrt(mean);
    double logMean = Math.log(mean);
    double b = 0.931 + 2.53 * root;
    double a = -0.059 + 0.02483 * b;
    double inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double acceptAlways = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= acceptAlways) {
        return k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b)
          <= -mean + k * logMean - logFactorial(k)) {
        return k;
      }
    }
  }

  /** ln k!: tabled below 20, Stirling's series above (error below 1e-13 there). */
  static double logFactorial(long k) {
    if (k < TABLED_FACTORIALS) {
      return LOG_FACTORIALS[(int) k];
    }
    double n = k;
    double n2 = n * n;
    return n * Math.log(n)
        - n
        + 0.5 * Math.log(2 * Math.PI * n)
        + 1 / (12 * n)
        - 1 / (360 * n * n2)
        + 1 / (1260 * n * n2 * n2);
  }
}
