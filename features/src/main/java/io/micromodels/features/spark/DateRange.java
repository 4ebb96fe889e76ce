package io.micromodels.features.spark;

import java.time.LocalDate;

/** Days from {@code first} to {@code last}, both included. */
record DateRange(LocalDate first, LocalDate last) {
  DateRange {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException(
          "range ends (" + last + ") before it starts (" + first + ")");
    }
  }

  static DateRange of(LocalDate day) {
    return new DateRange(day, day);
  }

  DateRange widenedBy(int days) {
    return new DateRange(first.minusDays(days), last.plusDays(days));
  }

  /** The smallest range holding both. */
  DateRange hull(DateRange other) {
    return new DateRange(
        first.isBefore(other.first) ? first : other.first,
        last.isAfter(other.last) ? last : other.last);
  }

  long days() {
    return last.toEpochDay() - first.toEpochDay() + 1;
  }
}
