package io.micromodels.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IndexOrderTest {
  @Test
  void ordersAscendingAndKeepsEqualValuesInInputOrder() {
    SplittableRandom random = new SplittableRandom(42);
    for (int n : new int[] {0, 1, 2, 3, 17, 1000}) {
      double[] values = random.doubles(n).map(v -> Math.floor(v * 10)).toArray();
      int[] expected =
          IntStream.range(0, n)
              .boxed()
              .sorted(Comparator.comparingDouble(i -> values[i])) // List.sort is stable
              .mapToInt(Integer::intValue)
              .toArray();
      assertThat(IndexOrder.ascending(values)).as("n=%d", n).containsExactly(expected);
    }
  }
}
