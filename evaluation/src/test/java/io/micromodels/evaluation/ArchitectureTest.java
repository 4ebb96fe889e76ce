package io.micromodels.evaluation;

import io.micromodels.features.testing.SparkAtTheEdge;
import org.junit.jupiter.api.Test;

/** The build's architecture rules on this module's main classes (docs/architecture.md). */
class ArchitectureTest {
  @Test
  void sparkStaysAtTheEdge() {
    SparkAtTheEdge.check("io.micromodels.evaluation");
  }
}
