package io.micromodels.training.featurize;

/**
 * How tokens become feature indices, written into {@code model.json} with each hashing featurizer
 * so the live scorer hashes exactly as training did (DESIGN.md §3.4). Only one function exists
 * today; the name and version are recorded so that a future change is a new version that old
 * artifacts never pick up by accident (Spark's Murmur3 changed between releases, SPARK-23381; that
 * is why we do not use Spark's hasher).
 *
 * @param function the hash function, {@value #MURMUR3_X86_32}
 * @param version the version of the token-to-index scheme, {@value #VERSION}
 * @param seed the hash seed
 * @param buckets the number of hash buckets, {@code 1..}{@value #MAX_BUCKETS}
 */
public record HashingSpec(String function, int version, int seed, int buckets) {
  public static final String MURMUR3_X86_32 = "murmur3_x86_32";

  /** Version 1: MurmurHash3 x86_32 of the token's UTF-8 bytes; see {@link FeatureHasher}. */
  public static final int VERSION = 1;

  public static final int SEED_DEFAULT = 0;
  public static final int MAX_BUCKETS = 1 << 24;

  public HashingSpec {
    if (!MURMUR3_X86_32.equals(function) || version != VERSION) {
      throw new IllegalArgumentException(
          "unsupported hashing "
              + function
              + " version "
              + version
              + "; this build supports "
              + MURMUR3_X86_32
              + " version "
              + VERSION);
    }

    if (buckets < 1 || buckets > MAX_BUCKETS) {
      throw new IllegalArgumentException(
          "hash buckets must lie in 1.." + MAX_BUCKETS + ", found " + buckets);
    }
  }

  /** The current hashing with the default seed. */
  public static HashingSpec of(int buckets) {
    return of(buckets, SEED_DEFAULT);
  }

  /** The current hashing with a seed. */
  public static HashingSpec of(int buckets, int seed) {
    return new HashingSpec(MURMUR3_X86_32, VERSION, seed, buckets);
  }
}
