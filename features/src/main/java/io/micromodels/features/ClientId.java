package io.micromodels.features;

import java.io.Serializable;

/** A client's id. It becomes a path segment, so its format is restricted (DESIGN.md §3.1). */
public record ClientId(String value) implements Serializable, Comparable<ClientId> {
  public ClientId {
    if (value == null || !EventFields.CLIENT_ID_PATTERN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "client id '" + value + "' must match " + EventFields.CLIENT_ID_PATTERN);
    }
  }

  @Override
  public int compareTo(ClientId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
