package io.micromodels.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretFilterTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:postgresql://db/x?user=app&password=hunter2 | jdbc:postgresql://db/x?user=app&password=[redacted]",
        "https://bob:pw@host/path                         | https://[redacted]@host/path",
        "s3a://AKIAABCDEFGHIJKLMNOP:x@bucket/events       | s3a://[redacted]@bucket/events",
        "key AKIAABCDEFGHIJKLMNOP in text                 | key [redacted] in text",
        "spark.hadoop.fs.s3a.secret.key=abc/def           | spark.hadoop.fs.s3a.secret.key=[redacted]",
        "api_key: 12345                                   | api_key: [redacted]",
        "Authorization: Bearer abcdefghijklmnop           | Authorization: [redacted]",
        "file:/warehouse/events @ version 7               | file:/warehouse/events @ version 7"
      })
  void credentialsBecomeRedacted(String text, String expected) {
    assertThat(SecretFilter.redact(text)).isEqualTo(expected);
    assertThat(SecretFilter.looksSecret(SecretFilter.redact(text))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "s3a://user:pw@bucket/t?sig=abc#x | s3a://bucket/t",
        "file:/warehouse/events           | file:/warehouse/events",
        "hdfs://nn:8020/w/events          | hdfs://nn:8020/w/events"
      })
  void tableUrisLoseUserInfoQueryAndFragment(String uri, String expected) {
    assertThat(SecretFilter.cleanUri(uri)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"db password | x", "access_key | y", "GITHUB_TOKEN | z"})
  void aFactWhoseKeyNamesACredentialIsRedactedWhole(String key, String value) {
    assertThat(SecretFilter.redact(key, value)).isEqualTo(SecretFilter.REDACTED);
  }
}
