package io.micromodels.features;

/** The payment method of an event (DESIGN.md §3.1). Every field may be null. */
public record PaymentMethod(String fingerprint, String type, String bin, String country) {}
