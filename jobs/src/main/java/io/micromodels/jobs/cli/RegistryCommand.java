package io.micromodels.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.spark.SparkSessions;
import io.micromodels.features.spark.SparkSettings;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.RegistryState;
import io.micromodels.registry.VersionEntry;
import io.micromodels.registry.spark.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code micromodels registry list|show|promote|rollback|feed|history}: the model registry under
 * {@code <warehouse>/registry} (docs/registry.md). Reads take {@code --as-of-version N} to see a
 * past state of the index (Delta time travel).
 */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = "Lists, shows, promotes and rolls back model versions; writes the ingest feed.")
final class RegistryCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPARK_HADOOP = "spark.hadoop.";

  @ParentCommand MicromodelsCli root;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      defaultValue = ModelRef.DEFAULT_MODEL,
      scope = picocli.CommandLine.ScopeType.INHERIT,
      converter = Identifiers.ClientId.class,
      description = "Model name within the client (default: ${DEFAULT-VALUE}).")
  String model;

  /** The registry for promote and rollback, which commit to the index with Spark. */
  private Registry registry() {
    SparkSettings settings = root.global.sparkSettings();
    return new Registry(
        SparkSessions.create("micromodels-registry", settings), settings.tablePath("registry"));
  }

  /**
   * The registry for list, show, history and feed: read with Delta Kernel, no Spark started (about
   * 1 s instead of about 20). The platform config's {@code spark.hadoop.*} settings reach Hadoop's
   * file systems as they would through Spark.
   */
  private Registry reader() {
    SparkSettings settings = root.global.sparkSettings();
    org.apache.hadoop.conf.Configuration hadoop = new org.apache.hadoop.conf.Configuration();
    settings
        .conf()
        .forEach(
            (key, value) -> {
              if (key.startsWith(SPARK_HADOOP)) {
                hadoop.set(key.substring(SPARK_HADOOP.length()), value);
              }
            });
    return Registry.readOnly(hadoop, settings.tablePath("registry"));
  }

  private static RegistryState state(Registry registry, Long asOfVersion) {
    return asOfVersion == null ? registry.state() : registry.stateAt(asOfVersion);
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Each client's versions with status, and its blocked candidates.")
  int list(
      @Option(
              names = "--clients",
              split = ",",
              converter = Identifiers.ClientId.class,
              description = "Client ids (default: all).")
          List<String> clients,
      @Option(names = "--as-of-version", description = "Index version to read (time travel).")
          Long asOfVersion) {
    RegistryState state = state(reader(), asOfVersion);
    for (ModelRef ref : state.models()) {
      if (clients != null && !clients.contains(ref.client()) || !ref.model().equals(model)) {
        continue;
      }

      out()
          .println(
              "== "
                  + ref.registeredName()
                  + " ("
                  + state.blocked(ref).size()
                  + " blocked candidates)");
      for (VersionEntry v : state.versions(ref)) {
        out()
            .println(
                String.format(
                    "v%-4d %-10s %s  %s: %s",
                    v.version(), v.status().label(), v.created(), v.actor(), v.reason()));
      }

      state
          .blocked(ref)
          .forEach(
              b ->
                  out()
                      .println(
                          String.format(
                              "-     %-10s %s  %s: %s",
                              "blocked", b.created(), b.actor(), b.reason())));
    }

    return MicromodelsCli.EXIT_OK;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "A version's status, history and manifest.")
  int show(
      @Option(names = "--client", required = true, converter = Identifiers.ClientId.class)
          String client,
      @Option(
              names = "--model-version",
              required = true,
              converter = Identifiers.ModelVersion.class,
              description = "The version (v<N> or N).")
          int version,
      @Option(names = "--as-of-version", description = "Index version to read (time travel).")
          Long asOfVersion)
      throws IOException {
    Registry registry = reader();
    ModelRef ref = new ModelRef(client, model);
    Registry.VersionDetails d = registry.show(state(registry, asOfVersion), ref, version);
    out()
        .println(
            ref.registeredName()
                + " v"
                + version
                + ": "
                + d.entry().status().label()
                + " at "
                + d.entry().location());
    for (RegistryEvent e : d.history()) {
      out()
          .println(
              "  #"
                  + e.seq()
                  + " "
                  + e.time()
                  + " "
                  + e.kind().label()
                  + " by "
                  + e.actor()
                  + ": "
                  + e.reason());
    }

    out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d.manifest()));
    return MicromodelsCli.EXIT_OK;
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description = "Makes a version the client's production model (alias champion).")
  int promote(
      @Option(names = "--client", required = true, converter = Identifiers.ClientId.class)
          String client,
      @Option(
              names = "--model-version",
              required = true,
              converter = Identifiers.ModelVersion.class,
              description = "The version (v<N> or N).")
          int version,
      @Option(names = "--reason", required = true, converter = Identifiers.Reason.class)
          String reason,
      @Option(names = "--actor", description = "Who (default: the user name).") String actor) {
    RegistryEvent e = registry().promote(new ModelRef(client, model), version, who(actor), reason);
    out().println(describe(e));
    return MicromodelsCli.EXIT_OK;
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Returns the client to its previous production version.")
  int rollback(
      @Option(names = "--client", required = true, converter = Identifiers.ClientId.class)
          String client,
      @Option(names = "--reason", required = true, converter = Identifiers.Reason.class)
          String reason,
      @Option(names = "--actor", description = "Who (default: the user name).") String actor) {
    RegistryEvent e = registry().rollback(new ModelRef(client, model), who(actor), reason);
    out().println(describe(e));
    return MicromodelsCli.EXIT_OK;
  }

  @Command(
      name = "feed",
      mixinStandardHelpOptions = true,
      description =
          "The registry-ingest feed (feed.schema.json): production per model and the"
              + " events after --since; send its cursor.next as --since next time.")
  int feed(
      @Option(names = "--since", defaultValue = "0", description = "Cursor (default: 0, all).")
          long since,
      @Option(names = "--out", description = "Write to this file instead of stdout.") Path out)
      throws IOException {
    String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reader().feed(since));
    if (out == null) {
      out().println(json);
    } else {
      Files.writeString(out, json);
    }

    return MicromodelsCli.EXIT_OK;
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "Every version of the registry index (each readable with --as-of-version).")
  int history() {
    reader()
        .history()
        .forEach(v -> out().println(v.version() + "  " + v.time() + "  " + v.operation()));
    return MicromodelsCli.EXIT_OK;
  }

  /** picocli's output writer (stdout unless a caller such as a test redirects it). */
  private java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private static String who(String actor) {
    return actor != null ? actor : System.getProperty("user.name", "unknown");
  }

  private static String describe(RegistryEvent e) {
    return e.ref().registeredName()
        + ": "
        + e.kind().label()
        + " v"
        + e.version()
        + (e.previous() == null ? "" : " (production before: v" + e.previous() + ")")
        + " by "
        + e.actor()
        + ", index event #"
        + e.seq();
  }
}
