package io.micromodels.training.featurize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FeatureHasherTest {
  private static final HashingSpec SPEC = HashingSpec.of(64);
  /** ASCII, accents, CJK, an emoji (a surrogate pair) and the two halves of a pair alone. */
  private static final String[] PIECES = {"a", "b", "7", ".", "é", "ß", "日", "😀", "\ud83d",
      "\ude00", "x", "x"};

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
