package slipway.engine.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new connection to one database: {@code db::connect}, {@code url::connect}. */
@FunctionalInterface
public interface ConnectionSource {
  Connection open() throws SQLException;
}
