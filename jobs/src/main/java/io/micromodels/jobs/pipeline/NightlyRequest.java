package io.micromodels.jobs.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one nightly run works on.
 *
 * @param configs folder of client configs
 * @param clients client ids to run, or null for every configured client
 * @param asOf the run's moment: features of its day, labels known then
 * @param inputs event files or folders to ingest first (empty: the events table as it is)
 * @param actor who the registry records as publishing and promoting
 */
public record NightlyRequest(
    Path configs, List<String> clients, Instant asOf, List<String> inputs, String actor) {
  public NightlyRequest {
    Objects.requireNonNull(configs, "configs");
    Objects.requireNonNull(asOf, "asOf");
    clients = clients == null ? null : List.copyOf(clients);
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    Objects.requireNonNull(actor, "actor");
  }
}
