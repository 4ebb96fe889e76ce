package io.micromodels.scorer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micromodels.training.artifact.ClientModel;
import io.micromodels.training.artifact.ModelFormat;
import io.micromodels.training.artifact.ModelFormatException;
import io.micromodels.training.score.ScoreResult;
import io.micromodels.training.score.Scorer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Hostile {@code model.json} mutations (issue 30, docs/reliability.md): any value of the golden
 * model replaced by a hostile one, any key removed, any array element duplicated. A mutated model
 * is either refused with a {@link ModelFormatException} when it is read (never another exception,
 * never later), or it loads and scores a decision event to a finite score in 0..100.
 */
class ModelMutationProperties {
  private static final ObjectNode GOLDEN = ModelValidationTest.tree();
  private static final List<String> PATHS = paths(GOLDEN, "");
  private static final Map<String, Object> EVENT =
      Map.of(
          "email",
          "x9q2k@mailinator.com",
          "item_names",
          List.of("premium vodka"),
          "item_categories",
          List.of("spirits"),
          "country",
          "DE",
          "amount",
          212.5,
          "account_age_days",
          0.5,
          "time.night",
          1);

  @Property(tries = 400)
  void aMutatedModelIsRefusedOnReadingOrScoresWithinTheScale(
      @ForAll("paths") String path, @ForAll("mutations") Mutation mutation) {
    ObjectNode model = GOLDEN.deepCopy();
    mutation.apply(model, path);

    ClientModel read;
    try {
      read = ModelFormat.fromJson(model.toString(), "mutated");
    } catch (ModelFormatException refused) {
      assertThat(refused.getMessage()).startsWith("mutated");
      return;
    }

    ScoreResult result = new Scorer(read).score(EVENT, Map.of());
    assertThat(result.score()).isBetween(0.0, 100.0);
    assertThat(result.probability()).isBetween(0.0, 1.0);
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of(PATHS);
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    Arbitrary<JsonNode> hostile =
        Arbitraries.of(
            JsonNodeFactory.instance.numberNode(Double.POSITIVE_INFINITY),
            JsonNodeFactory.instance.numberNode(-1e308),
            JsonNodeFactory.instance.numberNode(Long.MAX_VALUE),
            JsonNodeFactory.instance.numberNode(-1),
            JsonNodeFactory.instance.numberNode(0),
            JsonNodeFactory.instance.textNode("Infinity"),
            JsonNodeFactory.instance.textNode("NaN"),
            JsonNodeFactory.instance.textNode(""),
            JsonNodeFactory.instance.textNode("../../etc"),
            JsonNodeFactory.instance.nullNode(),
            JsonNodeFactory.instance.booleanNode(true),
            JsonNodeFactory.instance.arrayNode(),
            JsonNodeFactory.instance.objectNode());
    return Arbitraries.oneOf(
        hostile.map(Mutation.Replace::new),
        Arbitraries.just(new Mutation.Remove()),
        Arbitraries.just(new Mutation.DuplicateElement()));
  }

  /** One change to the node at a path ("/scoring/micromodels/0/model/intercept"). */
  sealed interface Mutation {
    void apply(ObjectNode model, String path);

    record Replace(JsonNode value) implements Mutation {
      @Override
      public void apply(ObjectNode model, String path) {
        JsonNode parent = parentOf(model, path);
        String last = lastOf(path);
        if (parent instanceof ObjectNode o) {
          o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
          a.set(Integer.parseInt(last), value);
        }
      }
    }

    record Remove() implements Mutation {
      @Override
      public void apply(ObjectNode model, String path) {
        JsonNode parent = parentOf(model, path);
        if (parent instanceof ObjectNode o) {
          o.remove(lastOf(path));
        } else if (parent instanceof ArrayNode a) {
          a.remove(Integer.parseInt(lastOf(path)));
        }
      }
    }

    record DuplicateElement() implements Mutation {
      @Override
      public void apply(ObjectNode model, String path) {
        JsonNode parent = parentOf(model, path);
        if (parent instanceof ArrayNode a) {
          a.add(a.get(Integer.parseInt(lastOf(path))).deepCopy());
        }
      }
    }

    private static JsonNode parentOf(ObjectNode model, String path) {
      return model.at(path.substring(0, path.lastIndexOf('/')));
    }

    private static String lastOf(String path) {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  /** Every node's JSON pointer, arrays sampled at their first and last element. */
  private static List<String> paths(JsonNode node, String prefix) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                out.add(prefix + "/" + name);
                out.addAll(paths(node.get(name), prefix + "/" + name));
              });
    } else if (node.isArray() && node.size() > 0) {
      for (int i : new int[] {0, node.size() - 1}) {
        out.add(prefix + "/" + i);
        out.addAll(paths(node.get(i), prefix + "/" + i));
      }
    }
    return out;
  }
}
