package io.micromodels.training.featurize;

import java.util.Arrays;

/**
 * Collects index/value pairs in any order and builds a {@link SparseVector}: repeated indices are
 * summed and entries that sum to exactly zero (e.g. two hashed tokens of opposite sign) are left
 * out. Not thread-safe; one per featurize call.
 */
public final class SparseVectorBuilder {
  private static final int INITIAL_CAPACITY = 64;

  private int[] indices;
  private double[] values;
  private int size;

  public SparseVectorBuilder() {
    this(INITIAL_CAPACITY);
  }

  /** A builder expecting about {@code capacity} entries (it grows beyond). */
  public SparseVectorBuilder(int capacity) {
    indices = new int[Math.max(capacity, 1)];
    values = new double[indices.length];
  }

  /**
   * Adds a value at an index.
   *
   * @throws IllegalArgumentException for a negative index or a non-finite value
   */
  public SparseVectorBuilder add(int index, double value) {
    if (index < 0 || !Double.isFinite(value)) {
      throw new IllegalArgumentException("cannot add " + value + " at index " + index);
    }

    if (size == indices.length) {
      indices = Arrays.copyOf(indices, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }

    indices[size] = index;
    values[size++] = value;
    return this;
  }

  /**
   * Multiplies every value added so far by a factor (e.g. to normalise a block of hashed tokens
   * before dense features are added).
   */
  public SparseVectorBuilder scale(double factor) {
    if (!Double.isFinite(factor)) {
      throw new IllegalArgumentException("cannot scale by " + factor);
    }

    for (int i = 0; i < size; i++) {
      values[i] *= factor;
    }

    return this;
  }

  /** The number of pairs added so far (before repeats are summed). */
  public int size() {
    return size;
  }

  /** The vector of everything added so far, sorted by index; the builder stays usable. */
  public SparseVector build() {
    // Sort (index, insertion position) keys so that repeats are summed in insertion order: the
    // result is then bit-for-bit the same whichever sort the JDK uses.
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      keys[i] = (long) indices[i] << 32 | i;
    }

    Arrays.sort(keys);
    int[] outIndices = new int[size];
    double[] outValues = new double[size];
    int out = 0;
    for (int k = 0; k < size; ) {
      int index = (int) (keys[k] >>> 32);
      double sum = 0;
      for (; k < size && (int) (keys[k] >>> 32) == index; k++) {
        sum += values[(int) keys[k]];
      }

      if (sum != 0) {
        outIndices[out] = index;
        outValues[out++] = sum;
      }
    }

    return out == size
        ? new SparseVector(outIndices, outValues)
        : new SparseVector(Arrays.copyOf(outIndices, out), Arrays.copyOf(outValues, out));
  }
}
