package io.micromodels.jobs.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Generates one shard's events, sorted by (time, event id), into a stream. Plain Java: the same
 * bytes whichever machine or task runs it (gzip headers carry no time stamp here).
 */
public final class ShardGenerator {
  private final SampleSpec spec;

  public ShardGenerator(SampleSpec spec) {
    this.spec = spec;
  }

  public ShardResult write(Shard shard, OutputStream target) throws IOException {
    CustomerStory story = new CustomerStory(shard.client(), spec);
    List<SampleEvent> events = new ArrayList<>();
    List<String> asserted = new ArrayList<>();
    long orders = 0;
    long fraudOrders = 0;
    for (int i = shard.from(); i < shard.to(); i++) {
      CustomerStory.Outcome outcome = story.simulate(i);
      events.addAll(outcome.events());
      orders += outcome.orders();
      fraudOrders += outcome.fraudOrders();
      if (outcome.fraudster() && outcome.orders() >= 2 && outcome.signals() >= 2) {
        asserted.add(outcome.customerId());
      }
    }

    events.sort(null);
    long bad = 0;
    SplittableRandom rnd =
        new SplittableRandom(
            CustomerStory.mix(spec.seed() ^ 0x5EED, shard.client().clientId(), shard.index()));
    OutputStream out =
        spec.compression() == SampleSpec.Compression.GZIP
            ? new GZIPOutputStream(target, 1 << 16)
            : target;
    try (BufferedWriter writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      for (SampleEvent event : events) {
        writer.write(event.json());
        writer.newLine();
        if (spec.badRowsFraction() > 0) {
          if (rnd.nextDouble() < spec.badRowsFraction()) {
            writer.write(BadRows.corrupt(event.json(), rnd));
            writer.newLine();
            bad++;
          }

          if (rnd.nextDouble() < spec.badRowsFraction() / 4) {
            writer.write(event.json()); // re-sent: a duplicate, not a bad row
            writer.newLine();
          }
        }
      }
    }

    return new ShardResult(
        shard.client().clientId(),
        events.size(),
        bad,
        shard.to() - shard.from(),
        orders,
        fraudOrders,
        asserted);
  }

  /** The shards of a spec: each client's customers in blocks of at most 5,000. */
  public static List<Shard> shards(SampleSpec spec) {
    List<ClientProfile> clients = ClientCatalogue.first(spec.clients());
    ClientSizes sizes = spec.clientSizes();
    double total = clients.stream().mapToDouble(sizes::weight).sum();
    List<Shard> shards = new ArrayList<>();
    for (ClientProfile client : clients) {
      int customers =
          Math.max(1, (int) Math.round(spec.customers() * sizes.weight(client) / total));
      int index = 0;
      int end = spec.firstCustomer() + customers;
      for (int from = spec.firstCustomer(); from < end; from += SampleSpec.CUSTOMERS_PER_SHARD) {
        shards.add(
            new Shard(client, index++, from, Math.min(end, from + SampleSpec.CUSTOMERS_PER_SHARD)));
      }
    }

    return shards;
  }
}
