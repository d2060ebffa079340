package slipway.engine.migrate;

/** Receives the runner's events as they happen (progress lines, JSON log lines, tests). */
@FunctionalInterface
public interface MigrateListener {
  void on(MigrateEvent event);
}
