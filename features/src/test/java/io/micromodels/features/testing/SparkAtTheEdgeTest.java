package io.micromodels.features.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class SparkAtTheEdgeTest {
  /** The misplaced fixture, a test class: imported here on purpose, tests included. */
  private static final JavaClasses MISPLACED =
      new ClassFileImporter().importPackages("io.micromodels.features.testing.misplaced");

  @Test
  void aPlainPackageImportingSparkFailsTheRule() {
    assertThatThrownBy(() -> SparkAtTheEdge.PLATFORM_ONLY_IN_SPARK_PACKAGES.check(MISPLACED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("SparkInAPlainPackage")
        .hasMessageContaining("org.apache.spark.sql.Row");
  }

  @Test
  void aPlainPackageUsingASparkPackageFailsTheRule() {
    assertThatThrownBy(() -> SparkAtTheEdge.PLAIN_PACKAGES_WITHOUT_SPARK_PACKAGES.check(MISPLACED))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.micromodels.features.spark.SparkSettings");
  }

  @Test
  void theFeaturesModuleKeepsSparkAtTheEdge() {
    assertThatCode(() -> SparkAtTheEdge.check("io.micromodels.features"))
        .doesNotThrowAnyException();
  }
}
