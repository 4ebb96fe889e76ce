package io.micromodels.features;

import java.math.BigDecimal;

/** One order line (DESIGN.md §3.1 {@code items}). Every field may be null. */
public record Item(String name, String category, BigDecimal price, Integer quantity) {}
