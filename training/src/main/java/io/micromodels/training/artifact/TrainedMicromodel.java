package io.micromodels.training.artifact;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.fit.LogisticModel;
import io.micromodels.training.fit.RegularisationPath;
import io.micromodels.training.input.ModelInput;
import io.micromodels.training.micromodel.MicromodelTypes;
import java.util.Objects;

/**
 * A fitted micromodel: its featurizer state, its logistic regression and how its regularisation was
 * chosen. Its output, the log-odds, reaches the combiner as column {@code micromodel.<name>}.
 *
 * @param scope {@code CLIENT} or {@code GLOBAL} (shared, trained on pooled data)
 */
public record TrainedMicromodel(
    String name,
    String type,
    MicromodelSpec.Scope scope,
    Featurizer featurizer,
    LogisticModel model,
    RegularisationPath regularisation) {
  public static final String COLUMN_PREFIX = "micromodel.";

  public TrainedMicromodel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(featurizer, "featurizer");
    Objects.requireNonNull(model, "model");
    if (featurizer.dimension() != model.dimension()) {
      throw new IllegalArgumentException(
          "micromodel "
              + name
              + ": its featurizer makes "
              + featurizer.dimension()
              + " features but its model has dimension "
              + model.dimension());
    }
  }

  /** Reads the featurizer with the class its registered type names. */
  @JsonCreator
  static TrainedMicromodel fromJson(
      @JsonProperty("name") String name,
      @JsonProperty("type") String type,
      @JsonProperty("scope") MicromodelSpec.Scope scope,
      @JsonProperty("featurizer") JsonNode featurizer,
      @JsonProperty("model") LogisticModel model,
      @JsonProperty("regularisation") RegularisationPath regularisation) {
    Featurizer read = ModelFormat.convert(featurizer, MicromodelTypes.of(type).featurizerClass());
    return new TrainedMicromodel(name, type, scope, read, model, regularisation);
  }

  /** The name a combiner input goes by in contributions and importances. */
  public static String inputName(String column) {
    return column.startsWith(COLUMN_PREFIX) ? column.substring(COLUMN_PREFIX.length()) : column;
  }

  /** The combiner's input column of this micromodel. */
  public String column() {
    return COLUMN_PREFIX + name;
  }

  public double logOdds(ModelInput row) {
    return model.logOdds(featurizer.featurize(row));
  }
}
