package io.micromodels.features;

/**
 * Invalid configuration or command-line usage, detected before any Spark work. The CLI exits with
 * code 2 for it. The message names the file, the key, what was expected and what was found.
 */
public class ConfigException extends MicromodelsException implements BadUsage {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
