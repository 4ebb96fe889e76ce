package io.micromodels.jobs.sample;

import java.io.Serializable;

/** Customers {@code [from, to)} of one client: the unit of parallel generation. */
public record Shard(ClientProfile client, int index, int from, int to) implements Serializable {

  /** The file this shard writes, relative to the output folder. */
  public String fileName(SampleSpec.Compression compression) {
    return "events/"
        + client.clientId()
        + "/part-"
        + String.format("%05d", index)
        + compression.suffix();
  }
}
