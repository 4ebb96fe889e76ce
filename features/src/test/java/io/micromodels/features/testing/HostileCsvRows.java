package io.micromodels.features.testing;

import static io.micromodels.features.testing.HostileRows.CLIENTS;
import static io.micromodels.features.testing.HostileRows.row;
import static io.micromodels.features.testing.HostileRows.uniqueId;
import static io.micromodels.features.testing.HostileRows.utf8;

import io.micromodels.features.testing.HostileRows.Expect;
import io.micromodels.features.testing.HostileRows.FuzzRow;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The CSV counterpart of {@link HostileRows}: valid orders, orders with one hostile cell (the JSON
 * rows' hostility as text: path-traversal client ids, NaN, huge exponents, year 1, ...) and lines
 * whose quoting or cell count is broken.
 */
public final class HostileCsvRows {
  private HostileCsvRows() {}

  /** The header of the generated files. */
  public static final List<String> HEADER =
      List.of(
          "client_id",
          "event_id",
          "event_type",
          "event_time",
          "customer_id",
          "email",
          "amount",
          "currency",
          "items");

  /** Rows of one CSV file under {@link #HEADER}: valid orders, a hostile cell, bad quoting. */
  public static Arbitrary<FuzzRow> lines() {
    Arbitrary<FuzzRow> valid =
        Combinators.combine(
                Arbitraries.of(CLIENTS),
                Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(0, 99_999_999))
            .as(
                (client, id, cents) -> {
                  BigDecimal amount = BigDecimal.valueOf(cents, 2);
                  String[] cells = csvOrder(client, "e-" + id);
                  cells[6] = amount.toPlainString();
                  return new FuzzRow(
                      "valid csv order",
                      utf8(csvLine(cells)),
                      Expect.ACCEPT,
                      null,
                      client,
                      "e-" + id,
                      amount);
                });
    Arbitrary<FuzzRow> badCell =
        Arbitraries.of(
            csvCell(0, "../x", "invalid_client_id"),
            csvCell(0, "a/b", "invalid_client_id"),
            csvCell(0, "..", "invalid_client_id"),
            csvCell(0, "/etc", "invalid_client_id"),
            csvCell(0, "ac\u0000me", "invalid_client_id"),
            csvCell(1, "", "missing_field"),
            csvCell(2, "", "missing_field"),
            csvCell(4, "", "missing_field"),
            csvCell(2, "Order!", "invalid_event_type"),
            csvCell(3, "0001-01-01T00:00:00Z", "implausible_timestamp"),
            csvCell(3, "9999-12-31 23:59:59", "implausible_timestamp"),
            csvCell(3, "soon", "unparsable_timestamp"),
            csvCell(5, "x".repeat(5000), "oversized_field"),
            csvCell(6, "NaN", "wrong_type"),
            csvCell(6, "Infinity", "wrong_type"),
            csvCell(6, "-Infinity", "wrong_type"),
            csvCell(6, "12 dollars", "wrong_type"),
            csvCell(6, "0.001", "invalid_amount"),
            csvCell(6, "1e400", "invalid_amount"),
            csvCell(6, "1e999999999", "invalid_amount"),
            csvCell(6, "-1E-999999999", "invalid_amount"),
            csvCell(6, "1E+2147483648", "wrong_type"),
            csvCell(6, "1" + "0".repeat(60_000), "wrong_type"),
            csvCell(6, "1." + "0".repeat(60_000), "wrong_type"),
            csvCell(7, "usd", "invalid_currency"),
            csvCell(8, "[", "wrong_type"),
            csvCell(8, "vodka", "wrong_type"),
            csvCell(8, "[" + "{},".repeat(600) + "{}]", "too_many_items"));
    Arbitrary<FuzzRow> badQuoting =
        Arbitraries.of(
            row(
                "extra cell",
                csvLine(csvOrder("acme", uniqueId())) + ",surplus",
                Expect.REJECT,
                "malformed_csv"),
            row("missing cell", "acme,x,order", Expect.REJECT, "malformed_csv"),
            row(
                "unbalanced quote",
                "\"acme," + String.join(",", csvOrder("acme", uniqueId())),
                Expect.REJECT,
                "malformed_csv"),
            row(
                "stray quote",
                "ac\"me," + String.join(",", csvOrder("acme", uniqueId())).substring(5),
                Expect.REJECT,
                "malformed_csv"));
    return Arbitraries.frequencyOf(
        Tuple.of(4, valid), Tuple.of(4, badCell), Tuple.of(1, badQuoting));
  }

  private static String[] csvOrder(String client, String eventId) {
    return new String[] {
      client,
      eventId,
      "order",
      "2025-06-01T10:15:30Z",
      "c-1",
      "jane@example.com",
      "42.50",
      "USD",
      "[{\"name\":\"Tofu, smoked\",\"price\":42.5,\"quantity\":1}]"
    };
  }

  private static FuzzRow csvCell(int column, String value, String reason) {
    String[] cells = csvOrder("acme", uniqueId());
    cells[column] = value;
    String shown = value.length() > 30 ? value.substring(0, 30) + "..." : value;
    return row("csv " + HEADER.get(column) + " " + shown, csvLine(cells), Expect.REJECT, reason);
  }

  /** RFC 4180 quoting where a cell needs it. */
  private static String csvLine(String... cells) {
    StringBuilder line = new StringBuilder();
    for (String cell : cells) {
      if (line.length() > 0) {
        line.append(',');
      }

      boolean quote = cell.contains(",") || cell.contains("\"");
      line.append(quote ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
    }

    return line.toString();
  }
}
