package io.micromodels.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The registry-ingest feed ({@code feed.schema.json}): per model the production version with its
 * manifest location and checksum, then the events after a cursor in commit order, and the next
 * cursor. Cursors are event {@code seq} numbers: seqs are assigned without gaps in commit order, so
 * "every event with seq &gt; cursor" is exactly what a poller has not seen.
 */
public final class Feed {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Feed() {}

  /**
   * The feed of a registry state, validated against its schema.
   *
   * @param tableVersion the Delta version of the index the state was read at (-1: none yet)
   * @param after the poller's cursor: 0 for everything
   * @throws IllegalArgumentException when the cursor is negative or ahead of the registry
   */
  public static ObjectNode of(RegistryState state, long tableVersion, long after, Instant now) {
    if (after < 0 || after > state.lastSeq()) {
      throw new RegistryException(
          "Feed cursor "
              + after
              + " is not between 0 and the registry's"
              + " last event "
              + state.lastSeq()
              + "; pass the `next` cursor of an earlier feed, or 0.");
    }

    ObjectNode feed = JSON.createObjectNode();
    feed.put("feed_format_version", 1);
    feed.put("generated_at", now.toString());
    feed.put("index_table_version", tableVersion);
    ObjectNode cursor = feed.putObject("cursor");
    cursor.put("after", after);
    cursor.put("next", state.lastSeq());
    ArrayNode models = feed.putArray("models");
    for (ModelRef ref : state.models()) {
      ObjectNode m = models.addObject();
      m.put("client_id", ref.client());
      m.put("model", ref.model());
      m.put("registered_model_name", ref.registeredName());
      m.set(
          "production",
          state
              .production(ref)
              .<com.fasterxml.jackson.databind.JsonNode>map(
                  v -> {
                    ObjectNode p = JSON.createObjectNode();
                    p.put("version", v.version());
                    p.putArray("aliases").add("champion");
                    p.put("source", v.location());
                    p.put("manifest_uri", manifestUri(v.location()));
                    p.put("manifest_sha256", v.manifestSha256());
                    return p;
                  })
              .orElse(JSON.nullNode()));
      ArrayNode versions = m.putArray("versions");
      state
          .versions(ref)
          .forEach(
              v ->
                  versions
                      .addObject()
                      .put("version", v.version())
                      .put("status", v.status().label()));
    }

    ArrayNode events = feed.putArray("events");
    state.eventsAfter(after).forEach(e -> events.add(event(e)));
    SchemaValidator.feed().check(feed, "registry feed after cursor " + after);
    return feed;
  }

  private static ObjectNode event(RegistryEvent e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("seq", e.seq());
    n.put("event_id", e.eventId());
    n.put("time", e.time().toString());
    n.put("kind", e.kind().label());
    n.put("client_id", e.ref().client());
    n.put("model", e.ref().model());
    n.put("registered_model_name", e.ref().registeredName());
    n.set(
        "version",
        e.version() == null ? JSON.nullNode() : JSON.getNodeFactory().numberNode(e.version()));
    n.put("status", e.status().label());
    n.set(
        "previous_version",
        e.previous() == null ? JSON.nullNode() : JSON.getNodeFactory().numberNode(e.previous()));
    n.put("source", e.location());
    n.put("manifest_uri", manifestUri(e.location()));
    n.put("manifest_sha256", e.manifestSha256());
    n.put("actor", e.actor());
    n.put("reason", e.reason());
    return n;
  }

  /** The manifest inside an artifact folder. */
  public static String manifestUri(String location) {
    return (location.endsWith("/") ? location : location + "/") + ManifestBuilder.FILE_NAME;
  }
}
