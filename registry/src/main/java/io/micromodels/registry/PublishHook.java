package io.micromodels.registry;

/**
 * Told when a publish reaches each of its {@link PausePoint}s. Production runs with {@link #NONE};
 * crash tests inject one that holds the process where they kill it.
 */
@FunctionalInterface
public interface PublishHook {
  PublishHook NONE = (point, publishing) -> {};

  void reached(PausePoint point, ModelRef publishing);
}
