package io.micromodels.training.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OneStandardErrorRuleTest {
  @Test
  void choosesTheStrongestCWithinOneStandardErrorOfTheBest() {
    RegularisationPath path =
        OneStandardErrorRule.choose(
            List.of(
                point(10, 0.0415, 0.0011),
                point(1, 0.0412, 0.0011),
                point(0.1, 0.0420, 0.0010),
                point(0.01, 0.0500, 0.0012)));

    assertThat(path.chosenC()).isEqualTo(0.1);
    assertThat(path.points())
        .extracting(RegularisationPath.Point::c)
        .containsExactly(0.01, 0.1, 1.0, 10.0);
    assertThat(path.reason())
        .isEqualTo(
            "strongest C within one standard error of the best: "
                + "C=0.1 (loss 0.04200 ± 0.00100, 5000 rows); best C=1 (loss 0.04120 ± 0.00110, 5000 rows);"
                + " threshold 0.04230");
  }

  @Test
  void keepsTheBestWhenNoStrongerCIsWithinOneStandardError() {
    RegularisationPath path =
        OneStandardErrorRule.choose(
            List.of(
                point(0.01, 0.0500, 0.0010), point(0.1, 0.0430, 0.0010), point(1, 0.0412, 0.0011)));

    assertThat(path.chosenC()).isEqualTo(1);
    assertThat(path.reason())
        .isEqualTo(
            "best validation loss at C=1 (loss 0.04120 ± 0.00110,"
                + " 5000 rows); no stronger C within one standard error");
  }

  @Test
  void bestAtTheStrongEndIsChosen() {
    RegularisationPath path =
        OneStandardErrorRule.choose(
            List.of(
                point(0.001, 0.0300, 0.0010),
                point(0.01, 0.0305, 0.0010),
                point(0.1, 0.0320, 0.0010)));

    assertThat(path.chosenC()).isEqualTo(0.001);
    assertThat(path.reason()).endsWith(", the strongest C in the grid");
  }

  @Test
  void singlePointIsChosen() {
    RegularisationPath path = OneStandardErrorRule.choose(List.of(point(0.3, 0.05, 0.002)));

    assertThat(path.chosenC()).isEqualTo(0.3);
    assertThat(path.reason())
        .isEqualTo("only one C in the grid: C=0.3 (loss 0.05000 ± 0.00200, 5000 rows)");
  }

  @Test
  void tiedBestLossesCountTheStrongerOneAsBest() {
    // both have the best mean; the stronger one's (larger) standard error sets the threshold
    RegularisationPath path =
        OneStandardErrorRule.choose(
            List.of(
                point(0.01, 0.0440, 0.0010), point(0.1, 0.0400, 0.0040), point(1, 0.0400, 0.0001)));

    assertThat(path.chosenC()).isEqualTo(0.01);
  }

  @Test
  void lossExactlyAtTheThresholdQualifies() {
    RegularisationPath path =
        OneStandardErrorRule.choose(List.of(point(0.01, 0.75, 0.25), point(0.1, 0.5, 0.25)));

    assertThat(path.chosenC()).isEqualTo(0.01);
  }

  @Test
  void duplicateCIsRejected() {
    assertThatThrownBy(
            () ->
                OneStandardErrorRule.choose(
                    List.of(point(0.1, 0.05, 0.001), point(0.1, 0.04, 0.001))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("C=0.1 appears twice in the path");
  }

  @Test
  void emptyPathIsRejected() {
    assertThatThrownBy(() -> OneStandardErrorRule.choose(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot choose a C from an empty path");
  }

  static RegularisationPath.Point point(double c, double loss, double standardError) {
    return new RegularisationPath.Point(c, new LossSummary(5000, loss, standardError));
  }
}
