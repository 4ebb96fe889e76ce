package io.micromodels.features;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.features.testing.EventContract;
import io.micromodels.features.testing.HostileCsvRows;
import io.micromodels.features.testing.HostileRows;
import io.micromodels.features.testing.HostileRows.Expect;
import io.micromodels.features.testing.HostileRows.FuzzRow;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The row validator on generated hostile rows (issue #8): it never throws, rejects every row the
 * contract forbids with the expected reason, and what it accepts is valid (DESIGN.md §3.1). Plain
 * Java, so thousands of tries take a few seconds; {@code IngestFuzzProperties} runs the same rows
 * through the real Spark ingest.
 */
class EventValidatorProperties {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final IngestLimits LIMITS = IngestLimits.defaults(NOW);
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final EventValidator validator = new EventValidator(LIMITS);

  @Property(tries = 3000)
  void jsonRowsAreAcceptedValidOrRejectedWithTheirReason(@ForAll("jsonRows") FuzzRow row)
      throws Exception {
    Validation result = validator.validate(row.text(), InputFormat.JSON_LINES);

    check(row, result);
    if (result instanceof Validation.Accepted accepted) {
      // The one-pass reader and the tree reader give the same event.
      ObjectNode tree = (ObjectNode) MAPPER.readTree(row.text());
      assertThat(validator.validate(tree)).isEqualTo(accepted);
    }
  }

  @Property(tries = 1500)
  void csvRowsAreAcceptedValidOrRejectedWithTheirReason(@ForAll("csvRows") FuzzRow row) {
    check(row, validator.validateCsv(row.text(), HostileCsvRows.HEADER));
  }

  private static void check(FuzzRow row, Validation result) {
    Statistics.label("expected").collect(row.expect());
    Statistics.label("outcome")
        .collect(result instanceof Validation.Rejected r ? r.reason().code() : "accepted");
    switch (row.expect()) {
      case ACCEPT -> assertThat(result).isInstanceOf(Validation.Accepted.class);
      case REJECT -> {
        assertThat(result).isInstanceOf(Validation.Rejected.class);
        Validation.Rejected rejected = (Validation.Rejected) result;
        assertThat(row.expectsReason(rejected.reason().code()))
            .as("reason %s: %s", rejected.reason().code(), rejected.detail())
            .isTrue();
      }
      default -> {}
    }

    if (result instanceof Validation.Rejected rejected) {
      assertThat(rejected.detail()).isNotBlank().hasSizeLessThan(1_000);
    } else {
      Event event = ((Validation.Accepted) result).event();
      assertThat(EventContract.of(event).violations(LIMITS)).isEmpty();
      if (row.expect() == Expect.ACCEPT) {
        assertThat(event.eventId()).isEqualTo(row.eventId());
        assertThat(event.amount()).isEqualTo(row.amount());
      }
    }
  }

  @Provide
  Arbitrary<FuzzRow> jsonRows() {
    return HostileRows.jsonLines().filter(row -> row.expect() != Expect.SKIP);
  }

  @Provide
  Arbitrary<FuzzRow> csvRows() {
    return HostileCsvRows.lines();
  }
}
