package slipway.core.rule;

import java.util.Locale;
import slipway.core.BadInputException;

/** How bad a finding is. {@code error} and {@code warning} are reserved for real harm on an existing table. */
public enum Severity {
  INFO, WARNING, ERROR;

  /** The lower-case name used in output and configuration. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public static Severity parse(String where, String value) {
    for (Severity s : values()) if (s.label().equalsIgnoreCase(value.trim())) return s;
    throw new BadInputException(where, "unknown severity '" + value + "'; use error, warning or info");
  }
}
