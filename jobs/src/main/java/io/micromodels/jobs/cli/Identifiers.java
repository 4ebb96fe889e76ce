package io.micromodels.jobs.cli;

import io.micromodels.features.ConfigException;
import io.micromodels.features.PathSegment;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The converters of every option that names something: a bad value is a usage error (exit 2) naming
 * the option, before anything starts (picocli adds the option's name to the message).
 */
final class Identifiers {
  private Identifiers() {}

  /** {@code --client}, {@code --clients}, {@code --model}: the client-id rule. */
  static final class ClientId implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return checked(() -> PathSegment.check("id", value, PathSegment.ID));
    }
  }

  /** {@code --report-id}: a report folder's name. */
  static final class ReportId implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return checked(() -> PathSegment.check("id", value, PathSegment.RUN_ID));
    }
  }

  /** {@code --model-version}: {@code v3} as {@code registry list} prints it, or {@code 3}. */
  static final class ModelVersion implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      String digits = value.startsWith("v") ? value.substring(1) : value;
      if (!digits.matches("[1-9][0-9]{0,8}")) {
        throw new TypeConversionException(
            "'"
                + io.micromodels.features.Quoted.capped(value)
                + "' is not a version: expected v<N> or N, e.g. v3.");
      }

      return Integer.valueOf(digits);
    }
  }

  /** {@code --reason}: a sentence an auditor can read, not blank. */
  static final class Reason implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (value.isBlank()) {
        throw new TypeConversionException("a reason must say why, in a sentence; it is blank.");
      }

      return value.strip();
    }
  }

  private static String checked(java.util.function.Supplier<String> check) {
    try {
      return check.get();
    } catch (ConfigException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
