package io.micromodels.training.micromodel;

import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.EmailFeaturizer;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.input.ModelInput;
import java.util.List;
import java.util.Set;

/**
 * {@code email}: the address's character n-grams, domain and TLD ({@link EmailFeaturizer}). Input:
 * one column (default {@code email}); params {@code buckets}, {@code seed}, {@code ngram_min},
 * {@code ngram_max}. Stateless: the training rows are not read.
 */
public final class EmailMicromodelType implements MicromodelType {
  public static final String TYPE = "email";
  public static final String NGRAM_MIN = "ngram_min";
  public static final String NGRAM_MAX = "ngram_max";
  private static final Set<String> PARAMS =
      Set.of(MicromodelParams.BUCKETS, MicromodelParams.SEED, NGRAM_MIN, NGRAM_MAX);

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public EmailFeaturizer featurizer(
      MicromodelSpec spec, Iterable<? extends ModelInput> trainingRows) {
    MicromodelParams params = MicromodelParams.of(spec, PARAMS);
    String column = params.inputs(List.of(EmailFeaturizer.COLUMN_DEFAULT)).get(0);
    int min =
        params.integer(
            NGRAM_MIN, EmailFeaturizer.NGRAM_MIN_DEFAULT, 1, EmailFeaturizer.NGRAM_LONGEST);
    int max =
        params.integer(
            NGRAM_MAX,
            Math.max(min, EmailFeaturizer.NGRAM_MAX_DEFAULT),
            min,
            EmailFeaturizer.NGRAM_LONGEST);
    return new EmailFeaturizer(column, params.hashing(EmailFeaturizer.BUCKETS_DEFAULT), min, max);
  }

  @Override
  public Class<? extends Featurizer> featurizerClass() {
    return EmailFeaturizer.class;
  }
}
