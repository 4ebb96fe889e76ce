package io.micromodels.jobs.cli;

import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code micromodels clients DIR}: validates client configs (no Spark) and summarises them. */
@Command(
    name = "clients",
    mixinStandardHelpOptions = true,
    description = "Validates the client configs of a folder and prints one line per client;"
        + " exits 2 naming the file and key of the first problem.")
final class ClientsCommand implements Callable<Integer> {
  @Parameters(index = "0", defaultValue = "data-samples/clients", paramLabel = "DIR",
      description = "Folder of <client_id>.yaml files (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Override
  public Integer call() {
    List<ClientConfig> configs = ClientConfigLoader.loadAll(dir);
    System.out.printf("%-12s %-18s %-17s %8s %11s  %s%n", "client", "time zone", "policy",
        "features", "micromodels", "config hash");
    for (ClientConfig c : configs) {
      System.out.printf("%-12s %-18s %-17s %8d %11d  %s%n", c.clientId(), c.timeZone(),
          c.policy().style().getClass().getSimpleName(), c.featureColumns().size(),
          c.micromodels().size(), c.configHash().substring(0, 12));
    }

    System.out.println(configs.size() + " client config(s) valid in " + dir);
    return MicromodelsCli.EXIT_OK;
  }
}
