package slipway.engine.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import slipway.engine.testing.TestDatabase;

/** A folder of migration files for a test, and a runner configured for a test database. */
final class MigrationDir {
  final Path dir;
  final List<MigrateEvent> events = new CopyOnWriteArrayList<>();

  MigrationDir(Path dir) {
    this.dir = dir;
  }

  MigrationDir write(String name, String sql) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, sql);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Migrator.Builder runner(TestDatabase db) {
    return Migrator.configure().url(db.url()).locations(dir).listener(events::add)
        .retryDelay(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(1));
  }

  List<String> messages(String type) {
    List<String> out = new ArrayList<>();
    for (MigrateEvent e : events) {
      if (e.type().equals(type)) {
        out.add(e.message());
      }
    }
    return out;
  }
}
