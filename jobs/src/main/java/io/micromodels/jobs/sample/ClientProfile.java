package io.micromodels.jobs.sample;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One simulated client.
 *
 * @param weight share of the generated customers (a few large clients, many small ones)
 * @param fraudRate target share of fraudulent orders
 * @param currencies currency per country
 * @param attributeKeys client-specific attributes its events carry
 */
public record ClientProfile(
    String clientId,
    Vertical vertical,
    List<String> countries,
    Map<String, String> currencies,
    String timeZone,
    double weight,
    double fraudRate,
    List<String> attributeKeys)
    implements Serializable {

  public ClientProfile {
    countries = List.copyOf(countries);
    currencies = Map.copyOf(currencies);
    attributeKeys = List.copyOf(attributeKeys);
    if (fraudRate < 0.005 || fraudRate > 0.05) {
      throw new IllegalArgumentException("fraud rate must be within 0.5-5 %: " + fraudRate);
    }
  }
}
