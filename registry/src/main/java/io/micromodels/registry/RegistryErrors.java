package io.micromodels.registry;

import io.micromodels.features.BadUsage;
import java.util.List;

/** The registry's user-facing messages, in one place (STYLE.md §6). */
public final class RegistryErrors {
  private RegistryErrors() {}

  /** A version the user named that the registry does not hold: bad usage (exit 2). */
  static final class UnknownVersion extends RegistryException implements BadUsage {
    UnknownVersion(String message) {
      super(message);
    }
  }

  static RegistryException noSuchVersion(ModelRef ref, int version, List<VersionEntry> known) {
    return new UnknownVersion(
        "Model "
            + ref.registeredName()
            + " has no version "
            + version
            + "; it has "
            + (known.isEmpty() ? "none" : known.stream().map(v -> "v" + v.version()).toList())
            + ". `micromodels registry list --clients "
            + ref.client()
            + "` shows them.");
  }

  static RegistryException alreadyProduction(ModelRef ref, int version) {
    return new RegistryException(
        "Cannot promote " + ref.registeredName() + " v" + version + ": it is production already.");
  }

  static RegistryException noProduction(ModelRef ref) {
    return new RegistryException(
        "Cannot roll back "
            + ref.registeredName()
            + ": it has no"
            + " production version. Promote one with `micromodels registry promote`.");
  }

  static RegistryException nothingToRollBackTo(ModelRef ref, int current) {
    return new RegistryException(
        "Cannot roll back "
            + ref.registeredName()
            + ": v"
            + current
            + " is production and no earlier production version remains un-archived. Promote a"
            + " version explicitly instead.");
  }

  /** A person or pipeline and a reason must be named for every registry change. */
  public static String required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new RegistryException(
          "A registry change needs a non-empty "
              + what
              + " (--"
              + what
              + "): every change records who made it and why.");
    }

    return value.strip();
  }

  public static RegistryException checksumMismatch(String file, String expected, String found) {
    return new RegistryException(
        "Checksum mismatch on "
            + file
            + ": SHA256SUMS says "
            + expected
            + ", the file has "
            + found
            + ". The artifact is damaged; publish it again.");
  }

  public static RegistryException invalidManifest(String what, List<String> problems) {
    return new RegistryException(
        what + " does not validate against its schema: " + String.join("; ", problems));
  }

  public static RegistryException secretInManifest(String where) {
    return new RegistryException(
        "Refusing to write a manifest: "
            + where
            + " looks like a"
            + " credential (password, token, key or URI user-info). Remove it from the lineage.");
  }

  public static RegistryException missingInput(String what, String where) {
    return new RegistryException(
        "Cannot publish: "
            + what
            + " not found at "
            + where
            + ". Run"
            + " `micromodels train` and `micromodels backtest` for this as-of first, or point"
            + " --candidates/--backtest at them.");
  }
}
