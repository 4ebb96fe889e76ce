package io.micromodels.jobs.sample;

import java.io.Serializable;
import java.util.List;

/**
 * What one shard wrote: row counts, the fraud ground truth, and its candidates for the client's
 * assertion list (fraudsters with several orders and strong signals).
 */
public record ShardResult(
    String clientId,
    long rows,
    long badRows,
    long customers,
    long orders,
    long fraudOrders,
    List<String> assertedCustomers)
    implements Serializable {

  public ShardResult {
    assertedCustomers = List.copyOf(assertedCustomers);
  }
}
