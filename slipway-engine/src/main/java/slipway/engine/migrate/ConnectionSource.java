package slipway.engine.migrate;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new session to the target database (a JDBC URL, a DataSource). */
@FunctionalInterface
public interface ConnectionSource {
  Connection open() throws SQLException;
}
