package io.micromodels.training.featurize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisposableDomainsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "mailinator.com",
        "yopmail.com",
        "guerrillamail.com",
        "33mail.com",
        "anything.33mail.com",
        "a.b.33mail.com",
        "sub.mailinator.com",
        "säkerhetsväst.se"
      })
  void listedDomainsAndSubdomainsOfWildcardsAreDisposable(String domain) {
    assertThat(DisposableDomains.isDisposable(domain)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gmail.com",
        "outlook.com",
        "example.com",
        "com",
        "mailinator.com.evil.org",
        "0-180.com.example",
        ""
      })
  void otherDomainsAreNot(String domain) {
    assertThat(DisposableDomains.isDisposable(domain)).isFalse();
  }

  @Test
  void nullIsNotDisposable() {
    assertThat(DisposableDomains.isDisposable(null)).isFalse();
  }

  @Test
  void theWholeBundledListIsLoaded() {
    assertThat(DisposableDomains.exactCount()).isEqualTo(121_570);
  }
}
