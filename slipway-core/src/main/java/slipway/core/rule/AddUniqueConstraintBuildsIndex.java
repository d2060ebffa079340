package slipway.core.rule;

import java.util.ArrayList;
import java.util.List;

/** UNIQUE or PRIMARY KEY added to an existing table by building its index under the table lock. */
public final class AddUniqueConstraintBuildsIndex implements Rule {
  static final RuleInfo INFO = new RuleInfo("add-unique-constraint-builds-index",
      "UNIQUE/PRIMARY KEY builds its index with reads and writes blocked", Severity.ERROR, PgVersions.ALL,
      "ADD CONSTRAINT … UNIQUE or PRIMARY KEY builds a unique index while holding an ACCESS EXCLUSIVE lock: "
          + "reads and writes wait for the whole build. Build the index CONCURRENTLY first, then attach it with "
          + "USING INDEX, which is instant.",
      "CREATE UNIQUE INDEX CONCURRENTLY orders_number_key ON orders (number);\n"
          + "ALTER TABLE orders ADD CONSTRAINT orders_number_key UNIQUE USING INDEX orders_number_key;");

  @Override public RuleInfo info() { return INFO; }

  @Override public List<Finding> check(Context c) {
    List<Finding> out = new ArrayList<>();
    AlterTable at = AlterTable.of(c.statement());
    if (at == null || !c.existing(at.table())) return out;
    Statement s = c.statement();
    for (AlterTable.Action a : at.actions()) {
      int added = a.addedColumn();
      if (added >= 0 && (a.has("UNIQUE") || a.has("PRIMARY", "KEY"))) {
        // ADD COLUMN … UNIQUE / PRIMARY KEY builds the index in the same statement, under its exclusive lock.
        String col = s.token(added).text();
        int typeEnd = added + 1;
        while (typeEnd < a.to() && !Context.endsColumnType(s.token(typeEnd))) typeEnd++;
        boolean pk = a.has("PRIMARY", "KEY");
        String idx = at.table().simple() + "_" + s.token(added).name() + (pk ? "_pkey" : "_key");
        String t = at.table().raw();
        out.add(Finding.of(INFO, a.span(), "reads and writes on \"" + at.table() + "\" wait while the "
                + (pk ? "primary key" : "unique") + " index on the new column is built; the build grows with the table")
            .instead("ALTER TABLE " + t + " ADD COLUMN " + col + " " + s.textOf(added + 1, typeEnd) + ";\n"
                + "-- fill it, then:\nCREATE UNIQUE INDEX CONCURRENTLY " + idx + " ON " + t + " (" + col + ");\n"
                + "ALTER TABLE " + t + " ADD CONSTRAINT " + idx + (pk ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX "
                + idx + ";"));
        continue;
      }
      AddConstraint ac = AddConstraint.of(a);
      String kind = ac == null ? "" : ac.kindWord();
      if (!kind.equals("UNIQUE") && !kind.equals("PRIMARY")) continue;
      if (a.has("USING", "INDEX")) continue;
      int open = s.find(ac.kind(), a.to(), "(");
      if (open < 0) continue;
      String cols = s.textOf(open, s.closeParen(open));
      String t = at.table().raw();
      String word = kind.equals("UNIQUE") ? "UNIQUE" : "PRIMARY KEY";
      String suffix = kind.equals("UNIQUE") ? "key" : "pkey";
      String cname = ac.name() != null ? ac.name().raw() : at.table().simple() + "_" + suffix;
      String recipe = "CREATE UNIQUE INDEX CONCURRENTLY " + cname + " ON " + t + " " + cols + ";\n"
          + "ALTER TABLE " + t + " ADD CONSTRAINT " + cname + " " + word + " USING INDEX " + cname;
      Finding f = Finding.of(INFO, a.span(), "reads and writes on \"" + at.table() + "\" wait while the unique index "
          + "is built; the build grows with the table").instead(recipe + ";");
      if (kind.equals("UNIQUE") && at.actions().size() == 1 && !c.inTransaction() && !a.has("NULLS")) {
        f = f.withFix(Fix.replace("build the unique index CONCURRENTLY, then attach it", s.span().offset(),
            s.span().length(), recipe));
      }
      out.add(f);
    }
    return out;
  }
}
