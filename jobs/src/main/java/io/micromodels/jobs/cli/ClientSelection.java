package io.micromodels.jobs.cli;

import io.micromodels.features.ConfigException;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The client configs a command works on: all of a folder, or the ones named by --clients (a picocli
 * mixin, so every command spells the options the same way).
 */
final class ClientSelection {
  @Option(
      names = "--configs",
      defaultValue = "data-samples/clients",
      description = "Folder of client configs (default: ${DEFAULT-VALUE}).")
  Path configs;

  @Option(
      names = "--clients",
      split = ",",
      converter = Identifiers.ClientId.class,
      description = "Client ids (default: all configured).")
  List<String> clients;

  /** The selected configs, loaded and validated (no Spark). */
  List<ClientConfig> select() {
    return select(configs, clients);
  }

  /** Loads and validates the folder's configs (no Spark); unknown ids are bad usage. */
  static List<ClientConfig> select(Path configs, List<String> ids) {
    List<ClientConfig> all = ClientConfigLoader.loadAll(configs);
    if (ids == null) {
      return all;
    }

    for (String id : ids) {
      if (all.stream().noneMatch(c -> c.clientId().value().equals(id))) {
        throw new ConfigException(
            "--clients: no config for client '"
                + id
                + "' in "
                + configs
                + "; configured: "
                + all.stream().map(c -> c.clientId().value()).toList());
      }
    }

    return all.stream().filter(c -> ids.contains(c.clientId().value())).toList();
  }
}
