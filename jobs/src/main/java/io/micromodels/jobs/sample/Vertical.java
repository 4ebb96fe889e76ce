package io.micromodels.jobs.sample;

import java.util.List;

/** A business vertical: its catalogue and how often genuine customers order. */
enum Vertical {
  FOOD_DELIVERY(
      0.12,
      List.of(
          new CatalogItem("Margherita Pizza", "meals", 9, 16, false),
          new CatalogItem("Pad Thai", "meals", 10, 15, false),
          new CatalogItem("Kale Salad", "meals", 8, 13, false),
          new CatalogItem("Organic Tofu", "groceries", 2, 5, false),
          new CatalogItem("Oat Milk", "groceries", 2, 4, false),
          new CatalogItem("Sourdough Bread", "groceries", 3, 7, false),
          new CatalogItem("Bananas", "groceries", 1, 3, false),
          new CatalogItem("Sushi Platter", "meals", 18, 35, false),
          new CatalogItem("Red Wine Merlot", "wine", 9, 25, false),
          new CatalogItem("Premium Vodka 1L", "spirits", 25, 60, true),
          new CatalogItem("Single Malt Whisky", "spirits", 40, 120, true),
          new CatalogItem("Champagne Brut", "champagne", 35, 90, true),
          new CatalogItem("Gift Card 100", "gift_card", 100, 100, true))),
  FASHION(
      0.03,
      List.of(
          new CatalogItem("Cotton T-Shirt", "tops", 12, 30, false),
          new CatalogItem("Slim Jeans", "bottoms", 40, 90, false),
          new CatalogItem("Wool Sweater", "tops", 45, 110, false),
          new CatalogItem("Running Sneakers", "shoes", 60, 140, false),
          new CatalogItem("Summer Dress", "dresses", 35, 95, false),
          new CatalogItem("Socks 5-Pack", "accessories", 8, 15, false),
          new CatalogItem("Designer Handbag", "luxury", 400, 1500, true),
          new CatalogItem("Limited Edition Sneakers", "luxury", 200, 600, true),
          new CatalogItem("Gift Card 200", "gift_card", 200, 200, true))),
  ELECTRONICS(
      0.015,
      List.of(
          new CatalogItem("USB-C Cable", "accessories", 8, 20, false),
          new CatalogItem("Phone Case", "accessories", 10, 30, false),
          new CatalogItem("Bluetooth Speaker", "audio", 40, 120, false),
          new CatalogItem("Electric Toothbrush", "home", 30, 90, false),
          new CatalogItem("Smartphone Pro", "phones", 700, 1300, true),
          new CatalogItem("Gaming Console", "gaming", 400, 600, true),
          new CatalogItem("Laptop 15", "computers", 800, 2200, true),
          new CatalogItem("Wireless Earbuds", "audio", 120, 250, true),
          new CatalogItem("Gift Card 500", "gift_card", 500, 500, true))),
  TRAVEL(
      0.02,
      List.of(
          new CatalogItem("Economy Flight", "flight", 80, 450, false),
          new CatalogItem("Hotel Night", "hotel", 70, 250, false),
          new CatalogItem("Train Ticket", "rail", 20, 120, false),
          new CatalogItem("Business Class Flight", "flight_premium", 900, 4000, true),
          new CatalogItem("Last-Minute Long-Haul Flight", "flight_premium", 600, 2500, true))),
  MARKETPLACE(
      0.04,
      List.of(
          new CatalogItem("Vintage Lamp", "home", 20, 80, false),
          new CatalogItem("Used Textbook", "books", 5, 40, false),
          new CatalogItem("Board Game", "toys", 15, 60, false),
          new CatalogItem("Refurbished Phone", "phones", 150, 500, true),
          new CatalogItem("Concert Tickets", "tickets", 80, 300, true),
          new CatalogItem("Gift Card 50", "gift_card", 50, 50, true)));

  private final double ordersPerDay;
  private final List<CatalogItem> catalogue;

  Vertical(double ordersPerDay, List<CatalogItem> catalogue) {
    this.ordersPerDay = ordersPerDay;
    this.catalogue = catalogue;
  }

  /** Mean orders per active day of a genuine customer. */
  double ordersPerDay() {
    return ordersPerDay;
  }

  List<CatalogItem> catalogue() {
    return catalogue;
  }
}
