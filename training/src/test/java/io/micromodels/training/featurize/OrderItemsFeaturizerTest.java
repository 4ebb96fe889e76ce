package io.micromodels.training.featurize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micromodels.training.input.MapInput;
import io.micromodels.training.input.ModelInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class OrderItemsFeaturizerTest {
  private static final OrderItemsFeaturizer ITEMS = OrderItemsFeaturizer.defaults();
  private static final int DENSE = OrderItemsFeaturizer.BUCKETS_DEFAULT;

  @Test
  void goldenVectorOfATwoItemBasket() {
    OrderItemsFeaturizer small =
        new OrderItemsFeaturizer("item_names", "item_categories", HashingSpec.of(64));

    SparseVector vector =
        small.featurize(basket(List.of("Red Wine", "Tofu"), List.of("Drinks", "Food")));

    // Six tokens of weight 1/√6, buckets and signs checked against Guava's murmur3_32_fixed:
    // b:red wine 19-, w:tofu 27- and c:drinks 27- (a collision: they add up), c:food 42-,
    // w:wine 43-, w:red 48-; then ln(1 + 2 items) at 64.
    assertThat(vector)
        .hasToString(
            "{19:-0.4082482904638631, 27:-0.8164965809277261,"
                + " 42:-0.4082482904638631, 43:-0.4082482904638631, 48:-0.4082482904638631,"
                + " 64:1.0986122886681096}");
  }

  @Test
  void champagneAndVodkaShareNothingWithKaleAndTofu() {
    SparseVector party =
        ITEMS.featurize(
            basket(
                List.of("Moët & Chandon Champagne Brut", "Absolut Vodka 1L"),
                List.of("Wine", "Spirits")));
    SparseVector salad =
        ITEMS.featurize(
            basket(List.of("Organic Kale", "Firm Tofu 400g"), List.of("Vegetables", "Chilled")));

    assertThat(cosineOfHashedParts(party, salad)).isCloseTo(0, within(0.2));
    assertThat(cosineOfHashedParts(party, party)).isCloseTo(1, within(1e-12));
  }

  @Test
  void basketsWithACommonItemAreCloserThanUnrelatedOnes() {
    SparseVector vodkaAndJuice =
        ITEMS.featurize(
            basket(List.of("Absolut Vodka 1L", "Orange juice"), List.of("Spirits", "Drinks")));
    SparseVector vodkaAndIce =
        ITEMS.featurize(
            basket(List.of("Absolut Vodka 1L", "Ice cubes"), List.of("Spirits", "Frozen")));
    SparseVector kale = ITEMS.featurize(basket(List.of("Organic Kale"), List.of("Vegetables")));

    assertThat(cosineOfHashedParts(vodkaAndJuice, vodkaAndIce))
        .isGreaterThan(cosineOfHashedParts(vodkaAndJuice, kale) + 0.3);
  }

  @Test
  void itemOrderAndSpellingDoNotMatter() {
    SparseVector a = ITEMS.featurize(basket(List.of("RED  wine", "Tofu"), List.of("Food")));
    SparseVector b = ITEMS.featurize(basket(List.of("Tofu", "red, Wine!"), List.of(" FOOD ")));

    assertThat(a).isEqualTo(b);
  }

  @Test
  void wordPairsStayWithinOneItemName() {
    SparseVector oneName = ITEMS.featurize(basket(List.of("red wine"), List.of()));
    SparseVector twoNames = ITEMS.featurize(basket(List.of("red", "wine"), List.of()));

    assertThat(hashed(oneName).size()).isEqualTo(3);
    assertThat(hashed(twoNames).size()).isEqualTo(2);
  }

  @Test
  void categoryTokensAreApartFromWordTokens() {
    SparseVector word = ITEMS.featurize(basket(List.of("vodka"), List.of()));
    SparseVector category = ITEMS.featurize(basket(List.of(), List.of("vodka")));

    assertThat(hashed(word).indices()).doesNotContain(hashed(category).indices());
  }

  @Test
  void repeatedItemsCountTwice() {
    SparseVector twice = ITEMS.featurize(basket(List.of("kale", "kale"), List.of()));

    assertThat(Arrays.stream(hashed(twice).values()).map(Math::abs).toArray())
        .containsExactly(2 / Math.sqrt(2));
    assertThat(dense(twice)).isEqualTo(StrictMath.log1p(2));
  }

  @Test
  void unicodeNamesSplitIntoWordsOfAnyScript() {
    SparseVector hebrew = ITEMS.featurize(basket(List.of("יין אדום"), List.of("משקאות")));
    SparseVector hindi = ITEMS.featurize(basket(List.of("लाल शराब"), List.of()));
    SparseVector emoji = ITEMS.featurize(basket(List.of("🍾 Champagne 🍾"), List.of()));
    SparseVector fullWidth = ITEMS.featurize(basket(List.of("ＫＡＬＥ"), List.of()));

    assertThat(hashed(hebrew).size()).isEqualTo(2 + 1 + 1);
    assertThat(hashed(hindi).size()).isEqualTo(2 + 1);
    assertThat(emoji).isEqualTo(ITEMS.featurize(basket(List.of("champagne"), List.of())));
    assertThat(fullWidth).isEqualTo(ITEMS.featurize(basket(List.of("kale"), List.of())));
  }

  @Test
  void emptyOrAbsentBasketIsTheEmptyVector() {
    assertThat(ITEMS.featurize(new MapInput(Map.of()))).isEqualTo(SparseVector.EMPTY);
    assertThat(ITEMS.featurize(basket(List.of("", " -- "), List.of(""))))
        .hasToString("{" + DENSE + ":" + StrictMath.log1p(2) + "}");
  }

  @Test
  void nullNamesAndCategoriesAreSkipped() {
    ModelInput withNulls = new FixedInput(null, Arrays.asList(null, "kale"), null);

    assertThat(ITEMS.featurize(withNulls))
        .isEqualTo(ITEMS.featurize(basket(List.of("", "kale"), List.of("", "kale"))));
  }

  @Test
  void tenThousandItemsAndAMegabyteNameFinishFast() {
    List<String> names = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      names.add("Item number " + i + " large");
      categories.add("category " + (i % 100));
    }

    names.add("word ".repeat(200_000));
    ModelInput row = basket(names, categories);

    SparseVector vector =
        Assertions.assertTimeout(Duration.ofSeconds(2), () -> ITEMS.featurize(row));

    assertThat(dense(vector)).isEqualTo(StrictMath.log1p(10_001));
    assertThat(vector.indices()[vector.size() - 1]).isEqualTo(DENSE);
  }

  static ModelInput basket(List<String> names, List<String> categories) {
    return new MapInput(Map.of("item_names", names, "item_categories", categories));
  }

  static SparseVector hashed(SparseVector vector) {
    int hashed = 0;
    while (hashed < vector.size() && vector.indices()[hashed] < DENSE) {
      hashed++;
    }

    return new SparseVector(
        Arrays.copyOf(vector.indices(), hashed), Arrays.copyOf(vector.values(), hashed));
  }

  static double dense(SparseVector vector) {
    int at = Arrays.binarySearch(vector.indices(), DENSE);
    return at < 0 ? 0 : vector.values()[at];
  }

  static double cosineOfHashedParts(SparseVector a, SparseVector b) {
    double[] dense = new double[DENSE];
    SparseVector ha = hashed(a);
    SparseVector hb = hashed(b);
    for (int i = 0; i < ha.size(); i++) {
      dense[ha.indices()[i]] = ha.values()[i];
    }

    double normA = Math.sqrt(ha.dot(dense));
    double[] other = new double[DENSE];
    for (int i = 0; i < hb.size(); i++) {
      other[hb.indices()[i]] = hb.values()[i];
    }

    return hb.dot(dense) / (normA * Math.sqrt(hb.dot(other)));
  }
}
