package slipway.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.ColumnDef;
import slipway.core.sql.syntax.Constraint;
import slipway.core.sql.syntax.CreateTable;

/** ALTER TABLE and CREATE TABLE nodes say where names and types are written, so rules can quote them as written. */
class ParseNameSpansTest {
  private static String text(String sql, Span span) {
    return sql.substring(span.offset(), span.end());
  }

  private static AlterTable alter(String sql) {
    return (AlterTable) Parser.parse("t.sql", sql).get(0);
  }

  @Test void tableColumnAndTypeAsWritten() {
    String sql = "ALTER TABLE ONLY Public.\"Orders\" ADD COLUMN \"Total\" NUMERIC (12, 2) NOT NULL, "
        + "ALTER COLUMN Region SET DATA TYPE VarChar(80) USING region::text, ALTER \"Note\" SET NOT NULL, "
        + "DROP COLUMN IF EXISTS Legacy, RENAME COLUMN \"A\" TO B";
    AlterTable at = alter(sql);
    assertEquals("Public.\"Orders\"", text(sql, at.tableSpan()));
    ColumnDef d = ((AlterTableAction.AddColumn) at.actions().get(0)).definition();
    assertEquals("\"Total\"", text(sql, d.nameSpan()));
    assertEquals("NUMERIC (12, 2)", text(sql, d.typeSpan()));
    var change = (AlterTableAction.AlterColumnType) at.actions().get(1);
    assertEquals("Region", text(sql, change.columnSpan()));
    assertEquals("VarChar(80)", text(sql, change.typeSpan()));
    assertEquals("\"Note\"", text(sql, ((AlterTableAction.SetNotNull) at.actions().get(2)).columnSpan()));
    assertEquals("Legacy", text(sql, ((AlterTableAction.DropColumn) at.actions().get(3)).columnSpan()));
    var rename = (AlterTableAction.RenameColumn) at.actions().get(4);
    assertEquals("\"A\"", text(sql, rename.columnSpan()));
    assertEquals("B", text(sql, rename.newNameSpan()));
  }

  @Test void placeholderTableNamesAndRenameTo() {
    String sql = "alter table {{ index .Options \"Namespace\" }}.users rename to \"Users2\"";
    AlterTable at = alter(sql);
    assertEquals("{{ index .Options \"Namespace\" }}.users", text(sql, at.tableSpan()));
    assertEquals("\"Users2\"", text(sql, ((AlterTableAction.RenameTo) at.actions().get(0)).newNameSpan()));
  }

  @Test void constraintNameColumnsReferencesAndUsingIndex() {
    String sql = "ALTER TABLE t ADD CONSTRAINT \"T_fk\" FOREIGN KEY (a, \"B\") REFERENCES S.p (x, y) ON DELETE CASCADE "
        + "DEFERRABLE NOT VALID, ADD UNIQUE NULLS NOT DISTINCT (c), ADD CONSTRAINT k PRIMARY KEY USING INDEX \"Idx\"";
    AlterTable at = alter(sql);
    Constraint fk = ((AlterTableAction.AddConstraint) at.actions().get(0)).constraint();
    assertEquals("\"T_fk\"", text(sql, fk.nameSpan()));
    assertEquals("(a, \"B\")", text(sql, fk.columnsSpan()));
    assertEquals("REFERENCES S.p (x, y) ON DELETE CASCADE DEFERRABLE", text(sql, fk.referencesSpan()));
    Constraint unique = ((AlterTableAction.AddConstraint) at.actions().get(1)).constraint();
    assertNull(unique.nameSpan());
    assertEquals("(c)", text(sql, unique.columnsSpan()));
    Constraint pk = ((AlterTableAction.AddConstraint) at.actions().get(2)).constraint();
    assertEquals("\"Idx\"", text(sql, pk.usingIndexSpan()));
    assertNull(pk.columnsSpan());
  }

  @Test void columnConstraintsSpanTheirAttributesAndReferences() {
    String sql = "CREATE TABLE t (id int CONSTRAINT t_p REFERENCES p (id) ON DELETE SET NULL DEFERRABLE, "
        + "total numeric GENERATED ALWAYS AS (a * 2) STORED, v int GENERATED ALWAYS AS (a) VIRTUAL)";
    List<ColumnDef> columns = ((CreateTable) Parser.parse("t.sql", sql).get(0)).columns();
    Constraint fk = columns.get(0).constraints().get(0);
    assertEquals("CONSTRAINT t_p REFERENCES p (id) ON DELETE SET NULL DEFERRABLE", text(sql, fk.span()));
    assertEquals("t_p", text(sql, fk.nameSpan()));
    assertEquals("REFERENCES p (id) ON DELETE SET NULL DEFERRABLE", text(sql, fk.referencesSpan()));
    assertEquals(true, columns.get(1).generatedStored());
    // An attribute after something else is not part of the REFERENCES clause's text.
    String other = "CREATE TABLE t (a int REFERENCES p INITIALLY DEFERRED NOT NULL)";
    Constraint k = ((CreateTable) Parser.parse("t.sql", other).get(0)).columns().get(0).constraints().get(0);
    assertEquals("REFERENCES p INITIALLY DEFERRED", text(other, k.referencesSpan()));
    assertEquals(true, k.initiallyDeferred());
    assertEquals(false, columns.get(2).generatedStored());
  }
}
