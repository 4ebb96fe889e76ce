package io.micromodels.training.featurize;

import io.micromodels.training.input.ModelInput;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code email} micromodel's featurizer. The address is normalised ({@link EmailParts}: NFKC,
 * lower case, {@code +tag} removed) and becomes hashed tokens (namespaces in brackets):
 *
 * <ul>
 *   <li>character n-grams of the local part framed as {@code <local>}, sizes {@code
 *       ngramMin..ngramMax} over code points ({@code [g:]}), each weighing {@code 1/√n} for {@code
 *       n} n-grams in all, so the n-gram block has unit norm whatever the length;
 *   <li>the domain ({@code [d:]}) and its top-level domain ({@code [t:]}), weight 1;
 * </ul>
 *
 * and dense features after the {@code hashing.buckets()} hash buckets, in the order of {@link
 * #DENSE_FEATURES}: the local part's digit and letter ratios, {@code ln(1 + length)} in code
 * points, Shannon entropy in bits per code point, {@code ln(1 + trailing digits)}, 1 for a
 * disposable domain ({@link DisposableDomains}), and 1 when the address is null or blank (then
 * nothing else is set).
 *
 * @param column the input column, usually {@code email}
 * @param hashing the token hashing
 * @param ngramMin the shortest n-gram, {@code 1..ngramMax}
 * @param ngramMax the longest n-gram, {@code ngramMin..}{@value #NGRAM_LONGEST}
 */
public record EmailFeaturizer(String column, HashingSpec hashing, int ngramMin, int ngramMax)
    implements Featurizer {
  public static final String COLUMN_DEFAULT = "email";

  /** 2^16 buckets: a client's addresses have tens of thousands of distinct n-grams at most. */
  public static final int BUCKETS_DEFAULT = 1 << 16;

  public static final int NGRAM_MIN_DEFAULT = 2;
  public static final int NGRAM_MAX_DEFAULT = 4;
  public static final int NGRAM_LONGEST = 8;

  /** Names of the dense features, at indices {@code buckets + i}. */
  public static final List<String> DENSE_FEATURES =
      List.of(
          "digit_ratio",
          "letter_ratio",
          "log_length",
          "entropy_bits",
          "log_trailing_digits",
          "disposable_domain",
          "missing_email");

  private static final String NGRAM = "g:";
  private static final String DOMAIN = "d:";
  private static final String TLD = "t:";
  private static final int DIGIT_RATIO = 0;
  private static final int LETTER_RATIO = 1;
  private static final int LOG_LENGTH = 2;
  private static final int ENTROPY = 3;
  private static final int TRAILING_DIGITS = 4;
  private static final int DISPOSABLE = 5;
  private static final int MISSING = 6;
  private static final double LN_2 = StrictMath.log(2);

  public EmailFeaturizer {
    if (column == null || column.isBlank() || hashing == null) {
      throw new IllegalArgumentException("an email featurizer needs a column and a hashing spec");
    }

    if (ngramMin < 1 || ngramMin > ngramMax || ngramMax > NGRAM_LONGEST) {
      throw new IllegalArgumentException(
          "n-gram sizes must satisfy 1 <= min <= max <= "
              + NGRAM_LONGEST
              + ", found "
              + ngramMin
              + ".."
              + ngramMax);
    }
  }

  /** The default featurizer over the {@code email} column. */
  public static EmailFeaturizer defaults() {
    return new EmailFeaturizer(
        COLUMN_DEFAULT, HashingSpec.of(BUCKETS_DEFAULT), NGRAM_MIN_DEFAULT, NGRAM_MAX_DEFAULT);
  }

  @Override
  public int dimension() {
    return hashing.buckets() + DENSE_FEATURES.size();
  }

  @Override
  public SparseVector featurize(ModelInput row) {
    EmailParts email = EmailParts.parse(row.text(column));
    int dense = hashing.buckets();
    SparseVectorBuilder vector = new SparseVectorBuilder();
    if (email == null) {
      return vector.add(dense + MISSING, 1).build();
    }

    FeatureHasher hasher = new FeatureHasher(hashing, vector);
    String framed = '<' + email.local() + '>';
    int[] offsets = TextForm.codePointOffsets(framed);
    hasher.addNgrams(NGRAM, framed, offsets, ngramMin, ngramMax, 1);
    vector.scale(vector.size() == 0 ? 1 : 1 / Math.sqrt(vector.size()));
    String domain = email.domain();
    if (!domain.isEmpty()) {
      hasher.add(DOMAIN, domain, 1);
      int tld = email.tldStart();
      if (tld > 0 && tld < domain.length()) {
        hasher.add(TLD, domain, tld, domain.length(), 1);
      }

      if (DisposableDomains.isDisposable(domain)) {
        vector.add(dense + DISPOSABLE, 1);
      }
    }

    addLocalStatistics(vector, dense, framed, offsets);
    return vector.build();
  }

  /** The dense features of the local part: the framed text without its first and last marks. */
  private static void addLocalStatistics(
      SparseVectorBuilder vector, int dense, String framed, int[] offsets) {
    int length = offsets.length - 3;
    if (length == 0) {
      return;
    }

    int[] codePoints = new int[length];
    int digits = 0;
    int letters = 0;
    int trailingDigits = 0;
    for (int i = 0; i < length; i++) {
      int cp = framed.codePointAt(offsets[i + 1]);
      codePoints[i] = cp;
      boolean digit = Character.isDigit(cp);
      digits += digit ? 1 : 0;
      letters += Character.isLetter(cp) ? 1 : 0;
      trailingDigits = digit ? trailingDigits + 1 : 0;
    }

    vector.add(dense + DIGIT_RATIO, (double) digits / length);
    vector.add(dense + LETTER_RATIO, (double) letters / length);
    vector.add(dense + LOG_LENGTH, StrictMath.log1p(length));
    vector.add(dense + ENTROPY, entropyBits(codePoints));
    vector.add(dense + TRAILING_DIGITS, StrictMath.log1p(trailingDigits));
  }

  /** Shannon entropy in bits of the code point distribution (sorts its argument). */
  static double entropyBits(int[] codePoints) {
    Arrays.sort(codePoints);
    double n = codePoints.length;
    double entropy = 0;
    for (int i = 0; i < codePoints.length; ) {
      int run = i;
      while (run < codePoints.length && codePoints[run] == codePoints[i]) {
        run++;
      }

      double p = (run - i) / n;
      entropy -= p * StrictMath.log(p) / LN_2;
      i = run;
    }

    return entropy;
  }
}
