package io.micromodels.jobs.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClientSizesTest {
  private static final int CLIENTS = 24;
  private static final int CUSTOMERS = 200_000;

  @Test
  void equalFraudsGivesEveryClientTheSameExpectedFraudulentOrders() {
    Map<String, Integer> customers = customersPerClient(ClientSizes.EQUAL_FRAUDS);
    List<ClientProfile> clients = ClientCatalogue.first(CLIENTS);
    double first = expectedFraudsPerDay(clients.get(0), customers);
    for (ClientProfile client : clients) {
      assertThat(expectedFraudsPerDay(client, customers))
          .as(client.clientId())
          .isCloseTo(first, within(first * 0.01));
    }

    assertThat(customers.values().stream().mapToInt(Integer::intValue).sum())
        .isCloseTo(CUSTOMERS, within(CLIENTS));
  }

  @Test
  void zipfKeepsTheCataloguesFewLargeAndManySmallClients() {
    Map<String, Integer> customers = customersPerClient(ClientSizes.ZIPF);
    assertThat(customers.get("dashfood")).isGreaterThan(30 * customers.get("client-024"));
  }

  private static double expectedFraudsPerDay(ClientProfile client, Map<String, Integer> customers) {
    return customers.get(client.clientId()) * client.vertical().ordersPerDay() * client.fraudRate();
  }

  private static Map<String, Integer> customersPerClient(ClientSizes sizes) {
    SampleSpec spec =
        new SampleSpec(
            CLIENTS,
            CUSTOMERS,
            160,
            7L,
            SampleSpec.DEFAULT_START,
            0,
            SampleSpec.Compression.GZIP,
            0,
            sizes);
    Map<String, Integer> customers = new TreeMap<>();
    for (Shard shard : ShardGenerator.shards(spec)) {
      customers.merge(shard.client().clientId(), shard.to() - shard.from(), Integer::sum);
    }

    assertThat(customers).hasSize(CLIENTS);
    return customers;
  }
}
