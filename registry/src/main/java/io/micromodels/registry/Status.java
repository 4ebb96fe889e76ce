package io.micromodels.registry;

import java.util.Locale;

/**
 * The status of an entry of the registry index (docs/registry.md, "Statuses").
 *
 * <ul>
 *   <li>{@code CANDIDATE}: recorded but never released (a blocked candidate; it has no version);
 *   <li>{@code PUBLISHED}: a released version that may be promoted;
 *   <li>{@code PRODUCTION}: the client's model in production (MLflow alias {@code champion}); at
 *       most one per model;
 *   <li>{@code ARCHIVED}: rolled back from; promote it explicitly to use it again.
 * </ul>
 */
public enum Status {
  CANDIDATE,
  PUBLISHED,
  PRODUCTION,
  ARCHIVED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status of(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
