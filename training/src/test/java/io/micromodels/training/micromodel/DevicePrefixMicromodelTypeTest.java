package io.micromodels.training.micromodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micromodels.features.ConfigException;
import io.micromodels.features.config.ClientConfig;
import io.micromodels.features.config.ClientConfigLoader;
import io.micromodels.features.config.MicromodelSpec;
import io.micromodels.training.featurize.Featurizer;
import io.micromodels.training.featurize.SparseVector;
import io.micromodels.training.input.MapInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked example of docs/micromodels.md: a new type registered with one services line. */
class DevicePrefixMicromodelTypeTest {
  @TempDir Path dir;

  @Test
  void badParamOfARegisteredTypeFailsWhenTheConfigIsLoaded() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("acme.yaml"),
            """
        client_id: acme
        policy:
          global_threshold: {prevent_at: 80}
        micromodels:
          - {name: email, type: email}
          - {name: device, type: device_prefix, params: {prefixes: "99"}}
        """);

    assertThatThrownBy(() -> ClientConfigLoader.load(config))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Invalid client config "
                + config
                + ": key `micromodels[1]`: Cannot build"
                + " micromodel `device` (type device_prefix): param `prefixes` is `99`; expected a"
                + " whole number within 1..16. Fix `micromodels` in the client config"
                + " (docs/micromodels.md lists each type's inputs and params).");
  }

  @Test
  void registeredTypeIsFoundAcceptedByTheConfigLoaderAndFeaturizes() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("acme.yaml"),
            """
        client_id: acme
        policy:
          global_threshold: {prevent_at: 80}
        micromodels:
          - {name: device, type: device_prefix, inputs: [device_id], params: {prefixes: "3"}}
        """);

    ClientConfig client = ClientConfigLoader.load(config);
    MicromodelSpec spec = client.micromodels().get(0);
    MicromodelType type = MicromodelTypes.of(spec.type());
    Featurizer featurizer = type.featurizer(spec, List.of());
    SparseVector vector = featurizer.featurize(new MapInput(Map.of("device_id", "emu-0042")));

    assertThat(type).isInstanceOf(DevicePrefixMicromodelType.class);
    assertThat(featurizer)
        .isEqualTo(
            new DevicePrefixFeaturizer(
                "device_id", io.micromodels.training.featurize.HashingSpec.of(1 << 10), 3));
    assertThat(vector.size()).isEqualTo(3);
    assertThat(java.util.Arrays.stream(vector.values()).map(Math::abs).toArray())
        .containsExactly(1, 1, 1);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readValue(json.writeValueAsString(featurizer), type.featurizerClass()))
        .isEqualTo(featurizer);
  }
}
