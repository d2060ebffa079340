package slipway.engine.migrate;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Something the runner did or saw: {@code type} (e.g. {@code statement.retry}), a one-line human
 * {@code message}, and fields for log pipelines ({@link #toJson()}). Never carries a password.
 */
public record MigrateEvent(Instant time, String type, String message, Map<String, Object> fields) {

  public MigrateEvent with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(fields);
    copy.put(key, value);
    return new MigrateEvent(time, type, message, Collections.unmodifiableMap(copy));
  }

  /** One JSON object on one line: time, event, message, then the fields. */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\"time\":");
    Json.string(sb, time.toString());
    sb.append(",\"event\":");
    Json.string(sb, type);
    sb.append(",\"message\":");
    Json.string(sb, message);
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      sb.append(',');
      Json.string(sb, e.getKey());
      sb.append(':');
      Json.value(sb, e.getValue());
    }
    return sb.append('}').toString();
  }
}
