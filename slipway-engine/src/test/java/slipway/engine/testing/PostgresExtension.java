package slipway.engine.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test method (or constructor) a parameter of type {@link TestDatabase} (a fresh database,
 * dropped after the test) or {@link TestServer} (the JVM's shared server).
 * Use with {@code @ExtendWith(PostgresExtension.class)}.
 */
public final class PostgresExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    Class<?> type = p.getParameter().getType();
    return type == TestDatabase.class || type == TestServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    if (p.getParameter().getType() == TestServer.class) {
      return TestServer.get();
    }
    TestDatabase db = TestServer.get().freshDatabase();
    // Closed (dropped) when the test's extension context closes.
    e.getStore(NS).put(db.name(), (ExtensionContext.Store.CloseableResource) db::close);
    return db;
  }
}
