package io.micromodels.features;

/**
 * Marks an error in what the user asked for: an option, a name, a version that does not exist. The
 * CLI exits with code 2 for it, as for a {@link ConfigException}.
 */
public interface BadUsage {}
