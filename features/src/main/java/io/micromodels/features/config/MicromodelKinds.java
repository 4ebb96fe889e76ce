package io.micromodels.features.config;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The micromodel type names a config may use: the built-ins plus every {@link MicromodelKind}
 * registered with {@link ServiceLoader}, looked up once.
 */
final class MicromodelKinds {
  /** The types that ship with micromodels; accepted even when the training module is absent. */
  static final Set<String> BUILT_IN = Set.of("email", "order_items", "tabular", "binned");

  private MicromodelKinds() {}

  /** The known type names, sorted. */
  static Set<String> known() {
    return Registered.NAMES;
  }

  /** Applies the registered kind's own checks to a spec of a known type (none for a bare name). */
  static void check(MicromodelSpec spec) {
    MicromodelKind kind = Registered.KINDS.get(spec.type());
    if (kind != null) {
      kind.check(spec);
    }
  }

  /** Lazy holder: providers are loaded on the first config that names a micromodel. */
  private static final class Registered {
    static final Map<String, MicromodelKind> KINDS = load();
    static final Set<String> NAMES = names();

    private static Map<String, MicromodelKind> load() {
      Map<String, MicromodelKind> kinds = new TreeMap<>();
      try {
        for (MicromodelKind kind : ServiceLoader.load(MicromodelKind.class)) {
          kinds.putIfAbsent(kind.type(), kind);
        }
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException(
            "cannot load the micromodel types registered in"
                + " META-INF/services/"
                + MicromodelKind.class.getName()
                + ": "
                + e.getMessage(),
            e);
      }

      return Collections.unmodifiableMap(kinds);
    }

    private static Set<String> names() {
      Set<String> names = new TreeSet<>(BUILT_IN);
      names.addAll(KINDS.keySet());
      return Collections.unmodifiableSet(names);
    }
  }
}
