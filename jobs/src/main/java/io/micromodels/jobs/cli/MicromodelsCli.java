package io.micromodels.jobs.cli;

import io.micromodels.features.BadUsage;
import io.micromodels.registry.PublishHook;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code micromodels} command line. Exit codes: 0 ok, 1 failure, 2 bad usage/config, 3 gate.
 */
@Command(
    name = "micromodels",
    mixinStandardHelpOptions = true,
    version = "micromodels 0.1.0",
    description = "Batch retraining and backtests of per-client fraud models on Spark.",
    subcommands = {
      SampleCommand.class,
      IngestCommand.class,
      FeaturesCommand.class,
      ClientsCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      AirflowCommand.class,
      TrainCommand.class,
      BacktestCommand.class,
      GateCommand.class,
      PublishCommand.class,
      RegistryCommand.class,
      RunCommand.class,
      ScoreCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MicromodelsCli implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_BLOCKED = 3;

  /** The worse of two clients' exit codes: a failure (1) outranks a block (3), which outranks 0. */
  static int worse(int a, int b) {
    return a == EXIT_FAILURE || b == EXIT_FAILURE ? EXIT_FAILURE : Math.max(a, b);
  }

  @Mixin GlobalOptions global;

  /** Told of the publish's pause points: {@link PublishHook#NONE} but in crash tests. */
  final PublishHook publishHook;

  public MicromodelsCli() {
    this(PublishHook.NONE);
  }

  private MicromodelsCli(PublishHook publishHook) {
    this.publishHook = publishHook;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing command.");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI in-process and returns its exit code (tests and the launcher share this). */
  public static int execute(String... args) {
    return newCommandLine().execute(args);
  }

  public static CommandLine newCommandLine() {
    return newCommandLine(PublishHook.NONE);
  }

  /**
   * @param publishHook told of the publish's pause points (crash tests hold the process)
   */
  public static CommandLine newCommandLine(PublishHook publishHook) {
    CommandLine cli =
        new CommandLine(
            new MicromodelsCli(java.util.Objects.requireNonNull(publishHook, "publishHook")));
    cli.setCaseInsensitiveEnumValuesAllowed(true); // --api v1|v2
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + e.getMessage());
          if (System.getenv("MICROMODELS_STACKTRACE") != null) {
            e.printStackTrace(commandLine.getErr());
          }

          return exitCodeOf(e);
        });
    cli.setExitCodeExceptionMapper(MicromodelsCli::exitCodeOf);
    cli.setExecutionStrategy(
        parsed -> {
          refuseEmptyLists(parsed);
          return new CommandLine.RunLast().execute(parsed);
        });
    return cli;
  }

  /**
   * A list option given but naming nothing ({@code --clients ",,"}) is a usage error: picocli
   * splits it into no values, which would otherwise read as "no selection" downstream.
   */
  private static void refuseEmptyLists(CommandLine.ParseResult parsed) {
    for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
      for (CommandLine.Model.OptionSpec option : p.matchedOptions()) {
        if (option.getValue() instanceof java.util.Collection<?> values && values.isEmpty()) {
          throw new CommandLine.ParameterException(
              p.commandSpec().commandLine(),
              "Invalid value for option '"
                  + option.longestName()
                  + "': it names nothing; give"
                  + " one or more values separated by commas.");
        }
      }
    }
  }

  static int exitCodeOf(Throwable e) {
    if (e instanceof BadUsage || e instanceof CommandLine.ParameterException) {
      return EXIT_USAGE;
    }

    return EXIT_FAILURE;
  }
}
