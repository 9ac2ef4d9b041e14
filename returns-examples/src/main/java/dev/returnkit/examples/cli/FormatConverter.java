package dev.returnkit.examples.cli;

import dev.returnkit.rules.verify.ReportFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --format table|markdown|csv}, naming the formats when the word is none. */
final class FormatConverter implements ITypeConverter<ReportFormat> {

  @Override
  public ReportFormat convert(String value) {
    try {
      return ReportFormat.named(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
