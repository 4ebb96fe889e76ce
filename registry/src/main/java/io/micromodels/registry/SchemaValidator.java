package io.micromodels.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.micromodels.training.artifact.JsonSchemaFile;
import java.util.List;

/**
 * Validates JSON documents against one of the registry's JSON Schemas (draft 2020-12, with {@code
 * format} asserted, so a malformed date-time fails too).
 */
public final class SchemaValidator {
  private static final SchemaValidator MANIFEST = new SchemaValidator("manifest.schema.json");
  private static final SchemaValidator FEED = new SchemaValidator("feed.schema.json");

  private final JsonSchemaFile schema;

  private SchemaValidator(String resource) {
    this.schema = new JsonSchemaFile(resource);
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
    return schema.problems(document);
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
      throw RegistryErrors.invalidManifest(what + " (" + schema.resource() + ")", problems);
    }
  }
}
