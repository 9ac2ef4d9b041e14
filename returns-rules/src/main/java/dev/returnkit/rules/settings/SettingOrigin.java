package dev.returnkit.rules.settings;

import java.util.Objects;

/**
 * Where a setting's value came from: the file and line that set it last, and whether that line
 * added to the value before it ({@code +=}) instead of replacing it.
 *
 * @param source the file (the shipped defaults are {@value PolicySettings#DEFAULTS_RESOURCE}),
 *     or {@code setting} for a value set in code
 * @param line the line in it, 0 when there is none
 * @param addsToEarlier whether the line added to the earlier value ({@code key += more})
 */
public record SettingOrigin(String source, int line, boolean addsToEarlier) {

  /** Checks the fields. */
  public SettingOrigin {
    Objects.requireNonNull(source, "source");
    if (line < 0) {
      throw new IllegalArgumentException("line cannot be negative: " + line);
    }
  }

  /**
   * Whether the value is the shipped default.
   *
   * @return true if no file or code changed it
   */
  public boolean isDefault() {
    return source.equals(PolicySettings.DEFAULTS_RESOURCE);
  }

  @Override
  public String toString() {
    String where = line > 0 ? source + ":" + line : source;
    return addsToEarlier ? where + " (added to the value before it)" : where;
  }
}
