package io.micromodels.training.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A JSON Schema (draft 2020-12) on the classpath, with {@code format} asserted, so a malformed
 * date-time fails too. {@code model.json}, {@code manifest.json} and the registry feed use it.
 */
public final class JsonSchemaFile {
  private final String resource;
  private final JsonSchema schema;

  public JsonSchemaFile(String resource) {
    this.resource = resource;
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = JsonSchemaFile.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("schema " + resource + " is missing from the classpath");
      }

      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
  }

  public String resource() {
    return resource;
  }

  /** The problems found, each as "path: message", sorted; empty when the document is valid. */
  public List<String> problems(JsonNode document) {
    return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
