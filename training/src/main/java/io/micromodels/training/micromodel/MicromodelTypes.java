package io.micromodels.training.micromodel;

import io.micromodels.features.config.MicromodelKind;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry of micromodel types: every {@link MicromodelType} registered in {@code
 * META-INF/services/io.micromodels.features.config.MicromodelKind} on the class path, found with
 * {@link ServiceLoader} once, on first use. The built-ins ({@code email}, {@code order_items},
 * {@code tabular}) are registered by this module.
 */
public final class MicromodelTypes {
  static final String SERVICES_FILE = "META-INF/services/" + MicromodelKind.class.getName();

  private MicromodelTypes() {}

  /**
   * The type of a name.
   *
   * @throws IllegalArgumentException naming the unknown type and the known ones
   */
  public static MicromodelType of(String type) {
    MicromodelType found = Registered.TYPES.get(type);
    if (found == null) {
      throw new IllegalArgumentException(
          "Unknown micromodel type `"
              + type
              + "`; known types: "
              + names()
              + ". A new type implements "
              + MicromodelType.class.getName()
              + " and is registered in "
              + SERVICES_FILE
              + " (docs/micromodels.md).");
    }

    return found;
  }

  /** The registered type names, sorted. */
  public static SortedSet<String> names() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(Registered.TYPES.keySet()));
  }

  /**
   * The types among some registered kinds, by name.
   *
   * @throws IllegalStateException when a kind is not a {@link MicromodelType} or two share a name
   */
  static Map<String, MicromodelType> index(Iterable<? extends MicromodelKind> kinds) {
    Map<String, MicromodelType> types = new TreeMap<>();
    for (MicromodelKind kind : kinds) {
      if (!(kind instanceof MicromodelType type)) {
        throw new IllegalStateException(
            kind.getClass().getName()
                + " is registered in "
                + SERVICES_FILE
                + " but does not implement "
                + MicromodelType.class.getName());
      }

      MicromodelType before = types.putIfAbsent(type.type(), type);
      if (before != null && before.getClass() != type.getClass()) {
        throw new IllegalStateException(
            "micromodel type `"
                + type.type()
                + "` is registered twice,"
                + " by "
                + before.getClass().getName()
                + " and "
                + type.getClass().getName());
      }
    }

    return Collections.unmodifiableMap(types);
  }

  /** Lazy holder: the class path is searched on the first lookup. */
  private static final class Registered {
    static final Map<String, MicromodelType> TYPES = load();

    private static Map<String, MicromodelType> load() {
      try {
        return index(ServiceLoader.load(MicromodelKind.class));
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException(
            "cannot load the micromodel types registered in "
                + SERVICES_FILE
                + ": "
                + e.getMessage(),
            e);
      }
    }
  }
}
