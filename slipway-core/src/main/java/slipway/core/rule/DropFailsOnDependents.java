package slipway.core.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import slipway.core.catalog.Catalog;
import slipway.core.sql.syntax.AlterTable;
import slipway.core.sql.syntax.AlterTableAction;
import slipway.core.sql.syntax.Drop;
import slipway.core.sql.syntax.QualifiedName;

/**
 * DROP of something other objects depend on, without CASCADE: PostgreSQL refuses, so the deploy fails.
 * What depends on what is the schema replayed so far ({@link Catalog}): views that read a table or
 * column, foreign keys of other tables that reference a table, column or key, inheritance children, and
 * constraints that own an index.
 */
public final class DropFailsOnDependents implements Rule {
  static final RuleInfo INFO = new RuleInfo("drop-fails-on-dependents",
      "DROP of something other objects depend on fails", Severity.ERROR, PgVersions.ALL,
      "PostgreSQL refuses to drop a table, view, column or key that other objects depend on — a view that reads "
          + "it, another table's foreign key that references it, a table that inherits from it — unless CASCADE is "
          + "given (ERROR: cannot drop … because other objects depend on it), and never drops an index that a "
          + "constraint owns (ERROR: cannot drop index … because constraint … requires it): the deploy fails. "
          + "CASCADE would silently drop those views and foreign keys, which breaks the application another way. "
          + "Drop or change the dependents first, by name.",
      "DROP VIEW order_summaries;  -- recreate it without the column afterwards if it is still needed\n"
          + "ALTER TABLE orders DROP COLUMN legacy_code;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    if (c.downMigration()) return List.of();
    List<Finding> out = new ArrayList<>();
    if (c.syntax() instanceof Drop d) {
      boolean cascade = "CASCADE".equalsIgnoreCase(d.behavior());
      switch (d.objectType()) {
        case "TABLE", "VIEW", "MATERIALIZED VIEW" -> { if (!cascade) dropRelations(c, d, out); }
        case "INDEX" -> dropIndexes(c, d, out);
        default -> { }
      }
    } else if (c.syntax() instanceof AlterTable at && at.objectType().equals("TABLE")) {
      Catalog.Relation r = c.relation(at.table());
      if (r == null) return out;
      for (AlterTableAction a : at.actions()) {
        if (a instanceof AlterTableAction.DropColumn dc && !dc.cascade()) dropColumn(c, at, r, dc, out);
        if (a instanceof AlterTableAction.DropConstraint dk && !dk.cascade()) dropKey(c, at, r, dk, out);
      }
    }
    return out;
  }

  private static void dropRelations(Context c, Drop d, List<Finding> out) {
    Set<String> dropped = new LinkedHashSet<>();
    for (QualifiedName n : d.names()) dropped.add(Context.name(n).key());
    for (QualifiedName n : d.names()) {
      Catalog.Relation r = c.relation(n);
      if (r == null) continue;
      List<String> why = new ArrayList<>();
      List<String> first = new ArrayList<>();
      for (Catalog.Relation v : c.catalog().dependentViews(r.key)) {
        if (dropped.contains(v.key)) continue;
        String kind = v.kind == Catalog.Kind.MATERIALIZED_VIEW ? "MATERIALIZED VIEW" : "VIEW";
        why.add(kind.toLowerCase() + " \"" + v.name.display() + "\" reads it");
        first.add("DROP " + kind + " " + SqlText.ident(v.name.name()));
      }
      if (r.isTable()) {
        for (Catalog.Relation other : c.catalog().referencingOrInheriting(r.key)) {
          if (dropped.contains(other.key)) continue;
          for (Catalog.Constraint con : other.constraints) {
            if (con.type == Catalog.ConstraintType.FOREIGN_KEY && r.key.equals(con.refTable)) {
              why.add("foreign key " + (con.name == null ? "" : "\"" + con.name + "\" ") + "of \"" + other.name.display()
                  + "\" references it");
              if (con.name != null) {
                first.add("ALTER TABLE " + SqlText.ident(other.name.name()) + " DROP CONSTRAINT " + SqlText.ident(con.name));
              }
            }
          }
          if (other.inherits.contains(r.key)) {
            why.add("table \"" + other.name.display() + "\" inherits from it");
            first.add("ALTER TABLE " + SqlText.ident(other.name.name()) + " NO INHERIT " + SqlText.ident(r.name.name()));
          }
        }
      }
      if (why.isEmpty()) continue;
      first.add("DROP " + d.objectType() + " " + SqlText.name(n));
      out.add(Finding.of(INFO, c.statement().span(), "fails: " + String.join("; ", why) + " (\"" + r.name.display()
          + "\" can only be dropped with CASCADE, which drops those too)")
          .instead(SqlText.script(first.toArray(String[]::new))));
    }
  }

  private static void dropIndexes(Context c, Drop d, List<Finding> out) {
    for (QualifiedName n : d.names()) {
      Catalog.Index i = c.catalog().index(Context.name(n).key());
      if (i == null || i.constraint == null) continue;
      Catalog.Relation t = c.catalog().relation(i.table);
      String table = t == null ? i.table : t.name.name();
      out.add(Finding.of(INFO, c.statement().span(), "fails: index \"" + n + "\" belongs to constraint \""
              + i.constraint + "\" of \"" + table + "\" (even with CASCADE)")
          .instead("ALTER TABLE " + SqlText.ident(table) + " DROP CONSTRAINT " + SqlText.ident(i.constraint) + ";"));
    }
  }

  private static void dropColumn(Context c, AlterTable at, Catalog.Relation r, AlterTableAction.DropColumn dc,
      List<Finding> out) {
    if (!r.columns.containsKey(dc.column())) return;
    List<String> why = new ArrayList<>();
    List<String> first = new ArrayList<>();
    for (Catalog.Relation v : c.catalog().dependentViews(r.key)) {
      if (!v.readColumns.contains(dc.column())) continue;
      String kind = v.kind == Catalog.Kind.MATERIALIZED_VIEW ? "MATERIALIZED VIEW" : "VIEW";
      why.add(kind.toLowerCase() + " \"" + v.name.display() + "\" uses it");
      first.add("DROP " + kind + " " + SqlText.ident(v.name.name()));
    }
    if (c.catalog().mayBeReferenced(r, dc.column())) foreignKeysOn(c, r, List.of(dc.column()), false, false, why, first);
    if (why.isEmpty()) return;
    first.add("ALTER TABLE " + SqlText.name(at.table()) + " DROP COLUMN " + SqlText.ident(dc.column()));
    out.add(Finding.of(INFO, c.statement().inFile(dc.span()), "fails: " + String.join("; ", why)
            + " (\"" + dc.column() + "\" can only be dropped with CASCADE, which drops those too)")
        .instead(SqlText.script(first.toArray(String[]::new))));
  }

  private static void dropKey(Context c, AlterTable at, Catalog.Relation r, AlterTableAction.DropConstraint dk,
      List<Finding> out) {
    Catalog.Constraint con = r.constraint(dk.name());
    if (con == null || con.type != Catalog.ConstraintType.PRIMARY_KEY && con.type != Catalog.ConstraintType.UNIQUE) {
      return;
    }
    List<String> why = new ArrayList<>();
    List<String> first = new ArrayList<>();
    foreignKeysOn(c, r, con.columns, true, con.type == Catalog.ConstraintType.PRIMARY_KEY, why, first);
    if (why.isEmpty()) return;
    first.add("ALTER TABLE " + SqlText.name(at.table()) + " DROP CONSTRAINT " + SqlText.ident(dk.name()));
    out.add(Finding.of(INFO, c.statement().inFile(dk.span()), "fails: " + String.join("; ", why)
            + " (\"" + dk.name() + "\" can only be dropped with CASCADE, which drops those too)")
        .instead(SqlText.script(first.toArray(String[]::new))));
  }

  /**
   * Foreign keys of any table that reference {@code r}: for a dropped column ({@code key} false) every key
   * whose referenced columns include it; for a dropped key, those on exactly its columns (or, for the
   * primary key, those that name no columns).
   */
  private static void foreignKeysOn(Context c, Catalog.Relation r, List<String> columns, boolean key,
      boolean primary, List<String> why, List<String> first) {
    List<String> pk = List.of();
    for (Catalog.Constraint k : r.constraints) if (k.type == Catalog.ConstraintType.PRIMARY_KEY) pk = k.columns;
    for (Catalog.Relation other : c.catalog().referencing(r.key)) {
      for (Catalog.Constraint fk : other.constraints) {
        if (fk.type != Catalog.ConstraintType.FOREIGN_KEY || !r.key.equals(fk.refTable)) continue;
        List<String> referenced = fk.refColumns.isEmpty() ? pk : fk.refColumns;
        boolean uses = key
            ? primary && fk.refColumns.isEmpty() || new LinkedHashSet<>(referenced).equals(new LinkedHashSet<>(columns))
            : referenced.contains(columns.get(0));
        if (!uses) continue;
        why.add("foreign key " + (fk.name == null ? "" : "\"" + fk.name + "\" ") + "of \"" + other.name.display()
            + "\" references it");
        if (fk.name != null) {
          first.add("ALTER TABLE " + SqlText.ident(other.name.name()) + " DROP CONSTRAINT " + SqlText.ident(fk.name));
        }
      }
    }
  }
}
