package io.micromodels.jobs.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deterministic list of simulated clients. The first four are the bundled sample's clients
 * (their configs are in data-samples/clients/); later ones cycle through the verticals with
 * Zipf-like sizes.
 */
public final class ClientCatalogue {
  private static final List<ClientProfile> FIXED =
      List.of(
          new ClientProfile(
              "dashfood",
              Vertical.FOOD_DELIVERY,
              List.of("US", "CA"),
              Map.of("US", "USD", "CA", "CAD"),
              "America/New_York",
              0.40,
              0.02,
              List.of("store", "promotion")),
          new ClientProfile(
              "modehaus",
              Vertical.FASHION,
              List.of("DE", "AT", "CH", "FR", "NL", "GB"),
              Map.of("DE", "EUR", "AT", "EUR", "CH", "CHF", "FR", "EUR", "NL", "EUR", "GB", "GBP"),
              "Europe/Berlin",
              0.30,
              0.015,
              List.of("store")),
          new ClientProfile(
              "voltmart",
              Vertical.ELECTRONICS,
              List.of("US", "GB", "DE"),
              Map.of("US", "USD", "GB", "GBP", "DE", "EUR"),
              "America/Chicago",
              0.20,
              0.04,
              List.of("store", "terminal")),
          new ClientProfile(
              "tripwise",
              Vertical.TRAVEL,
              List.of("US", "GB", "DE", "FR", "ES", "IT", "BR", "IN", "NG"),
              Map.of(
                  "US", "USD", "GB", "GBP", "DE", "EUR", "FR", "EUR", "ES", "EUR", "IT", "EUR",
                  "BR", "BRL", "IN", "INR", "NG", "NGN"),
              "UTC",
              0.12,
              0.03,
              List.of("route", "departure_in_days")));

  private static final List<String> GENERATED_COUNTRIES =
      List.of("US", "GB", "DE", "FR", "NL", "ES", "IT", "PL", "SE", "CA", "AU", "JP");

  private ClientCatalogue() {}

  /** The first {@code n} clients. */
  public static List<ClientProfile> first(int n) {
    List<ClientProfile> clients = new ArrayList<>(FIXED.subList(0, Math.min(n, FIXED.size())));
    Vertical[] verticals = Vertical.values();
    for (int i = FIXED.size(); i < n; i++) {
      Vertical vertical = verticals[i % verticals.length];
      String country = GENERATED_COUNTRIES.get(i % GENERATED_COUNTRIES.size());
      String second = GENERATED_COUNTRIES.get((i + 5) % GENERATED_COUNTRIES.size());
      double fraudRate = 0.005 + 0.045 * ((i * 7919) % 100) / 99.0;
      clients.add(
          new ClientProfile(
              String.format("client-%03d", i + 1),
              vertical,
              List.of(country, second),
              Map.of(country, currencyOf(country), second, currencyOf(second)),
              "UTC",
              0.12 / Math.pow(i - FIXED.size() + 2, 1.1),
              fraudRate,
              List.of("store")));
    }

    return clients;
  }

  static String currencyOf(String country) {
    return switch (country) {
      case "US" -> "USD";
      case "GB" -> "GBP";
      case "CA" -> "CAD";
      case "AU" -> "AUD";
      case "JP" -> "JPY";
      case "PL" -> "PLN";
      case "SE" -> "SEK";
      default -> "EUR";
    };
  }
}
