package io.micromodels.jobs.cli;

import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code micromodels clients DIR}: validates client configs (no Spark) and summarises them. */
@Command(
    name = "clients",
    mixinStandardHelpOptions = true,
    description =
        "Validates the client configs of a folder and prints one line per client,"
            + " then a note per gate that cannot be measured (a prevented_asserts gate without an"
            + " assertions file); exits 2 naming the file and key of the first problem.")
final class ClientsCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      defaultValue = "data-samples/clients",
      paramLabel = "DIR",
      description = "Folder of <client_id>.yaml files (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<ClientConfig> configs = ClientConfigLoader.loadAll(dir);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%-12s %-18s %-17s %8s %11s  %s%n",
        "client", "time zone", "policy", "features", "micromodels", "config hash");
    for (ClientConfig c : configs) {
      out.printf(
          "%-12s %-18s %-17s %8d %11d  %s%n",
          c.clientId(),
          c.timeZone(),
          c.policy().style().getClass().getSimpleName(),
          c.featureColumns().size(),
          c.micromodels().size(),
          c.configHash().substring(0, 12));
    }

    for (ClientConfig c : configs) {
      if (c.assertions() == null
          && c.gates().stream().anyMatch(g -> g.metric().equals("prevented_asserts"))) {
        out.println(
            "note: client "
                + c.clientId()
                + " has no `assertions` file: its"
                + " prevented_asserts gate cannot be measured and blocks every release; configure"
                + " one or remove the gate");
      }
    }

    out.println(configs.size() + " client config(s) valid in " + dir);
    out.flush();
    return MicromodelsCli.EXIT_OK;
  }
}
