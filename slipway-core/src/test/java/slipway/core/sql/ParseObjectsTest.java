package slipway.core.sql;

import static slipway.core.sql.ParserAssertions.assertTree;

import org.junit.jupiter.api.Test;

/** SQL in, tree out (rendered by {@link TreePrinter}: spans, nulls, false flags and empty lists left out). */
class ParseObjectsTest {
  @Test void views() {
    assertTree("""
        CREATE OR REPLACE VIEW v AS SELECT a FROM t WITH LOCAL CHECK OPTION; CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT count(*) FROM t WITH NO DATA""", """
        CreateView view=v orReplace withData query=SELECT a FROM t
        CreateView view=mv materialized ifNotExists query=SELECT count(*) FROM t
        """);
  }

  @Test void sequences() {
    assertTree("""
        CREATE SEQUENCE IF NOT EXISTS s AS bigint INCREMENT BY 2 NO MINVALUE START WITH 10 OWNED BY t.id; ALTER SEQUENCE s RESTART WITH 100""", """
        CreateSequence sequence=s ifNotExists options=[AS bigint, INCREMENT BY 2, NO MINVALUE, START WITH 10, OWNED BY t.id]
        AlterSequence sequence=s options=[RESTART WITH 100]
        """);
  }

  @Test void schemaAndExtension() {
    assertTree("""
        CREATE SCHEMA IF NOT EXISTS app AUTHORIZATION owner; CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public CASCADE""", """
        CreateSchema schema=app ifNotExists authorization=owner
        CreateExtension extension=uuid-ossp ifNotExists schema=public cascade
        """);
  }

  @Test void function() {
    assertTree("""
        CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at = now(); RETURN NEW; END $$""", """
        CreateFunction function=touch orReplace arguments= returns=trigger language=plpgsql body= BEGIN NEW.at = now(); RETURN NEW; END\s
        """);
  }

  @Test void procedureWithSqlStandardBody() {
    assertTree("""
        CREATE PROCEDURE p(a int) LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (a); END""", """
        CreateFunction function=p procedure arguments=a int language=sql body=BEGIN ATOMIC INSERT INTO t VALUES (a); END
        """);
  }

  @Test void trigger() {
    assertTree("""
        CREATE TRIGGER touch BEFORE INSERT OR UPDATE OF a, b ON orders FOR EACH ROW WHEN (NEW.a IS NOT NULL) EXECUTE FUNCTION touch()""", """
        CreateTrigger trigger=touch table=orders timing=BEFORE events=[INSERT, UPDATE] forEachRow function=touch
        """);
  }

  @Test void comments() {
    assertTree("""
        COMMENT ON COLUMN public.orders.total IS 'in cents'; COMMENT ON TABLE orders IS NULL""", """
        CommentOn objectType=COLUMN target=public.orders.total comment=in cents
        CommentOn objectType=TABLE target=orders
        """);
  }

  @Test void grantAndRevoke() {
    assertTree("""
        GRANT SELECT, INSERT (a, b) ON TABLE orders, items TO app, GROUP readers WITH GRANT OPTION; REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC; GRANT admin TO alice""", """
        Grant privileges=[SELECT, INSERT (a, b)] objectType=TABLE objects=[orders, items] grantees=[app, readers]
        Grant revoke privileges=[ALL] objectType=ALL TABLES IN SCHEMA objects=[public] grantees=[public]
        Grant privileges=[admin] objectType=ROLE grantees=[alice]
        """);
  }

  @Test void otherCommandsKeepTheirKindAndObject() {
    assertTree("""
        CREATE POLICY p ON orders USING (owner = current_user); ALTER FUNCTION f(int) OWNER TO app; CALL do_it(1)""", """
        OtherCommand command=CREATE_POLICY object=p
        OtherCommand command=ALTER_FUNCTION object=f
        OtherCommand command=CALL object=do_it
        """);
  }
}
