package io.micromodels.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micromodels.features.config.ClientConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchConfigsTest {
  private static final String TEMPLATE = "/bench/standard-training.yaml";

  @TempDir Path dir;

  @Test
  void everyClientGetsTheTemplateUnderItsOwnId() {
    List<ClientConfig> configs = BenchConfigs.fromTemplate(TEMPLATE, List.of("c-1", "c-2"), dir);

    assertThat(configs).extracting(c -> c.clientId().value()).containsExactly("c-1", "c-2");
    assertThat(configs)
        .allSatisfy(
            c -> {
              assertThat(c.minFraudLabels()).isEqualTo(30);
              assertThat(c.micromodels())
                  .extracting(m -> m.name())
                  .containsExactly("email", "basket", "behaviour");
            });
  }

  @Test
  void overridesChangeOnlyTheirKeyInEveryClient() {
    List<ClientConfig> plain =
        BenchConfigs.fromTemplate(TEMPLATE, List.of("c-1"), dir.resolve("a"));
    List<ClientConfig> scaled =
        BenchConfigs.fromTemplate(
            TEMPLATE,
            "",
            JsonNodeFactory.instance.objectNode().put("min_fraud_labels", 3),
            List.of("c-1", "c-2"),
            dir.resolve("b"));

    assertThat(scaled).extracting(ClientConfig::minFraudLabels).containsExactly(3, 3);
    assertThat(scaled.get(0).micromodels()).isEqualTo(plain.get(0).micromodels());
    assertThat(scaled.get(0).training()).isEqualTo(plain.get(0).training());
    assertThat(scaled.get(0).configHash()).isNotEqualTo(plain.get(0).configHash());
  }
}
