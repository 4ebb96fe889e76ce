package io.micromodels.training.micromodel;

import io.micromodels.features.ConfigException;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.HashingSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A micromodel spec's {@code inputs} and {@code params} as a type reads them: with defaults, range
 * checks and messages that name the micromodel, the key and what is expected. Unknown params are
 * refused when the reader is made, so a typo never silently falls back to a default.
 */
public final class MicromodelParams {
  /** The hash bucket count of hashing types. */
  public static final String BUCKETS = "buckets";

  /** The hash seed of hashing types. */
  public static final String SEED = "seed";

  private final MicromodelSpec spec;

  private MicromodelParams(MicromodelSpec spec) {
    this.spec = spec;
  }

  /**
   * A reader of a spec that accepts only the given param keys.
   *
   * @throws ConfigException when the spec has another param
   */
  public static MicromodelParams of(MicromodelSpec spec, Set<String> allowed) {
    return of(spec, allowed, Set.of());
  }

  /**
   * A reader of a spec that accepts the given param keys and any key that starts with one of the
   * prefixes (per-input settings such as {@code transform.<input column>}; the type checks what
   * follows the prefix, e.g. with {@link #keysWithPrefix}).
   *
   * @throws ConfigException when the spec has another param
   */
  public static MicromodelParams of(
      MicromodelSpec spec, Set<String> allowed, Set<String> prefixes) {
    MicromodelParams params = new MicromodelParams(spec);
    for (String key : spec.params().keySet()) {
      if (!allowed.contains(key) && prefixes.stream().noneMatch(key::startsWith)) {
        String orPrefixed =
            prefixes.isEmpty() ? "" : " or a key starting with one of " + new TreeSet<>(prefixes);
        throw params.invalid(
            "param `"
                + key
                + "` is unknown; expected one of "
                + new TreeSet<>(allowed)
                + orPrefixed);
      }
    }

    return params;
  }

  /** The spec's param keys that start with a prefix, sorted. */
  public SortedSet<String> keysWithPrefix(String prefix) {
    SortedSet<String> keys = new TreeSet<>();
    spec.params().keySet().stream().filter(key -> key.startsWith(prefix)).forEach(keys::add);
    return keys;
  }

  /**
   * The spec's input columns, or the defaults when it declares none.
   *
   * @throws ConfigException when it declares a different number of columns
   */
  public List<String> inputs(List<String> defaults) {
    if (spec.inputs().isEmpty()) {
      return defaults;
    }

    if (spec.inputs().size() != defaults.size()) {
      throw invalid(
          "expected "
              + defaults.size()
              + " input column(s), like "
              + defaults
              + ", found "
              + spec.inputs());
    }

    return spec.inputs();
  }

  /**
   * The spec's input columns, which a type over declared numeric columns requires.
   *
   * @throws ConfigException when it declares none
   */
  public List<String> requiredInputs() {
    if (spec.inputs().isEmpty()) {
      throw invalid("a " + spec.type() + " micromodel needs its numeric input columns in `inputs`");
    }

    return spec.inputs();
  }

  /** An integer param within {@code min..max}, or its default when absent. */
  public int integer(String key, int fallback, int min, int max) {
    String text = spec.params().get(key);
    if (text == null) {
      return fallback;
    }

    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the expected range
    }

    throw invalid(
        "param `"
            + key
            + "` is `"
            + text
            + "`; expected a whole number within "
            + min
            + ".."
            + max);
  }

  /** A number param within {@code min..max}, or its default when absent. */
  public double number(String key, double fallback, double min, double max) {
    String text = spec.params().get(key);
    if (text == null) {
      return fallback;
    }

    try {
      double value = Double.parseDouble(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the expected range
    }

    throw invalid(
        "param `" + key + "` is `" + text + "`; expected a number within " + min + ".." + max);
  }

  /**
   * A param that names one of a closed set of values, or its default when absent.
   *
   * @param accepted the values by name, in the order the error message lists them
   */
  public <T> T choice(String key, T fallback, Map<String, T> accepted) {
    String text = spec.params().get(key);
    if (text == null) {
      return fallback;
    }

    T value = accepted.get(text.strip());
    if (value == null) {
      throw invalid("param `" + key + "` is `" + text + "`; expected one of " + accepted.keySet());
    }

    return value;
  }

  /** The hashing of a hashing type: params {@value #BUCKETS} and {@value #SEED}. */
  public HashingSpec hashing(int defaultBuckets) {
    return HashingSpec.of(
        integer(BUCKETS, defaultBuckets, 1, HashingSpec.MAX_BUCKETS),
        integer(SEED, HashingSpec.SEED_DEFAULT, Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  /** A user-facing error about this micromodel. */
  public ConfigException invalid(String problem) {
    return new ConfigException(
        "Cannot build micromodel `"
            + spec.name()
            + "` (type "
            + spec.type()
            + "): "
            + problem
            + ". Fix `micromodels` in the client config"
            + " (docs/micromodels.md lists each type's inputs and params).");
  }
}
