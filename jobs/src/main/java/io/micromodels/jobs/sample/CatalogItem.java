package io.micromodels.jobs.sample;

/**
 * A product a vertical sells.
 *
 * @param resale whether fraudsters favour it (easy to resell: spirits, champagne, electronics, gift
 *     cards)
 */
record CatalogItem(
    String name, String category, double minPrice, double maxPrice, boolean resale) {}
