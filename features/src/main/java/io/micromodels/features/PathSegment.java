package io.micromodels.features;

import java.util.regex.Pattern;

/**
 * The one rule for identifiers that become a path segment (a client's folder, a model's, a
 * report's): a name that starts with a letter or digit and holds no separator, so it can never lead
 * out of its parent folder or hide as {@code .} or {@code ..}. Checked before any work starts.
 */
public final class PathSegment {
  /** Client ids and model names (DESIGN.md §3.1): lower case, digits, '_' and '-'. */
  public static final Pattern ID = EventFields.CLIENT_ID_PATTERN;

  /** Report and run ids, which may be Airflow run ids (manual__2025-10-07T00:00:00+00:00). */
  public static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:+-]{0,127}");

  private PathSegment() {}

  /**
   * Returns {@code value} when it follows {@code rule}.
   *
   * @param what names the value in the error, e.g. {@code --report-id}
   * @throws ConfigException naming it, the value (capped) and the rule
   */
  public static String check(String what, String value, Pattern rule) {
    if (value == null || !rule.matcher(value).matches()) {
      throw new ConfigException(
          what
              + " '"
              + Quoted.capped(value)
              + "' must match "
              + rule
              + ": it becomes a folder name.");
    }

    return value;
  }
}
