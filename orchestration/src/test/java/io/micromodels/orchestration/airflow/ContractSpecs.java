package io.micromodels.orchestration.airflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Airflow's official OpenAPI documents ({@code shared/contracts/airflow/}). The build passes
 * {@code -Dairflow.contracts=${project.basedir}/../../shared/contracts/airflow}; when the
 * repository is checked out deeper (a git worktree, say), the nearest ancestor folder that holds
 * {@code shared/contracts/airflow} is used instead.
 */
final class ContractSpecs {
  static final String PROPERTY = "airflow.contracts";

  private ContractSpecs() {}

  static Path locate(String name) {
    List<Path> tried = new ArrayList<>();
    String configured = System.getProperty(PROPERTY);
    if (configured != null) {
      tried.add(Path.of(configured).toAbsolutePath().normalize());
    }

    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      tried.add(dir.resolve("shared/contracts/airflow"));
    }

    for (Path dir : tried) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }

    throw new IllegalStateException(
        "Airflow OpenAPI spec "
            + name
            + " not found; looked in "
            + tried
            + ". The contract tests need the official specs of shared/contracts/airflow/:"
            + " check out shared/ beside the repository, or pass -D"
            + PROPERTY
            + "=<folder>.");
  }
}
