package io.micromodels.training.featurize;

/**
 * Signed feature hashing ("the hashing trick", Weinberger et al., 2009): a token's 32-bit
 * MurmurHash3 {@code h} of its UTF-8 bytes picks bucket {@code (h & 0x7fffffff) % buckets}, and
 * its top bit picks the sign ({@code -1} when {@code h < 0}), so colliding tokens cancel out on
 * average instead of piling up. A token is a namespace (e.g. {@code "g:"} for n-grams) followed by
 * text; the namespace keeps kinds of tokens apart, and both are hashed as one string without
 * concatenating.
 *
 * <p>One instance per featurize call: it holds the running hash, so it is not thread-safe, but it
 * allocates nothing per token.
 */
public final class FeatureHasher {
  private final HashingSpec spec;
  private final SparseVectorBuilder into;
  private final Murmur3 murmur = new Murmur3();

  /** A hasher adding its tokens' values to a builder. */
  public FeatureHasher(HashingSpec spec, SparseVectorBuilder into) {
    this.spec = spec;
    this.into = into;
  }

  /** Adds {@code ±value} at the bucket of the token {@code namespace + text}. */
  public void add(String namespace, CharSequence text, double value) {
    add(namespace, text, 0, text.length(), value);
  }

  /** Adds {@code ±value} at the bucket of the token {@code namespace + text[from, to)}. */
  public void add(String namespace, CharSequence text, int from, int to, double value) {
    put(murmur.start(spec.seed()).chars(namespace, 0, namespace.length()).chars(text, from, to)
        .finish(), value);
  }

  /**
   * Adds {@code ±value} at the bucket of the token
   * {@code namespace + text[firstFrom, firstTo) + " " + text[secondFrom, secondTo)}: a word pair
   * hashed without building it.
   */
  public void addPair(String namespace, CharSequence text, int firstFrom, int firstTo,
      int secondFrom, int secondTo, double value) {
    put(murmur.start(spec.seed()).chars(namespace, 0, namespace.length())
        .chars(text, firstFrom, firstTo).chars(" ", 0, 1).chars(text, secondFrom, secondTo)
        .finish(), value);
  }

  private void put(int hash, double value) {
    into.add(bucket(hash, spec.buckets()), hash < 0 ? -value : value);
  }

  /** The bucket of a token hash. */
  static int bucket(int hash, int buckets) {
    return (hash & 0x7fffffff) % buckets;
  }
}
