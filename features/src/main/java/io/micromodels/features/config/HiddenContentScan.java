package io.micromodels.features.config;

import io.micromodels.features.ConfigException;
import io.micromodels.features.Quoted;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.reader.UnicodeReader;

/**
 * Refuses the YAML that Jackson's tree would silently misread, on the parser's events (Jackson's
 * own parser does not report anchors on plain values): an alias ({@code *a}) reads as the text "a",
 * a merge key ({@code <<}) as a plain key, a tag is ignored, and every document after the first is
 * dropped. Each can hide or repeat content, so each is an error naming its key path. An alias is
 * reported before the anchor it names, since it is what repeats content.
 */
final class HiddenContentScan {
  private static final String WRITE_IT_OUT =
      "the value written out (anchors, aliases, merge keys and tags are not supported)";

  /** One open mapping or list: the key or index its next value has. */
  private static final class Level {
    final boolean mapping;
    String key;
    int index = -1;
    boolean expectingKey = true;

    Level(boolean mapping) {
      this.mapping = mapping;
    }
  }

  private final ConfigNode root;
  private final Deque<Level> levels = new ArrayDeque<>();
  private ConfigException anchor;
  private int documents;

  private HiddenContentScan(ConfigNode root) {
    this.root = root;
  }

  /** Scans a file that Jackson has already read (so it is UTF-8 and well-formed). */
  static void check(ConfigNode root, byte[] yaml) {
    new HiddenContentScan(root).scan(yaml);
  }

  private void scan(byte[] yaml) {
    Iterable<Event> events =
        new Yaml(new LoaderOptions()).parse(new UnicodeReader(new ByteArrayInputStream(yaml)));
    for (Event event : events) {
      if (event instanceof DocumentStartEvent && ++documents > 1) {
        throw root.error(
            "(top level)",
            "a second YAML document" + at(event.getStartMark()),
            "one document per file (no `---` starting another)",
            null);
      }

      if (event instanceof NodeEvent node) {
        value(node);
      } else if (event instanceof CollectionEndEvent) {
        levels.pop();
      }
    }

    if (anchor != null) {
      throw anchor;
    }
  }

  private void value(NodeEvent event) {
    Level level = levels.peek();
    boolean isKey = level != null && level.mapping && level.expectingKey;
    if (level != null && !level.mapping) {
      level.index++;
    }

    if (isKey && event instanceof ScalarEvent key) {
      level.key = key.getValue(); // the key's own path names it
    }

    String path = path();
    if (event instanceof AliasEvent) {
      throw refusal(path, "a YAML alias *" + Quoted.redacted(event.getAnchor()), event);
    }

    String tag =
        event instanceof ScalarEvent s ? s.getTag() : ((CollectionStartEvent) event).getTag();
    if (tag != null) {
      throw refusal(path, "a YAML tag " + Quoted.redacted(tag), event);
    }

    if (anchor == null && event.getAnchor() != null) {
      anchor = refusal(path, "a YAML anchor &" + Quoted.redacted(event.getAnchor()), event);
    }

    if (isKey) {
      if (!(event instanceof ScalarEvent key)) {
        return; // not a plain key: Jackson has refused it already
      }

      if (key.getValue().equals("<<")) {
        throw refusal(path, "a YAML merge key <<", event);
      }

      level.expectingKey = false;
      return;
    }

    if (level != null && level.mapping) {
      level.expectingKey = true;
    }

    if (event instanceof CollectionStartEvent) {
      levels.push(new Level(event instanceof MappingStartEvent));
      if (levels.size() > ConfigYaml.MAX_DEPTH) {
        throw root.error(
            path(),
            "nested more than " + ConfigYaml.MAX_DEPTH + " levels" + at(event.getStartMark()),
            "a config as flat as docs/configuration.md shows",
            null);
      }
    }
  }

  private ConfigException refusal(String path, String problem, Event event) {
    return root.error(path, problem + at(event.getStartMark()), WRITE_IT_OUT, null);
  }

  /** The key path of the value being read, each key quoted as {@link ConfigNode} quotes keys. */
  private String path() {
    StringBuilder path = new StringBuilder();
    for (Level level : levels) { // innermost first
      String step =
          level.mapping
              ? (level.key == null ? "" : Quoted.redacted(level.key))
              : "[" + Math.max(level.index, 0) + "]";
      path.insert(
          0, level.mapping && path.length() > 0 && path.charAt(0) != '[' ? step + "." : step);
    }

    return path.length() == 0 ? "(top level)" : path.toString();
  }

  private static String at(Mark mark) {
    return mark == null
        ? ""
        : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }
}
