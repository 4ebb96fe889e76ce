package io.micromodels.training.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureHasherTest {
  private static final HashingSpec SPEC = HashingSpec.of(64);

  /** ASCII, accents, CJK, an emoji (a surrogate pair) and the two halves of a pair alone. */
  private static final String[] PIECES = {
    "a", "b", "7", ".", "é", "ß", "日", "😀", "\ud83d", "\ude00", "x", "x"
  };

  @Test
  void tokenGoesToItsHashBucketWithTheHashSign() {
    // murmur3_x86_32("foo", seed 0) = 0xf6a5c420: negative, low 31 bits 0x76a5c420 = 1990575136.
    SparseVectorBuilder vector = new SparseVectorBuilder();

    new FeatureHasher(HashingSpec.of(1000), vector).add("f", "oo", 2.5);

    assertThat(vector.build()).hasToString("{136:-2.5}");
  }

  @Test
  void positiveHashKeepsTheSign() {
    // murmur3_x86_32("foo", seed 1) = 0x34be5f72: positive, 0x34be5f72 % 65536 = 24434.
    SparseVectorBuilder vector = new SparseVectorBuilder();

    new FeatureHasher(HashingSpec.of(1 << 16, 1), vector).add("", "foo", 1);

    assertThat(vector.build()).hasToString("{24434:1.0}");
  }

  @Test
  void sliceOfATextHashesLikeTheConcatenatedToken() {
    HashingSpec spec = HashingSpec.of(1 << 20, 99);
    SparseVectorBuilder sliced = new SparseVectorBuilder();
    SparseVectorBuilder whole = new SparseVectorBuilder();

    new FeatureHasher(spec, sliced).add("g:", "<jöhn😀>", 2, 6, 1);
    new FeatureHasher(spec, whole).add("", "g:öhn\ud83d", 1);

    assertThat(sliced.build()).isEqualTo(whole.build());
  }

  @Test
  void pairHashesAsBothWordsJoinedBySpace() {
    HashingSpec spec = HashingSpec.of(1 << 20);
    SparseVectorBuilder pair = new SparseVectorBuilder();
    SparseVectorBuilder token = new SparseVectorBuilder();

    new FeatureHasher(spec, pair).addPair("b:", "red, wine", 0, 3, 5, 9, 1);
    new FeatureHasher(spec, token).add("b:", "red wine", 1);

    assertThat(pair.build()).isEqualTo(token.build());
  }

  @Test
  void bucketIsTheLow31BitsModuloBuckets() {
    assertThat(FeatureHasher.bucket(-1, 1 << 16)).isEqualTo(0xffff);
    assertThat(FeatureHasher.bucket(Integer.MIN_VALUE, 7)).isZero();
    assertThat(FeatureHasher.bucket(12, 5)).isEqualTo(2);
  }

  @Test
  void hashingSpecRefusesUnknownFunctionsVersionsAndBucketCounts() {
    assertThatThrownBy(() -> new HashingSpec("spark_murmur3", 1, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unsupported hashing spark_murmur3 version 1; this build supports"
                + " murmur3_x86_32 version 1");
    assertThatThrownBy(() -> new HashingSpec("murmur3_x86_32", 2, 0, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version 2");
    assertThatThrownBy(() -> HashingSpec.of(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("hash buckets must lie in 1..16777216, found 0");
  }

  @Test
  void aTokenHashesAsMurmurOfNamespaceAndTextWhicheverNamespaceCameBefore() {
    SparseVectorBuilder alternating = new SparseVectorBuilder();
    FeatureHasher hasher = new FeatureHasher(SPEC, alternating);
    SparseVectorBuilder fresh = new SparseVectorBuilder();
    String[] namespaces = {"w:", "w:", "c:", "w:", "b:", "b:"};
    for (int k = 0; k < namespaces.length; k++) {
      String text = "token" + k;
      hasher.add(namespaces[k], text, 1);
      int h = Murmur3.hash32(namespaces[k] + text, SPEC.seed());
      fresh.add(FeatureHasher.bucket(h, SPEC.buckets()), h < 0 ? -1 : 1);
    }

    assertThat(alternating.build()).isEqualTo(fresh.build());
  }

  @Test
  void ngramsHashAndSumExactlyLikeOneTokenAtATime() {
    SplittableRandom random = new SplittableRandom(5);
    for (int trial = 0; trial < 500; trial++) {
      StringBuilder text = new StringBuilder("<");
      for (int k = random.nextInt(30); k > 0; k--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }

      String framed = text.append('>').toString();
      int[] offsets = TextForm.codePointOffsets(framed);
      int min = 1 + random.nextInt(3);
      int max = min + random.nextInt(4);
      SparseVectorBuilder together = new SparseVectorBuilder();
      new FeatureHasher(SPEC, together).addNgrams("g:", framed, offsets, min, max, 0.3);
      SparseVectorBuilder oneByOne = new SparseVectorBuilder();
      FeatureHasher single = new FeatureHasher(SPEC, oneByOne);
      for (int n = min; n <= max; n++) {
        for (int i = 0; i + n < offsets.length; i++) {
          single.add("g:", framed, offsets[i], offsets[i + n], 0.3);
        }
      }

      assertThat(together.size()).as(framed).isEqualTo(oneByOne.size());
      assertThat(together.build()).as(framed).isEqualTo(oneByOne.build());
    }
  }
}
