package io.micromodels.evaluation.metrics;

/**
 * Stable argsort of a primitive array without boxing: the metrics sort one client's rows inside a
 * Spark task, so an {@code Integer[]} plus comparator per call would be the largest allocation.
 */
final class IndexOrder {
  private IndexOrder() {}

  /**
   * Row indices ordered by ascending value; equal values keep their input order (as numpy's {@code
   * argsort(kind="mergesort")}). {@code -0.0} and {@code 0.0} compare equal.
   */
  static int[] ascending(double[] values) {
    int n = values.length;
    int[] source = new int[n];
    for (int i = 0; i < n; i++) {
      source[i] = i;
    }

    int[] target = new int[n];
    // Bottom-up merge sort, ping-ponging between the two buffers.
    for (int width = 1; width < n; width <<= 1) {
      for (int low = 0; low < n; low += 2 * width) {
        int middle = Math.min(low + width, n);
        int high = Math.min(low + 2 * width, n);
        merge(values, source, target, low, middle, high);
      }

      int[] swap = source;
      source = target;
      target = swap;
    }
    return source;
  }

  private static void merge(
      double[] values, int[] source, int[] target, int low, int middle, int high) {
    int left = low;
    int right = middle;
    for (int out = low; out < high; out++) {
      boolean takeLeft =
          right >= high || (left < middle && !(values[source[right]] < values[source[left]]));
      target[out] = takeLeft ? source[left++] : source[right++];
    }
  }
}
