package io.micromodels.orchestration.airflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Airflow user name and password. Read from the environment ({@code AIRFLOW_USERNAME}, {@code
 * AIRFLOW_PASSWORD}) or from a properties file named by {@code AIRFLOW_CREDENTIALS_FILE} (keys
 * {@code username}, {@code password}); never from the command line. {@link #toString()} hides the
 * password.
 */
public record Credentials(String username, String password) {
  public static final String USERNAME_VARIABLE = "AIRFLOW_USERNAME";
  public static final String PASSWORD_VARIABLE = "AIRFLOW_PASSWORD";
  public static final String FILE_VARIABLE = "AIRFLOW_CREDENTIALS_FILE";

  public Credentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /** Reads credentials from an environment (pass {@code System.getenv()} in production). */
  public static Credentials fromEnvironment(Map<String, String> env) {
    String file = env.get(FILE_VARIABLE);
    if (file != null) {
      Properties properties = new Properties();
      try (var in = Files.newInputStream(Path.of(file))) {
        properties.load(in);
      } catch (IOException e) {
        throw new AirflowException(
            "Cannot read Airflow credentials file "
                + file
                + " ("
                + FILE_VARIABLE
                + "): "
                + e.getClass().getSimpleName(),
            -1);
      }

      return required(
          properties.getProperty("username"),
          properties.getProperty("password"),
          "the file " + file + " (keys username, password)");
    }

    return required(
        env.get(USERNAME_VARIABLE),
        env.get(PASSWORD_VARIABLE),
        "the environment variables "
            + USERNAME_VARIABLE
            + " and "
            + PASSWORD_VARIABLE
            + " (or "
            + FILE_VARIABLE
            + ")");
  }

  private static Credentials required(String username, String password, String where) {
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      throw new AirflowException("Airflow credentials missing: set " + where + ".", -1);
    }

    return new Credentials(username, password);
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=***]";
  }
}
