package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseSessionTest {
  @Test void lockTable() {
    assertTree("""
        LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE NOWAIT; LOCK orders""", """
        LockTable tables=[orders] mode=SHARE ROW EXCLUSIVE nowait
        LockTable tables=[orders] mode=ACCESS EXCLUSIVE
        """);
  }

  @Test void transactions() {
    assertTree("""
        BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY; START TRANSACTION; SAVEPOINT s1; RELEASE s1; ROLLBACK TO SAVEPOINT s1; END; COMMIT; ROLLBACK""", """
        TransactionControl action=BEGIN modes=[ISOLATION LEVEL SERIALIZABLE, READ ONLY]
        TransactionControl action=BEGIN
        TransactionControl action=SAVEPOINT name=s1
        TransactionControl action=RELEASE_SAVEPOINT name=s1
        TransactionControl action=ROLLBACK_TO_SAVEPOINT name=s1
        TransactionControl action=COMMIT
        TransactionControl action=COMMIT
        TransactionControl action=ROLLBACK
        """);
  }

  @Test void setAndReset() {
    assertTree("""
        SET lock_timeout TO '5s'; SET LOCAL statement_timeout = 0; SET search_path TO app, public; SET ROLE admin; SET TIME ZONE 'UTC'; RESET lock_timeout; RESET ALL""", """
        SetVariable name=lock_timeout value='5s'
        SetVariable name=statement_timeout value=0 local
        SetVariable name=search_path value=app, public
        SetVariable name=role value=admin
        SetVariable name=timezone value='UTC'
        ResetVariable name=lock_timeout
        ResetVariable name=all
        """);
  }

  @Test void beginTakesTransactionModesOnly() {
    assertTree("""
        BEGIN READ WRITE, NOT DEFERRABLE; COMMIT AND NO CHAIN; BEGIN RETURN NEW""", """
        TransactionControl action=BEGIN modes=[READ WRITE, NOT DEFERRABLE]
        TransactionControl action=COMMIT modes=[AND NO CHAIN]
        Unrecognized text=BEGIN RETURN NEW
          error: Diagnostic message=expected a transaction mode but found 'RETURN'
        """);
  }
}
