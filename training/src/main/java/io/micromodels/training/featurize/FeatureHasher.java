package io.micromodels.training.featurize;

/**
 * Signed feature hashing ("the hashing trick", Weinberger et al., 2009): a token's 32-bit
 * MurmurHash3 {@code h} of its UTF-8 bytes picks bucket {@code (h & 0x7fffffff) % buckets}, and its
 * top bit picks the sign ({@code -1} when {@code h < 0}), so colliding tokens cancel out on average
 * instead of piling up. A token is a namespace (e.g. {@code "g:"} for n-grams) followed by text;
 * the namespace keeps kinds of tokens apart, and both are hashed as one string without
 * concatenating.
 *
 * <p>One instance per featurize call: it holds the running hash, so it is not thread-safe, but it
 * allocates nothing per token. The last namespace is hashed once and its running hash reused as the
 * prefix of the following tokens (the scorer's hot path; the hashes are the same).
 */
public final class FeatureHasher {
  private final HashingSpec spec;
  private final SparseVectorBuilder into;
  private final Murmur3 murmur = new Murmur3();
  private final Murmur3 prefix = new Murmur3();
  private final Murmur3 scratch = new Murmur3();
  private String prefixNamespace;

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
    put(startToken(namespace).chars(text, from, to).finish(), value);
  }

  /**
   * Adds {@code ±value} at the bucket of every n-gram token {@code namespace + text[offsets[i],
   * offsets[i + n])}, for {@code n} from {@code minN} to {@code maxN} and then {@code i} from 0:
   * the same tokens, in the same order, as calling {@link #add} for each, so repeated buckets sum
   * the same way. Each start's n-grams share one running hash, each longer one extending the last.
   *
   * @param offsets the char offset of each code point of {@code text} plus its length at the end
   */
  public void addNgrams(
      String namespace, CharSequence text, int[] offsets, int minN, int maxN, double value) {
    int codePoints = offsets.length - 1;
    int[] hashes = new int[Math.max(0, (maxN - minN + 1) * codePoints)];
    for (int i = 0; i + minN <= codePoints; i++) {
      startToken(namespace).chars(text, offsets[i], offsets[i + minN - 1]);
      for (int n = minN; n <= maxN && i + n <= codePoints; n++) {
        murmur.chars(text, offsets[i + n - 1], offsets[i + n]);
        hashes[(n - minN) * codePoints + i] = scratch.copyFrom(murmur).finish();
      }
    }

    for (int n = minN; n <= maxN; n++) {
      for (int i = 0; i + n <= codePoints; i++) {
        put(hashes[(n - minN) * codePoints + i], value);
      }
    }
  }

  /**
   * Adds {@code ±value} at the bucket of the token {@code namespace + text[firstFrom, firstTo) + "
   * " + text[secondFrom, secondTo)}: a word pair hashed without building it.
   */
  public void addPair(
      String namespace,
      CharSequence text,
      int firstFrom,
      int firstTo,
      int secondFrom,
      int secondTo,
      double value) {
    put(
        startToken(namespace)
            .chars(text, firstFrom, firstTo)
            .chars(" ", 0, 1)
            .chars(text, secondFrom, secondTo)
            .finish(),
        value);
  }

  private void put(int hash, double value) {
    into.add(bucket(hash, spec.buckets()), hash < 0 ? -value : value);
  }

  /** The running hash with the seed and the namespace added, ready for the token's text. */
  private Murmur3 startToken(String namespace) {
    if (!namespace.equals(prefixNamespace)) {
      prefix.start(spec.seed()).chars(namespace, 0, namespace.length());
      prefixNamespace = namespace;
    }

    return murmur.copyFrom(prefix);
  }

  /** The bucket of a token hash. */
  static int bucket(int hash, int buckets) {
    return (hash & 0x7fffffff) % buckets;
  }
}
