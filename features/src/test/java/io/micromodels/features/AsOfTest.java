package io.micromodels.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one as-of rule (docs/cli.md): every accepted form, what it resolves to, how it prints. */
class AsOfTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // a date is the end of that day, UTC
    "2018-08-07,                      2018-08-07T23:59:59.999999Z",
    "2025-10-07,                      2025-10-07T23:59:59.999999Z",
    // a date-time with a zone or an offset is that moment
    "2025-10-07T12:00:00Z,            2025-10-07T12:00:00.000000Z",
    "2025-10-07T14:00:00+02:00,       2025-10-07T12:00:00.000000Z",
    "2025-10-07T23:59:59.999999Z,     2025-10-07T23:59:59.999999Z",
    // below a microsecond is dropped, as for event times
    "2025-10-07T12:00:00.1234567Z,    2025-10-07T12:00:00.123456Z",
    // without a zone: UTC
    "2025-10-07T12:00:00,             2025-10-07T12:00:00.000000Z",
    "2025-10-07T12:00,                2025-10-07T12:00:00.000000Z",
    // epoch seconds
    "1759881599,                      2025-10-07T23:59:59.000000Z",
    "0,                               1970-01-01T00:00:00.000000Z",
  })
  void everyFormResolvesToOneInstantPrintedInFull(String text, String printed) {
    Instant resolved = AsOf.parse("--as-of", text);
    assertThat(AsOf.format(resolved)).isEqualTo(printed);
    assertThat(AsOf.parse("--as-of", AsOf.format(resolved))).isEqualTo(resolved);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yesterday",
        "2025-13-01",
        "2025-10-7",
        "07/10/2025",
        "-5",
        "2025-10-07 12:00",
        "1759881599000000",
        ""
      })
  void anythingElseIsRefusedNamingTheOptionAndTheForms(String text) {
    assertThatThrownBy(() -> AsOf.parse("--labels-as-of", text))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("--labels-as-of '" + text + "' is not an as-of: expected a date")
        .hasMessageContaining("epoch seconds");
  }

  @org.junit.jupiter.api.Test
  void windowsPrintTheirBoundsInTheSameFormat() {
    assertThat(
            AsOf.window(
                Instant.parse("2018-07-24T00:00:00Z"), Instant.parse("2018-07-31T00:00:00Z")))
        .isEqualTo("[2018-07-24T00:00:00.000000Z, 2018-07-31T00:00:00.000000Z)");
  }
}
