package io.micromodels.features.config;

import java.util.Collections;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The micromodel type names a config may use: the built-ins plus every {@link MicromodelKind}
 * registered with {@link ServiceLoader}, looked up once.
 */
final class MicromodelKinds {
  /** The types that ship with micromodels; accepted even when the training module is absent. */
  static final Set<String> BUILT_IN = Set.of("email", "order_items", "tabular");

  private MicromodelKinds() {}

  /** The known type names, sorted. */
  static Set<String> known() {
    return Registered.NAMES;
  }

  /** Lazy holder: providers are loaded on the first config that names a micromodel. */
  private static final class Registered {
    static final Set<String> NAMES = load();

    private static Set<String> load() {
      Set<String> names = new TreeSet<>(BUILT_IN);
      try {
        for (MicromodelKind kind : ServiceLoader.load(MicromodelKind.class)) {
          names.add(kind.type());
        }
      } catch (ServiceConfigurationError e) {
        throw new IllegalStateException("cannot load the micromodel types registered in"
            + " META-INF/services/" + MicromodelKind.class.getName() + ": " + e.getMessage(), e);
      }

      return Collections.unmodifiableSet(names);
    }
  }
}
