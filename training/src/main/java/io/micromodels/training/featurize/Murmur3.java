package io.micromodels.training.featurize;

/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby's public-domain SMHasher reference, {@code
 * MurmurHash3_x86_32}), written from the published algorithm. {@link #hash32} hashes bytes; an
 * instance hashes text as its UTF-8 bytes, fed one character at a time, so a token made of a
 * namespace and a slice of a longer string is hashed without building a substring. Both give the
 * same value as any other implementation over the same UTF-8 bytes (e.g. Python's {@code
 * mmh3.hash(text.encode("utf-8"), seed)}).
 *
 * <p>An instance is a running hash: not thread-safe, reused token after token ({@link #start}).
 */
public final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  /** What an unpaired surrogate is hashed as: U+FFFD, the Unicode replacement character. */
  private static final int REPLACEMENT = 0xfffd;

  private int hash;
  private int pending;
  private int pendingBytes;
  private int length;
  private char highSurrogate;

  /** The 32-bit hash of {@code length} bytes of {@code data} from {@code offset}. */
  public static int hash32(byte[] data, int offset, int length, int seed) {
    int h = seed;
    int blocks = length & ~3;
    for (int i = 0; i < blocks; i += 4) {
      int k =
          (data[offset + i] & 0xff)
              | (data[offset + i + 1] & 0xff) << 8
              | (data[offset + i + 2] & 0xff) << 16
              | (data[offset + i + 3] & 0xff) << 24;
      h = mixBlock(h, k);
    }

    int tail = 0;
    switch (length & 3) {
      case 3:
        tail ^= (data[offset + blocks + 2] & 0xff) << 16;
      // fall through
      case 2:
        tail ^= (data[offset + blocks + 1] & 0xff) << 8;
      // fall through
      case 1:
        tail ^= data[offset + blocks] & 0xff;
        h ^= mixTail(tail);
        break;
      default:
        break;
    }

    return finalMix(h ^ length);
  }

  /** The 32-bit hash of the UTF-8 bytes of {@code text}. */
  public static int hash32(CharSequence text, int seed) {
    return new Murmur3().start(seed).chars(text, 0, text.length()).finish();
  }

  /** Starts a new hash with a seed, forgetting any unfinished one. */
  public Murmur3 start(int seed) {
    hash = seed;
    pending = 0;
    pendingBytes = 0;
    length = 0;
    highSurrogate = 0;
    return this;
  }

  /**
   * Continues from another instance's running hash (its seed and everything added to it), e.g. a
   * namespace hashed once and reused as the prefix of many tokens.
   */
  public Murmur3 copyFrom(Murmur3 other) {
    hash = other.hash;
    pending = other.pending;
    pendingBytes = other.pendingBytes;
    length = other.length;
    highSurrogate = other.highSurrogate;
    return this;
  }

  /**
   * Adds the UTF-8 bytes of {@code text[from, to)}. A surrogate pair split across two calls is
   * still one code point; an unpaired surrogate counts as U+FFFD.
   */
  public Murmur3 chars(CharSequence text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < 0x80 && highSurrogate == 0) {
        put(c);
      } else {
        codeUnit(c);
      }
    }

    return this;
  }

  /** The hash of everything added since {@link #start}. */
  public int finish() {
    if (highSurrogate != 0) {
      highSurrogate = 0;
      codePoint(REPLACEMENT);
    }

    int h = hash;
    if (pendingBytes > 0) {
      h ^= mixTail(pending);
    }

    return finalMix(h ^ length);
  }

  private void codeUnit(char c) {
    if (highSurrogate != 0) {
      char high = highSurrogate;
      highSurrogate = 0;
      if (Character.isLowSurrogate(c)) {
        codePoint(Character.toCodePoint(high, c));
        return;
      }

      codePoint(REPLACEMENT);
    }

    if (Character.isHighSurrogate(c)) {
      highSurrogate = c;
    } else {
      codePoint(Character.isLowSurrogate(c) ? REPLACEMENT : c);
    }
  }

  private void codePoint(int cp) {
    if (cp < 0x80) {
      put(cp);
    } else if (cp < 0x800) {
      put(0xc0 | cp >>> 6);
      put(0x80 | cp & 0x3f);
    } else if (cp < 0x10000) {
      put(0xe0 | cp >>> 12);
      put(0x80 | cp >>> 6 & 0x3f);
      put(0x80 | cp & 0x3f);
    } else {
      put(0xf0 | cp >>> 18);
      put(0x80 | cp >>> 12 & 0x3f);
      put(0x80 | cp >>> 6 & 0x3f);
      put(0x80 | cp & 0x3f);
    }
  }

  private void put(int unsignedByte) {
    pending |= unsignedByte << (pendingBytes << 3);
    length++;
    if (++pendingBytes == 4) {
      hash = mixBlock(hash, pending);
      pending = 0;
      pendingBytes = 0;
    }
  }

  private static int mixBlock(int h, int k) {
    h ^= mixTail(k);
    h = Integer.rotateLeft(h, 13);
    return h * 5 + 0xe6546b64;
  }

  private static int mixTail(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }

  private static int finalMix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
