package slipway.core.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * One action of an ALTER TABLE statement, as the lock model and the schema replay read it.
 *
 * @param kind what the action does
 * @param column the column it acts on (ALTER/DROP COLUMN, RENAME COLUMN), or the new column (ADD)
 * @param columnDef the new column's definition (ADD COLUMN)
 * @param type the new type (ALTER COLUMN … TYPE)
 * @param constraint the constraint definition (ADD CONSTRAINT, and inline ones of ADD COLUMN)
 * @param name a second name: the constraint, index, trigger, new name, partition or parent
 * @param text the action's own SQL
 */
public record AlterAction(Kind kind, String column, Catalog.Column columnDef, Types.Type type,
    List<Definitions.ConstraintDef> constraints, Name name, String text, boolean flag) {

  public enum Kind {
    ADD_COLUMN, DROP_COLUMN, ALTER_COLUMN_TYPE, SET_DEFAULT, DROP_DEFAULT, SET_NOT_NULL, DROP_NOT_NULL,
    ADD_IDENTITY, SET_IDENTITY, DROP_IDENTITY, SET_EXPRESSION, DROP_EXPRESSION, SET_STATISTICS,
    SET_COLUMN_OPTIONS, SET_STORAGE, SET_COMPRESSION, ADD_CONSTRAINT, ALTER_CONSTRAINT, VALIDATE_CONSTRAINT,
    DROP_CONSTRAINT, ENABLE_TRIGGER, DISABLE_TRIGGER, ENABLE_RULE, DISABLE_RULE, ROW_LEVEL_SECURITY,
    CLUSTER_ON, SET_WITHOUT_CLUSTER, SET_WITHOUT_OIDS, SET_ACCESS_METHOD, SET_TABLESPACE, SET_LOGGED,
    SET_UNLOGGED, SET_OPTIONS, RESET_OPTIONS, INHERIT, NO_INHERIT, OF, NOT_OF, OWNER, REPLICA_IDENTITY,
    RENAME_COLUMN, RENAME_TABLE, RENAME_CONSTRAINT, SET_SCHEMA, ATTACH_PARTITION, DETACH_PARTITION,
    DETACH_PARTITION_CONCURRENTLY, DETACH_PARTITION_FINALIZE, UNKNOWN
  }

  /** True for ADD COLUMN IF NOT EXISTS, DROP … IF EXISTS, DROP … CASCADE (per kind), NOT VALID. */
  public boolean flag() {
    return flag;
  }

  /** Reads the actions of "ALTER TABLE name <actions>" from token {@code from}. */
  public static List<AlterAction> parse(Tokens t, int from, int to) {
    List<AlterAction> out = new ArrayList<>();
    // RENAME / SET SCHEMA / ATTACH / DETACH are single actions; the rest are comma separated.
    for (int[] part : t.commaSeparated(from, to)) {
      out.add(one(t, part[0], part[1]));
    }
    return out;
  }

  private static AlterAction one(Tokens t, int a, int e) {
    String text = t.text(a, e - 1);
    if (t.is(a, "add")) {
      int k = a + 1;
      boolean isColumn = t.is(k, "column");
      if (isColumn) {
        k++;
      }
      String first = t.get(k).value();
      boolean constraintStart = !isColumn && t.get(k).type() == Tokens.Type.WORD
          && (first.equals("constraint") || first.equals("check") || first.equals("unique")
          || (first.equals("primary") && t.is(k + 1, "key")) || (first.equals("foreign") && t.is(k + 1, "key"))
          || first.equals("exclude") || (first.equals("not") && t.is(k + 1, "null")));
      if (constraintStart) {
        Definitions.ConstraintDef def = Definitions.constraint(t, k, e, null, null);
        return new AlterAction(Kind.ADD_CONSTRAINT, null, null, null, def == null ? List.of() : List.of(def), null,
            text, def != null && def.notValid());
      }
      boolean ifNotExists = false;
      if (t.is(k, "if", "not", "exists")) {
        ifNotExists = true;
        k += 3;
      }
      Definitions.ColumnDef def = Definitions.column(t, k, e);
      return new AlterAction(Kind.ADD_COLUMN, def.column().name, def.column(), new Types.Type(def.column().type,
          def.column().typmods, def.column().array, def.serial(), def.next()), def.constraints(), null, text, ifNotExists);
    }
    if (t.is(a, "drop")) {
      int k = a + 1;
      boolean cascade = t.is(e - 1, "cascade");
      if (t.is(k, "constraint")) {
        k++;
        if (t.is(k, "if", "exists")) {
          k += 2;
        }
        return simple(Kind.DROP_CONSTRAINT, null, new Name(null, t.get(k).value()), text, cascade);
      }
      if (t.is(k, "column")) {
        k++;
      }
      if (t.is(k, "if", "exists")) {
        k += 2;
      }
      return simple(Kind.DROP_COLUMN, t.get(k).value(), null, text, cascade);
    }
    if (t.is(a, "alter")) {
      int k = a + 1;
      if (t.is(k, "constraint")) {
        return simple(Kind.ALTER_CONSTRAINT, null, new Name(null, t.get(k + 1).value()), text, false);
      }
      if (t.is(k, "column")) {
        k++;
      }
      String col = t.get(k).value();
      k++;
      if (t.is(k, "type") || t.is(k, "set", "data", "type")) {
        k += t.is(k, "type") ? 1 : 3;
        Types.Type type = Types.read(t, k);
        boolean using = t.find(type.next(), "using") >= 0 && t.find(type.next(), "using") < e;
        return new AlterAction(Kind.ALTER_COLUMN_TYPE, col, null, type, List.of(), null, text, using);
      }
      if (t.is(k, "set", "default")) {
        return simple(Kind.SET_DEFAULT, col, null, text, false);
      }
      if (t.is(k, "drop", "default")) {
        return simple(Kind.DROP_DEFAULT, col, null, text, false);
      }
      if (t.is(k, "set", "not", "null")) {
        return simple(Kind.SET_NOT_NULL, col, null, text, false);
      }
      if (t.is(k, "drop", "not", "null")) {
        return simple(Kind.DROP_NOT_NULL, col, null, text, false);
      }
      if (t.is(k, "add", "generated")) {
        return simple(Kind.ADD_IDENTITY, col, null, text, false);
      }
      if (t.is(k, "drop", "identity")) {
        return simple(Kind.DROP_IDENTITY, col, null, text, false);
      }
      if (t.is(k, "set", "expression") || t.is(k, "set", "generated") && t.is(k + 2, "as") && t.isOp(k + 3, "(")) {
        return simple(Kind.SET_EXPRESSION, col, null, text, false);
      }
      if (t.is(k, "drop", "expression")) {
        return simple(Kind.DROP_EXPRESSION, col, null, text, false);
      }
      if (t.is(k, "set", "statistics")) {
        return simple(Kind.SET_STATISTICS, col, null, text, false);
      }
      if ((t.is(k, "set") || t.is(k, "reset")) && t.isOp(k + 1, "(")) {
        return simple(Kind.SET_COLUMN_OPTIONS, col, null, text, false);
      }
      if (t.is(k, "set", "storage")) {
        return simple(Kind.SET_STORAGE, col, null, text, false);
      }
      if (t.is(k, "set", "compression")) {
        return simple(Kind.SET_COMPRESSION, col, null, text, false);
      }
      if (t.is(k, "set", "generated") || t.is(k, "restart") || t.is(k, "set")) {
        return simple(Kind.SET_IDENTITY, col, null, text, false);
      }
      return simple(Kind.UNKNOWN, col, null, text, false);
    }
    if (t.is(a, "validate", "constraint")) {
      return simple(Kind.VALIDATE_CONSTRAINT, null, new Name(null, t.get(a + 2).value()), text, false);
    }
    if (t.is(a, "enable") || t.is(a, "disable")) {
      boolean enable = t.is(a, "enable");
      int k = a + 1;
      if (t.is(k, "replica") || t.is(k, "always")) {
        k++;
      }
      if (t.is(k, "trigger")) {
        return simple(enable ? Kind.ENABLE_TRIGGER : Kind.DISABLE_TRIGGER, null,
            new Name(null, t.get(k + 1).value()), text, false);
      }
      if (t.is(k, "rule")) {
        return simple(enable ? Kind.ENABLE_RULE : Kind.DISABLE_RULE, null, null, text, false);
      }
      if (t.is(k, "row", "level", "security")) {
        return simple(Kind.ROW_LEVEL_SECURITY, null, null, text, false);
      }
    }
    if (t.is(a, "force") || t.is(a, "no", "force")) {
      return simple(Kind.ROW_LEVEL_SECURITY, null, null, text, false);
    }
    if (t.is(a, "cluster", "on")) {
      return simple(Kind.CLUSTER_ON, null, new Name(null, t.get(a + 2).value()), text, false);
    }
    if (t.is(a, "set", "without", "cluster")) {
      return simple(Kind.SET_WITHOUT_CLUSTER, null, null, text, false);
    }
    if (t.is(a, "set", "without", "oids")) {
      return simple(Kind.SET_WITHOUT_OIDS, null, null, text, false);
    }
    if (t.is(a, "set", "access", "method")) {
      return simple(Kind.SET_ACCESS_METHOD, null, new Name(null, t.get(a + 3).value()), text, false);
    }
    if (t.is(a, "set", "tablespace")) {
      return simple(Kind.SET_TABLESPACE, null, new Name(null, t.get(a + 2).value()), text, false);
    }
    if (t.is(a, "set", "logged")) {
      return simple(Kind.SET_LOGGED, null, null, text, false);
    }
    if (t.is(a, "set", "unlogged")) {
      return simple(Kind.SET_UNLOGGED, null, null, text, false);
    }
    if (t.is(a, "set", "schema")) {
      return simple(Kind.SET_SCHEMA, null, new Name(null, t.get(a + 2).value()), text, false);
    }
    if (t.is(a, "set") && t.isOp(a + 1, "(")) {
      return simple(Kind.SET_OPTIONS, null, null, text, false);
    }
    if (t.is(a, "reset") && t.isOp(a + 1, "(")) {
      return simple(Kind.RESET_OPTIONS, null, null, text, false);
    }
    if (t.is(a, "inherit")) {
      Name.Parsed p = Name.read(t, a + 1);
      return simple(Kind.INHERIT, null, p == null ? null : p.name(), text, false);
    }
    if (t.is(a, "no", "inherit")) {
      Name.Parsed p = Name.read(t, a + 2);
      return simple(Kind.NO_INHERIT, null, p == null ? null : p.name(), text, false);
    }
    if (t.is(a, "of")) {
      return simple(Kind.OF, null, null, text, false);
    }
    if (t.is(a, "not", "of")) {
      return simple(Kind.NOT_OF, null, null, text, false);
    }
    if (t.is(a, "owner", "to")) {
      return simple(Kind.OWNER, null, null, text, false);
    }
    if (t.is(a, "replica", "identity")) {
      return simple(Kind.REPLICA_IDENTITY, null, null, text, false);
    }
    if (t.is(a, "rename")) {
      int k = a + 1;
      if (t.is(k, "to")) {
        return simple(Kind.RENAME_TABLE, null, new Name(null, t.get(k + 1).value()), text, false);
      }
      if (t.is(k, "constraint")) {
        return simple(Kind.RENAME_CONSTRAINT, t.get(k + 1).value(), new Name(null, t.get(k + 3).value()), text,
            false);
      }
      if (t.is(k, "column")) {
        k++;
      }
      return simple(Kind.RENAME_COLUMN, t.get(k).value(), new Name(null, t.get(k + 2).value()), text, false);
    }
    if (t.is(a, "attach", "partition")) {
      Name.Parsed p = Name.read(t, a + 2);
      return simple(Kind.ATTACH_PARTITION, null, p == null ? null : p.name(), text, t.find(a, "default") >= 0);
    }
    if (t.is(a, "detach", "partition")) {
      Name.Parsed p = Name.read(t, a + 2);
      Kind kind = t.is(e - 1, "concurrently") ? Kind.DETACH_PARTITION_CONCURRENTLY
          : t.is(e - 1, "finalize") ? Kind.DETACH_PARTITION_FINALIZE : Kind.DETACH_PARTITION;
      return simple(kind, null, p == null ? null : p.name(), text, false);
    }
    return simple(Kind.UNKNOWN, null, null, text, false);
  }

  private static AlterAction simple(Kind kind, String column, Name name, String text, boolean flag) {
    return new AlterAction(kind, column, null, null, List.of(), name, text, flag);
  }
}
