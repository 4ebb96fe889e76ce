package io.micromodels.jobs.cli;

import io.micromodels.features.AsOf;
import io.micromodels.features.ConfigException;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every {@code --as-of} and {@code --labels-as-of} option goes through this one converter, so the
 * as-of rule ({@link AsOf}) cannot read differently in different commands, and a bad value is a
 * usage error (exit 2) before anything starts.
 */
public final class AsOfConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String text) {
    try {
      return AsOf.parse(text);
    } catch (ConfigException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
