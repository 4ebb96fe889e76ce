package io.micromodels.jobs.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one weekly run works on.
 *
 * @param configs folder of client configs
 * @param clients client ids to run, or null for every configured client
 * @param asOf labels as known then; the test windows end with its last whole day
 * @param folds walk-forward folds per client
 * @param testDays days of each fold's test window
 */
public record WeeklyRequest(
    Path configs, List<String> clients, Instant asOf, int folds, int testDays) {
  public WeeklyRequest {
    Objects.requireNonNull(configs, "configs");
    Objects.requireNonNull(asOf, "asOf");
    clients = clients == null ? null : List.copyOf(clients);
  }
}
