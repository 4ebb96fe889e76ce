package io.micromodels.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvRecordsTest {
  @Test
  void splitsPlainAndQuotedCells() {
    assertThat(CsvRecords.split("a,\"b,c\",\"say \"\"hi\"\"\",,"))
        .containsExactly("a", "b,c", "say \"hi\"", "", "");
  }

  @Test
  void unterminatedQuoteIsMalformed() {
    assertThat(CsvRecords.split("a,\"b")).isNull();
  }

  @Test
  void textAfterAClosingQuoteIsMalformed() {
    assertThat(CsvRecords.split("\"a\"b,c")).isNull();
  }

  @Test
  void singleEmptyLineIsOneEmptyCell() {
    assertThat(CsvRecords.split("")).containsExactly("");
  }
}
