package io.micromodels.training.featurize;

import io.micromodels.training.input.ModelInput;
import java.util.List;

/**
 * The {@code order_items} micromodel's featurizer: what is in the basket. Each item name is
 * normalised (NFKC, lower case, at most {@value #MAX_NAME_CHARS} chars) and split into words (runs
 * of letters, digits and combining marks); the hashed tokens are the words ({@code [w:]}), the
 * pairs of adjacent words within one name ({@code [b:]}, never across two items) and each item's
 * category as a whole ({@code [c:]}, normalised the same way). Tokens are counted (an item listed
 * twice counts twice) and the counts scaled by {@code 1/√n} for {@code n} tokens in the basket, so
 * the hashed block has unit norm when no token repeats and a big basket does not outweigh a small
 * one; the basket's size is the one dense feature, {@code ln(1 + items)} (items: the longer of the
 * two lists), at index {@code hashing.buckets()}.
 *
 * @param namesColumn the list column of item names, usually {@code item_names}
 * @param categoriesColumn the list column of item categories, usually {@code item_categories}
 * @param hashing the token hashing
 */
public record OrderItemsFeaturizer(String namesColumn, String categoriesColumn, HashingSpec hashing)
    implements Featurizer {
  public static final String NAMES_DEFAULT = "item_names";
  public static final String CATEGORIES_DEFAULT = "item_categories";

  /** 2^16 buckets: product vocabularies of one client rarely pass tens of thousands of words. */
  public static final int BUCKETS_DEFAULT = 1 << 16;

  /** Names of the dense features, at indices {@code buckets + i}. */
  public static final List<String> DENSE_FEATURES = List.of("log_item_count");

  /** Item names and categories are read up to this many chars. */
  public static final int MAX_NAME_CHARS = 256;

  private static final String WORD = "w:";
  private static final String BIGRAM = "b:";
  private static final String CATEGORY = "c:";

  public OrderItemsFeaturizer {
    if (namesColumn == null
        || namesColumn.isBlank()
        || categoriesColumn == null
        || categoriesColumn.isBlank()
        || hashing == null) {
      throw new IllegalArgumentException(
          "an order items featurizer needs two list columns and a hashing spec");
    }
  }

  /** The default featurizer over {@code item_names} and {@code item_categories}. */
  public static OrderItemsFeaturizer defaults() {
    return new OrderItemsFeaturizer(
        NAMES_DEFAULT, CATEGORIES_DEFAULT, HashingSpec.of(BUCKETS_DEFAULT));
  }

  @Override
  public int dimension() {
    return hashing.buckets() + DENSE_FEATURES.size();
  }

  @Override
  public SparseVector featurize(ModelInput row) {
    List<String> names = row.texts(namesColumn);
    List<String> categories = row.texts(categoriesColumn);
    SparseVectorBuilder vector = new SparseVectorBuilder();
    FeatureHasher hasher = new FeatureHasher(hashing, vector);
    for (String name : names) {
      if (name != null) {
        addWords(hasher, TextForm.normalise(name, 0, name.length(), MAX_NAME_CHARS));
      }
    }

    for (String category : categories) {
      if (category == null) {
        continue;
      }

      String normal = TextForm.normalise(category, 0, category.length(), MAX_NAME_CHARS).strip();
      if (!normal.isEmpty()) {
        hasher.add(CATEGORY, normal, 1);
      }
    }

    if (vector.size() > 0) {
      vector.scale(1 / Math.sqrt(vector.size()));
    }

    int items = Math.max(names.size(), categories.size());
    return vector.add(hashing.buckets(), StrictMath.log1p(items)).build();
  }

  /** Adds the words of one normalised name and the pairs of adjacent words. */
  private static void addWords(FeatureHasher hasher, String name) {
    int previousStart = -1;
    int previousEnd = -1;
    int at = 0;
    while (at < name.length()) {
      int cp = name.codePointAt(at);
      if (!isWordChar(cp)) {
        at += Character.charCount(cp);
        continue;
      }

      int start = at;
      while (at < name.length() && isWordChar(cp = name.codePointAt(at))) {
        at += Character.charCount(cp);
      }

      hasher.add(WORD, name, start, at, 1);
      if (previousStart >= 0) {
        hasher.addPair(BIGRAM, name, previousStart, previousEnd, start, at, 1);
      }

      previousStart = start;
      previousEnd = at;
    }
  }

  /** Letters, digits and combining marks (which NFKC cannot fold into letters in every script). */
  private static boolean isWordChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }

    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
