package io.micromodels.training.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailFeaturizerTest {
  private static final EmailFeaturizer EMAIL = EmailFeaturizer.defaults();
  private static final int DENSE = EmailFeaturizer.BUCKETS_DEFAULT;

  @Test
  void denseFeaturesDescribeTheLocalPartAndDomain() {
    SparseVector vector = EMAIL.featurize(email("abc123@mailinator.com"));

    assertThat(dense(vector, "digit_ratio")).isEqualTo(0.5);
    assertThat(dense(vector, "letter_ratio")).isEqualTo(0.5);
    assertThat(dense(vector, "log_length")).isEqualTo(StrictMath.log1p(6));
    assertThat(dense(vector, "entropy_bits")).isCloseTo(Math.log(6) / Math.log(2), within(1e-12));
    assertThat(dense(vector, "log_trailing_digits")).isEqualTo(StrictMath.log1p(3));
    assertThat(dense(vector, "disposable_domain")).isEqualTo(1);
    assertThat(dense(vector, "missing_email")).isZero();
  }

  @Test
  void hashedPartHoldsNgramsOfUnitNormThenDomainAndTld() {
    // <abc123> has 8 code points: 7 bigrams, 6 trigrams and 5 four-grams.
    SparseVector vector = EMAIL.featurize(email("abc123@gmail.com"));

    double[] hashed = hashedValues(vector);
    assertThat(hashed).hasSize(18 + 2);
    assertThat(Arrays.stream(hashed).map(Math::abs).filter(v -> v != 1))
        .allSatisfy(v -> assertThat(v).isEqualTo(1 / Math.sqrt(18)));
    assertThat(Arrays.stream(hashed).filter(v -> Math.abs(v) == 1)).hasSize(2);
  }

  @Test
  void goldenVectorOfAPlainAddress() {
    EmailFeaturizer small = new EmailFeaturizer("email", HashingSpec.of(64), 2, 2);

    SparseVector vector = small.featurize(email("ab1@x.io"));

    // Buckets and signs checked against Guava's murmur3_32_fixed: g:1> 19+, g:<a 26-, t:io 43+,
    // g:b1 44-, d:x.io 54+, g:ab 57+ (n-grams weigh 1/2: four of them); dense features from 64.
    assertThat(vector)
        .hasToString(
            "{19:0.5, 26:-0.5, 43:1.0, 44:-0.5, 54:1.0, 57:0.5,"
                + " 64:0.3333333333333333, 65:0.6666666666666666, 66:1.3862943611198906,"
                + " 67:1.584962500721156, 68:0.6931471805599453}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "  John.Doe+promo@Gmail.COM. | john.doe@gmail.com",
        "ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ | john@example.com",
        "Jöhn.Dœ@Exämple.COM | jöhn.dœ@exämple.com",
        "Jo\u0308hn@example.com | jöhn@example.com",
        "john @ example.com | john@example.com",
        "john +tag@example.com | john@example.com"
      })
  void equivalentSpellingsGiveTheSameVector(String spelling, String plain) {
    assertThat(EMAIL.featurize(email(spelling))).isEqualTo(EMAIL.featurize(email(plain)));
  }

  @Test
  void unicodeLocalPartsAreCountedInCodePoints() {
    SparseVector emoji = EMAIL.featurize(email("😀😀x@example.com"));
    SparseVector hebrew = EMAIL.featurize(email("שלום123@דוגמה.ישראל"));

    assertThat(dense(emoji, "log_length")).isEqualTo(StrictMath.log1p(3));
    assertThat(dense(emoji, "letter_ratio")).isEqualTo(1.0 / 3);
    assertThat(dense(hebrew, "letter_ratio")).isEqualTo(4.0 / 7);
    assertThat(dense(hebrew, "log_trailing_digits")).isEqualTo(StrictMath.log1p(3));
    assertThat(hashedValues(hebrew)).hasSize(8 + 7 + 6 + 2);
  }

  @Test
  void nullOrBlankEmailSetsOnlyTheMissingFlag() {
    SparseVector missing = new SparseVectorBuilder().add(DENSE + 6, 1).build();

    assertThat(EMAIL.featurize(new MapInput(Map.of()))).isEqualTo(missing);
    assertThat(EMAIL.featurize(email("   "))).isEqualTo(missing);
    assertThat(EMAIL.featurize(email(""))).isEqualTo(missing);
  }

  @Test
  void addressWithoutAtSignIsAllLocalPartWithoutDomainTokens() {
    SparseVector vector = EMAIL.featurize(email("nobody"));

    assertThat(hashedValues(vector)).hasSize(7 + 6 + 5);
    assertThat(dense(vector, "missing_email")).isZero();
  }

  @Test
  void emptyLocalPartStillHasTheFrameBigram() {
    SparseVector vector = EMAIL.featurize(email("+tag@example.com"));

    assertThat(hashedValues(vector)).hasSize(1 + 2);
    assertThat(dense(vector, "log_length")).isZero();
  }

  @Test
  void disposableFlagIsSetForAListedDomainOnly() {
    assertThat(dense(EMAIL.featurize(email("a@mailinator.com")), "disposable_domain")).isEqualTo(1);
    assertThat(dense(EMAIL.featurize(email("a@MAILINATOR.com")), "disposable_domain")).isEqualTo(1);
    assertThat(dense(EMAIL.featurize(email("a@gmail.com")), "disposable_domain")).isZero();
  }

  @Test
  void megabyteAddressFinishesFastAndIsCapped() {
    String huge = "x".repeat(1 << 20) + "@" + "y".repeat(1 << 20) + ".com";

    SparseVector vector = assertTimeout(() -> EMAIL.featurize(email(huge)));

    assertThat(dense(vector, "log_length")).isEqualTo(StrictMath.log1p(64));
    assertThat(vector.indices()[vector.size() - 1]).isLessThan(EMAIL.dimension());
    // <x, xx, x>, <xx, xxx, xx>, <xxx, xxxx, xxx> (repeats summed), domain, TLD.
    assertThat(hashedValues(vector)).hasSize(8 + 2);
  }

  @Test
  void tenThousandAddressesFeaturizeInUnderASecond() {
    ModelInput[] rows = new ModelInput[10_000];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = email("customer.name" + i + "@example" + (i % 50) + ".com");
    }

    assertTimeout(
        () -> {
          for (ModelInput row : rows) {
            EMAIL.featurize(row);
          }

          return null;
        });
  }

  @Test
  void refusesBadNgramSizes() {
    assertThatThrownBy(() -> new EmailFeaturizer("email", HashingSpec.of(8), 3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("n-gram sizes must satisfy 1 <= min <= max <= 8, found 3..2");
  }

  static ModelInput email(String address) {
    Map<String, Object> values = new HashMap<>();
    values.put("email", address);
    return new MapInput(values);
  }

  static double dense(SparseVector vector, String name) {
    int index = DENSE + EmailFeaturizer.DENSE_FEATURES.indexOf(name);
    int at = Arrays.binarySearch(vector.indices(), index);
    return at < 0 ? 0 : vector.values()[at];
  }

  static double[] hashedValues(SparseVector vector) {
    int hashed = 0;
    while (hashed < vector.size() && vector.indices()[hashed] < DENSE) {
      hashed++;
    }

    return Arrays.copyOf(vector.values(), hashed);
  }

  static <T> T assertTimeout(org.junit.jupiter.api.function.ThrowingSupplier<T> work) {
    return org.junit.jupiter.api.Assertions.assertTimeout(Duration.ofSeconds(2), work);
  }
}
