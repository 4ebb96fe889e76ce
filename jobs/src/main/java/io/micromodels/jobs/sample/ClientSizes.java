package io.micromodels.jobs.sample;

/** How a sample's customers are split across its clients. */
public enum ClientSizes {
  /** The catalogue's weights: a few large clients and many small ones, as real client bases are. */
  ZIPF {
    @Override
    double weight(ClientProfile client) {
      return client.weight();
    }
  },

  /**
   * Customers in inverse proportion to a client's expected fraudulent orders per customer (its
   * vertical's orders per day times its fraud rate), so every client expects the same number of
   * frauds: a warehouse where every client can be evaluated on its own (bench quality).
   */
  EQUAL_FRAUDS {
    @Override
    double weight(ClientProfile client) {
      return 1 / (client.vertical().ordersPerDay() * client.fraudRate());
    }
  };

  /** The client's share of the customers, relative to the other clients' weights. */
  abstract double weight(ClientProfile client);
}
