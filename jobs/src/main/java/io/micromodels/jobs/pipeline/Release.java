package io.micromodels.jobs.pipeline;

import io.micromodels.registry.Decision;
import io.micromodels.registry.ModelRef;
import io.micromodels.registry.RegistryEvent;
import io.micromodels.registry.spark.PublishRequest;
import io.micromodels.registry.spark.Publisher;
import io.micromodels.training.artifact.ModelFormat;

/**
 * One client's candidate and its backtest into the registry: the gate's decision (or a forced one),
 * then publish. Shared by {@code micromodels publish} and the nightly pipeline.
 */
public final class Release {
  private Release() {}

  /**
   * What a release did.
   *
   * @param event the committed registry event; its version is null when the gate blocked it
   */
  public record Outcome(Decision decision, RegistryEvent event) {
    /** Whether a version was published (false: recorded as blocked). */
    public boolean published() {
      return event.version() != null;
    }
  }

  /**
   * Publishes {@code <candidateRoot>/<client>/model.json} with {@code <backtestRoot>/<client>}.
   *
   * @param forceReason null to follow the gate; else why a blocked candidate is forced out
   * @throws io.micromodels.features.MicromodelsException when an input is missing or invalid
   */
  public static Outcome publish(
      Publisher publisher,
      String client,
      String candidateRoot,
      String backtestRoot,
      String actor,
      String forceReason) {
    PublishRequest request =
        request(publisher, client, candidateRoot, backtestRoot, actor, forceReason);
    return new Outcome(request.decision(), publisher.publish(request));
  }

  /**
   * The publish request of a client's candidate and backtest, with the gate's decision (or the
   * forced one).
   *
   * @param forceReason null to follow the gate; else why a blocked candidate is forced out
   */
  public static PublishRequest request(
      Publisher publisher,
      String client,
      String candidateRoot,
      String backtestRoot,
      String actor,
      String forceReason) {
    String folder = backtestRoot + "/" + client;
    Decision decision = publisher.decide(folder, actor);
    if (!decision.releases() && forceReason != null) {
      decision = decision.force(actor, forceReason);
    }

    return new PublishRequest(
        ModelRef.of(client),
        candidateRoot + "/" + client + "/" + ModelFormat.FILE_NAME,
        folder,
        decision);
  }
}
