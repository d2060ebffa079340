package slipway.engine.migrate;

import java.time.Instant;
import java.util.Map;

/** Builds events and hands them to the listener. */
final class Events {
  private final MigrateListener listener;

  Events(MigrateListener listener) {
    this.listener = listener == null ? e -> { } : listener;
  }

  static MigrateEvent event(String type, String message) {
    return new MigrateEvent(Instant.now(), type, message, Map.of());
  }

  void emit(MigrateEvent e) {
    listener.on(e);
  }
}
