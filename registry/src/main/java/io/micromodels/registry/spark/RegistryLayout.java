package io.micromodels.registry.spark;

import io.micromodels.registry.ModelRef;

/**
 * Where the registry keeps things under its root ({@code <warehouse>/registry}): {@code index/}
 * (the Delta table), {@code staging/<uuid>/}, and {@code models/<client>/<model>/v<N>-<uuid>/} or
 * {@code .../blocked-<uuid>/}.
 */
record RegistryLayout(String root) {
  RegistryLayout {
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  String index() {
    return root + "/index";
  }

  String staging(String uuid) {
    return root + "/staging/" + uuid;
  }

  String models(ModelRef ref) {
    return root + "/models/" + ref.client() + "/" + ref.model();
  }

  /** A version's slot; the uuid keeps a crashed publish's orphan from ever colliding with it. */
  String slot(ModelRef ref, int version, String uuid) {
    return models(ref) + "/v" + version + "-" + uuid;
  }

  String blocked(ModelRef ref, String uuid) {
    return models(ref) + "/blocked-" + uuid;
  }
}
