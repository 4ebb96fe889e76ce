package io.micromodels.training.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SparseVectorBuilderTest {
  @Test
  void buildSortsIndicesAndSumsRepeats() {
    SparseVector vector =
        new SparseVectorBuilder(1).add(7, 1).add(2, 0.5).add(7, 2).add(0, -1).add(2, 0.25).build();

    assertThat(vector.indices()).containsExactly(0, 2, 7);
    assertThat(vector.values()).containsExactly(-1, 0.75, 3);
  }

  @Test
  void entriesSummingToZeroAreLeftOut() {
    SparseVector vector = new SparseVectorBuilder().add(3, 1).add(3, -1).add(4, 0).build();

    assertThat(vector).isEqualTo(SparseVector.EMPTY);
  }

  @Test
  void repeatsAreSummedInInsertionOrder() {
    // (0.1 + 0.2) + 0.3 differs from 0.1 + (0.2 + 0.3) in the last bit.
    SparseVector vector = new SparseVectorBuilder().add(1, 0.1).add(1, 0.2).add(1, 0.3).build();

    assertThat(vector.values()).containsExactly((0.1 + 0.2) + 0.3);
  }

  @Test
  void scaleMultipliesEverythingAddedSoFar() {
    SparseVector vector =
        new SparseVectorBuilder().add(1, 2).add(1, 2).scale(0.5).add(9, 3).build();

    assertThat(vector).hasToString("{1:2.0, 9:3.0}");
  }

  @Test
  void buildLeavesTheBuilderUsable() {
    SparseVectorBuilder builder = new SparseVectorBuilder().add(1, 1);
    builder.build();

    assertThat(builder.add(0, 1).build()).hasToString("{0:1.0, 1:1.0}");
  }

  @Test
  void growsBeyondItsInitialCapacity() {
    SparseVectorBuilder builder = new SparseVectorBuilder(2);
    for (int i = 999; i >= 0; i--) {
      builder.add(i, i + 1);
    }

    SparseVector vector = builder.build();

    assertThat(vector.size()).isEqualTo(1000);
    assertThat(vector.indices()[999]).isEqualTo(999);
    assertThat(vector.values()[999]).isEqualTo(1000);
  }

  @Test
  void refusesNegativeIndicesAndNonFiniteValues() {
    SparseVectorBuilder builder = new SparseVectorBuilder();

    assertThatThrownBy(() -> builder.add(-1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot add 1.0 at index -1");
    assertThatThrownBy(() -> builder.add(1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot add NaN at index 1");
    assertThatThrownBy(() -> builder.scale(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot scale by Infinity");
  }
}
