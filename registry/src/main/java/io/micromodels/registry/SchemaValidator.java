package io.micromodels.registry;

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
 * Validates JSON documents against one of the registry's JSON Schemas (draft 2020-12, with
 * {@code format} asserted, so a malformed date-time fails too).
 */
public final class SchemaValidator {
  private static final SchemaValidator MANIFEST = new SchemaValidator("manifest.schema.json");
  private static final SchemaValidator FEED = new SchemaValidator("feed.schema.json");

  private final String resource;
  private final JsonSchema schema;

  private SchemaValidator(String resource) {
    this.resource = resource;
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
        .formatAssertionsEnabled(true).build();
    try (InputStream in = SchemaValidator.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("schema " + resource + " is missing from the classpath");
      }

      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema " + resource, e);
    }
  }

  /** The schema of {@code manifest.json}. */
  public static SchemaValidator manifest() {
    return MANIFEST;
  }

  /** The schema of the registry-ingest feed. */
  public static SchemaValidator feed() {
    return FEED;
  }

  /** The problems found, each as "path: message"; empty when the document is valid. */
  public List<String> problems(JsonNode document) {
    return schema.validate(document).stream().map(ValidationMessage::getMessage).sorted()
        .toList();
  }

  /**
   * Validates a document.
   *
   * @param what names the document in the error, e.g. "manifest of micromodels.acme.fraud v3"
   * @throws RegistryException listing every problem when it is invalid
   */
  public void check(JsonNode document, String what) {
    List<String> problems = problems(document);
    if (!problems.isEmpty()) {
      throw RegistryErrors.invalidManifest(what + " (" + resource + ")", problems);
    }
  }
}
