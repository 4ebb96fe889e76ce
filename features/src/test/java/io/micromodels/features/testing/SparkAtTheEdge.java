package io.micromodels.features.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The build's architecture rules (DESIGN.md §1): code that needs Spark lives in a {@code spark}
 * package, the rest is plain Java. Each library module's {@code ArchitectureTest} checks its own
 * main classes against them; {@code SparkAtTheEdgeTest} shows they fail on a misplaced import.
 */
public final class SparkAtTheEdge {
  private static final String[] PLATFORM = {
    "org.apache.spark..", "io.delta..", "org.apache.hadoop..", "scala.."
  };

  /** Spark, Delta, Hadoop and Scala only in {@code spark} packages ({@code kernel}: see below). */
  public static final ArchRule PLATFORM_ONLY_IN_SPARK_PACKAGES =
      noClasses()
          .that()
          .resideOutsideOfPackages("..spark..", "..kernel..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(PLATFORM)
          .because("plain Java stays testable without Spark and the scorer jar carries no Spark");

  /**
   * The registry's Spark-free index reader ({@code registry.kernel}) is what Delta Kernel and
   * Hadoop's file systems are for; Spark and Scala stay out of it.
   */
  public static final ArchRule KERNEL_WITHOUT_SPARK =
      noClasses()
          .that()
          .resideInAPackage("..kernel..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.spark..", "scala..")
          .because("registry reads must not start Spark")
          .allowEmptyShould(true); // only the registry has a kernel package

  /** A plain package never reaches into a {@code spark} package. */
  public static final ArchRule PLAIN_PACKAGES_WITHOUT_SPARK_PACKAGES =
      noClasses()
          .that()
          .resideOutsideOfPackage("..spark..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.micromodels..spark..")
          .because("a plain class using a spark-package class drags Spark in behind it");

  public static final List<ArchRule> RULES =
      List.of(
          PLATFORM_ONLY_IN_SPARK_PACKAGES,
          KERNEL_WITHOUT_SPARK,
          PLAIN_PACKAGES_WITHOUT_SPARK_PACKAGES);

  private SparkAtTheEdge() {}

  /** A module's main classes (its test classes left out), by its root package. */
  public static JavaClasses mainClasses(String rootPackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(rootPackage);
  }

  /** Checks every rule on a module's main classes; an AssertionError names each violation. */
  public static void check(String rootPackage) {
    JavaClasses classes = mainClasses(rootPackage);
    if (classes.isEmpty()) {
      throw new IllegalStateException("no main classes found under " + rootPackage);
    }

    RULES.forEach(rule -> rule.check(classes));
  }
}
