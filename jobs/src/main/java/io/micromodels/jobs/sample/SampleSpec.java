package io.micromodels.jobs.sample;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What to generate.
 *
 * @param clients how many clients of {@link ClientCatalogue} (the first n)
 * @param customers customers in total, split across clients by their weights
 * @param days length of the simulated period, from {@code start}
 * @param seed everything random derives from it: the same spec gives the same bytes
 * @param badRowsFraction hostile rows added per valid row (0 for a clean log)
 * @param compression output compression
 * @param firstCustomer index of the first customer, so two samples can share clients without
 *     sharing customer or event ids
 * @param clientSizes how the customers are split across the clients
 */
public record SampleSpec(
    int clients,
    int customers,
    int days,
    long seed,
    LocalDate start,
    double badRowsFraction,
    Compression compression,
    int firstCustomer,
    ClientSizes clientSizes)
    implements Serializable {

  public static final LocalDate DEFAULT_START = LocalDate.of(2025, 5, 1);
  public static final int CUSTOMERS_PER_SHARD = 5_000;

  /** Output file compression. */
  public enum Compression {
    GZIP(".jsonl.gz"),
    NONE(".jsonl");

    private final String suffix;

    Compression(String suffix) {
      this.suffix = suffix;
    }

    public String suffix() {
      return suffix;
    }
  }

  /** A spec with the catalogue's Zipf-like client sizes. */
  public SampleSpec(
      int clients,
      int customers,
      int days,
      long seed,
      LocalDate start,
      double badRowsFraction,
      Compression compression,
      int firstCustomer) {
    this(
        clients,
        customers,
        days,
        seed,
        start,
        badRowsFraction,
        compression,
        firstCustomer,
        ClientSizes.ZIPF);
  }

  public SampleSpec {
    if (clients < 1 || clients > 10_000) {
      throw new IllegalArgumentException("--clients must be 1..10000, got " + clients);
    }

    if (customers < clients) {
      throw new IllegalArgumentException(
          "--customers must be at least the number of clients (" + clients + "), got " + customers);
    }

    if (days < 1 || days > 3_660) {
      throw new IllegalArgumentException("--days must be 1..3660, got " + days);
    }

    if (firstCustomer < 0 || firstCustomer > 9_000_000) {
      throw new IllegalArgumentException(
          "--first-customer must be within 0..9000000, got " + firstCustomer);
    }

    if (clientSizes == null) {
      throw new IllegalArgumentException("client sizes are required");
    }

    if (!(badRowsFraction >= 0 && badRowsFraction <= 1)) {
      throw new IllegalArgumentException(
          "--bad-rows-fraction must be within 0..1, got " + badRowsFraction);
    }
  }
}
