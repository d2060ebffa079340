package slipway.core.lock;

import static slipway.core.lock.LockMode.ACCESS_EXCLUSIVE;
import static slipway.core.lock.LockMode.ACCESS_SHARE;
import static slipway.core.lock.LockMode.EXCLUSIVE;
import static slipway.core.lock.LockMode.ROW_EXCLUSIVE;
import static slipway.core.lock.LockMode.ROW_SHARE;
import static slipway.core.lock.LockMode.SHARE;
import static slipway.core.lock.LockMode.SHARE_ROW_EXCLUSIVE;
import static slipway.core.lock.LockMode.SHARE_UPDATE_EXCLUSIVE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import slipway.core.catalog.AlterAction;
import slipway.core.catalog.Catalog;
import slipway.core.catalog.Definitions;
import slipway.core.catalog.DoBlocks;
import slipway.core.catalog.Name;
import slipway.core.catalog.Tokens;
import slipway.core.catalog.Types;

/**
 * For one statement, on a PostgreSQL major, against the schema as replayed so far: every existing
 * relation it locks (strongest mode each, as {@code pg_locks} shows them), whether it rewrites or
 * scans a table, whether it may run in a transaction block, and its risk category. Every claim is a
 * row of {@link LockFacts} proven on the real server by LockFactsMatchServerTest; the ids of the rows
 * used are part of the answer. The catalog is not changed (replay it with CatalogReplay afterwards).
 */
public final class LockModel {
  public static final int OLDEST = 13;
  public static final int NEWEST = 18;

  private LockModel() {}

  public static boolean supports(int pgMajor) {
    return pgMajor >= OLDEST && pgMajor <= NEWEST;
  }

  /** Classifies one statement (text without the terminating semicolon). */
  public static StatementFacts classify(String sql, Catalog catalog, int pgMajor) {
    return classify(Tokens.of(sql), catalog, pgMajor);
  }

  /** Classifies one statement already tokenised (shared with {@link slipway.core.catalog.CatalogReplay#apply(Catalog, Tokens)}). */
  public static StatementFacts classify(Tokens t, Catalog catalog, int pgMajor) {
    Run run = new Run(catalog, pgMajor);
    try {
      run.statement(t);
    } catch (RuntimeException | StackOverflowError e) {
      // An unexpected shape never stops the analysis: what was found so far stands.
      run.fact("unrecognized");
    }
    return run.result();
  }

  /**
   * {@link #classify(Tokens, Catalog, int)} without its safety net, so that the property tests see
   * an unexpected shape as the exception it is instead of an "unrecognized" fact.
   */
  static StatementFacts classifyOrThrow(Tokens t, Catalog catalog, int pgMajor) {
    Run run = new Run(catalog, pgMajor);
    run.statement(t);
    return run.result();
  }

  private static final Set<String> SUE_OPTIONS = Set.of("fillfactor", "toast_tuple_target", "parallel_workers",
      "vacuum_index_cleanup", "vacuum_truncate", "log_autovacuum_min_duration", "autovacuum_enabled");

  private static final class Held {
    final String display;
    LockMode mode;

    Held(String display, LockMode mode) {
      this.display = display;
      this.mode = mode;
    }
  }

  private static final class Run {
    final Catalog c;
    final int v;
    final Map<String, Held> locks = new LinkedHashMap<>();
    final Set<String> created = new LinkedHashSet<>();
    final List<String> facts = new ArrayList<>();
    final Set<String> tables = new LinkedHashSet<>();
    String kind = "OTHER";
    boolean rewrite;
    boolean scan;
    boolean transactional = true;
    boolean data;
    boolean structural;

    Run(Catalog c, int v) {
      this.c = c == null ? new Catalog() : c;
      this.v = v;
    }

    StatementFacts result() {
      List<LockedRelation> out = new ArrayList<>();
      boolean reads = false;
      boolean writes = false;
      for (Map.Entry<String, Held> e : locks.entrySet()) {
        if (created.contains(e.getKey())) {
          continue;
        }
        out.add(new LockedRelation(e.getValue().display, e.getValue().mode));
        reads |= e.getValue().mode.blocksReads();
        writes |= e.getValue().mode.blocksWrites();
      }
      int category = rewrite || structural ? 3 : data ? 2 : 1;
      return new StatementFacts(kind, out, rewrite, scan, transactional, reads, writes, category, facts,
          new ArrayList<>(tables));
    }

    void fact(String id) {
      if (!facts.contains(id)) {
        facts.add(id);
      }
    }

    // ---------------------------------------------------------------- locking helpers

    void lock(String key, String display, LockMode mode) {
      Held h = locks.get(key);
      if (h == null) {
        locks.put(key, new Held(display, mode));
      } else {
        h.mode = h.mode.strongest(mode);
      }
    }

    void lock(Name name, LockMode mode) {
      Catalog.Relation r = c.relation(name);
      Catalog.Index i = r == null ? c.index(name.key()) : null;
      String key = r != null ? r.key : i != null ? i.key : name.key();
      lock(key, name.display(), mode);
    }

    void lockKey(String key, LockMode mode) {
      Catalog.Relation r = c.relation(key);
      if (r != null) {
        lock(key, r.name.display(), mode);
        return;
      }
      Catalog.Index i = c.index(key);
      lock(key, i != null ? i.name.display() : key, mode);
    }

    void lockIndexes(String tableKey, LockMode mode) {
      for (Catalog.Index i : c.indexesOf(tableKey)) {
        lock(i.key, i.name.display(), mode);
      }
    }

    boolean isPartitioned(String key) {
      Catalog.Relation r = c.relation(key);
      return r != null && r.kind == Catalog.Kind.PARTITIONED_TABLE;
    }

    /**
     * The planner opens every index of a table it plans a scan of, and a partitioned table's
     * partitions (their indexes too; the partitioned indexes themselves only since PostgreSQL 17).
     */
    void planRead(String key, LockMode mode) {
      planRead(key, mode, new LinkedHashSet<>());
    }

    private void planRead(String key, LockMode mode, Set<String> seen) {
      if (!seen.add(key)) {
        return;
      }
      Catalog.Relation r = c.relation(key);
      lockKey(key, mode);
      if (r == null) {
        return;
      }
      if (r.kind == Catalog.Kind.VIEW) {
        fact("select-view");
        for (String read : r.reads) {
          planRead(read, ACCESS_SHARE, seen);
        }
        return;
      }
      if (r.kind == Catalog.Kind.PARTITIONED_TABLE) {
        fact(v >= 16 ? "select-partitioned" : "select-partitioned-pg13");
      }
      if (r.kind != Catalog.Kind.PARTITIONED_TABLE || v >= 16) {
        lockIndexes(key, mode);
      }
      for (Catalog.Relation child : c.descendants(key)) {
        lockKey(child.key, mode);
        if (child.kind != Catalog.Kind.PARTITIONED_TABLE || v >= 16) {
          lockIndexes(child.key, mode);
        }
      }
    }

    /** A table rewrite: a new data file for the table and every index (and every partition's). */
    void rewriteTable(String key) {
      rewrite = true;
      scan = true;
      tables.add(key);
      List<String> all = new ArrayList<>();
      all.add(key);
      for (Catalog.Relation d : c.descendants(key)) {
        all.add(d.key);
      }
      for (String k : all) {
        // A partitioned table and its partitioned indexes have no storage: only the partitions' are rebuilt.
        if (!isPartitioned(k)) {
          lockKey(k, ACCESS_EXCLUSIVE);
          lockIndexes(k, ACCESS_EXCLUSIVE);
        }
      }
    }

    void scanTable(String key) {
      scan = true;
      tables.add(key);
    }

    /** The target and, unless ONLY, its partitions and inheritance children. */
    List<String> targets(String key, boolean only) {
      List<String> out = new ArrayList<>();
      out.add(key);
      if (!only) {
        for (Catalog.Relation d : c.descendants(key)) {
          out.add(d.key);
        }
      }
      return out;
    }

    // ---------------------------------------------------------------- dispatch

    void statement(Tokens t) {
      if (t.size() == 0) {
        kind = "EMPTY";
        return;
      }
      String w0 = t.get(0).value();
      switch (w0) {
        case "alter" -> alter(t);
        case "create" -> create(t);
        case "drop" -> drop(t);
        case "truncate" -> truncate(t);
        case "vacuum" -> vacuum(t);
        case "analyze", "analyse" -> analyze(t);
        case "cluster" -> cluster(t);
        case "reindex" -> reindex(t);
        case "refresh" -> refresh(t);
        case "lock" -> lockTable(t);
        case "insert", "update", "delete", "merge", "select", "with", "copy", "values", "table" -> dml(t);
        case "comment" -> comment(t);
        case "grant", "revoke" -> grant(t);
        case "do" -> doBlock(t);
        case "begin", "commit", "rollback", "start", "end", "savepoint", "release", "set", "reset", "show",
            "discard", "listen", "notify", "unlisten", "prepare", "deallocate", "checkpoint", "load" -> {
          kind = w0.toUpperCase(Locale.ROOT);
          fact("session-statement");
        }
        default -> {
          kind = "OTHER";
          fact("unrecognized");
        }
      }
    }

    // ---------------------------------------------------------------- ALTER

    void alter(Tokens t) {
      if (t.is(1, "table") || t.is(1, "foreign", "table")) {
        alterTable(t, t.is(1, "table") ? 2 : 3);
      } else if (t.is(1, "index")) {
        alterIndex(t);
      } else if (t.is(1, "view") || t.is(1, "materialized", "view")) {
        alterView(t, t.is(1, "materialized"));
      } else if (t.is(1, "sequence")) {
        alterSequence(t);
      } else if (t.is(1, "type")) {
        kind = "ALTER_TYPE";
        Name.Parsed p = Name.read(t, 2);
        int j = p == null ? 3 : p.next();
        if (t.is(j, "add", "value")) {
          fact("alter-type-add-value");
        } else if (t.is(j, "rename", "value")) {
          fact("alter-type-rename-value");
        } else {
          fact("alter-type-other");
        }
      } else if (t.is(1, "domain")) {
        kind = "ALTER_DOMAIN";
        alterDomain(t);
      } else if (t.is(1, "system")) {
        kind = "ALTER_SYSTEM";
        transactional = false;
        fact("alter-system");
      } else {
        kind = "ALTER_" + t.get(1).value().toUpperCase(Locale.ROOT);
        fact("alter-other-object");
      }
    }

    /**
     * ALTER DOMAIN: a new CHECK (unless NOT VALID) or SET NOT NULL checks every row of every column of the
     * domain, holding SHARE on each table (writes wait); VALIDATE CONSTRAINT checks them the same way. Other
     * forms change the catalog only.
     */
    void alterDomain(Tokens t) {
      Name.Parsed p = Name.read(t, 2);
      if (p == null) {
        fact("alter-domain");
        return;
      }
      int j = p.next();
      boolean checksRows;
      if (t.is(j, "add")) {
        checksRows = true;
        for (int i = j; i + 1 < t.size(); i++) {
          checksRows &= !t.is(i, "not", "valid");
        }
        fact(checksRows ? "alter-domain-add-constraint" : "alter-domain-add-constraint-not-valid");
      } else if (t.is(j, "set", "not", "null")) {
        checksRows = true;
        fact("alter-domain-set-not-null");
      } else if (t.is(j, "validate", "constraint")) {
        checksRows = true;
        fact("alter-domain-validate-constraint");
      } else {
        fact("alter-domain");
        return;
      }
      if (!checksRows) {
        return;
      }
      // Unlike a table's VALIDATE CONSTRAINT (SHARE UPDATE EXCLUSIVE), a domain's takes SHARE (13-18).
      LockMode mode = SHARE;
      String domain = p.name().name();
      for (Catalog.Relation r : c.relations()) {
        if (!r.isTable()) {
          continue;
        }
        for (Catalog.Column col : r.columns.values()) {
          if (domain.equals(col.type)) {
            lockKey(r.key, mode);
            scanTable(r.key);
            break;
          }
        }
      }
    }

    void alterTable(Tokens t, int k) {
      kind = "ALTER_TABLE";
      if (t.is(k, "if", "exists")) {
        k += 2;
      }
      boolean only = false;
      if (t.is(k, "only")) {
        only = true;
        k++;
      }
      if (t.is(k, "all", "in")) {
        fact("alter-table-all-in-tablespace");
        return;
      }
      Name.Parsed p = Name.read(t, k);
      if (p == null) {
        fact("unrecognized");
        return;
      }
      int start = p.next();
      if (t.isOp(start, "*")) {
        start++;
      }
      Name name = p.name();
      Catalog.Relation r = c.relation(name);
      String key = r != null ? r.key : name.key();
      lock(name, ACCESS_SHARE); // placeholder so the target is first; strengthened below
      LockMode weakest = null;
      for (AlterAction a : parseActions(t, start)) {
        LockMode m = action(a, name, key, r, only);
        weakest = m;
      }
      if (weakest == null) {
        fact("unrecognized");
      }
    }

    List<AlterAction> parseActions(Tokens t, int start) {
      return AlterAction.parse(t, start, t.size());
    }

    /** Applies one ALTER TABLE action's locks and effects; returns the mode on the target. */
    LockMode action(AlterAction a, Name name, String key, Catalog.Relation r, boolean only) {
      Catalog.Column col = r == null || a.column() == null ? null : r.columns.get(a.column());
      LockMode mode = ACCESS_EXCLUSIVE;
      boolean recurse = true;
      switch (a.kind()) {
        case ADD_COLUMN -> addColumn(a, name, key, r);
        case DROP_COLUMN -> {
          fact("alter-table-drop-column");
          structural = true;
          for (Catalog.Index i : c.indexesOf(key)) {
            if (i.columns.contains(a.column())) {
              lock(i.key, i.name.display(), ACCESS_EXCLUSIVE);
            }
          }
          if (r != null) {
            for (Catalog.Constraint con : r.constraints) {
              if (con.type == Catalog.ConstraintType.FOREIGN_KEY && con.columns.contains(a.column())
                  && con.refTable != null) {
                lockKey(con.refTable, ACCESS_EXCLUSIVE);
              }
            }
          }
          if (a.flag()) {
            for (Catalog.Relation view : c.dependentViews(key)) {
              if (view.readColumns.contains(a.column())) {
                lockKey(view.key, ACCESS_EXCLUSIVE);
                lockIndexes(view.key, ACCESS_EXCLUSIVE);
              }
            }
          }
        }
        case ALTER_COLUMN_TYPE -> alterColumnType(a, key, r, col);
        case SET_DEFAULT -> fact("alter-table-set-default");
        case DROP_DEFAULT -> fact("alter-table-drop-default");
        case SET_NOT_NULL -> setNotNull(key, r, col, a.column(), only);
        case DROP_NOT_NULL -> fact("alter-table-drop-not-null");
        case ADD_IDENTITY -> fact("alter-table-add-identity");
        case SET_IDENTITY -> {
          fact("alter-table-set-identity");
          lockOwnedSequence(r, a.column(), SHARE_ROW_EXCLUSIVE);
        }
        case DROP_IDENTITY -> {
          fact("alter-table-drop-identity");
          lockOwnedSequence(r, a.column(), ACCESS_EXCLUSIVE);
        }
        case SET_EXPRESSION -> {
          fact("alter-table-set-expression");
          rewriteTable(key);
        }
        case DROP_EXPRESSION -> fact("alter-table-drop-expression");
        case SET_STATISTICS -> {
          fact("alter-table-set-statistics");
          mode = SHARE_UPDATE_EXCLUSIVE;
        }
        case SET_COLUMN_OPTIONS -> {
          fact("alter-table-set-column-options");
          mode = SHARE_UPDATE_EXCLUSIVE;
        }
        case SET_STORAGE -> fact("alter-table-set-storage");
        case SET_COMPRESSION -> fact("alter-table-set-compression");
        case ADD_CONSTRAINT -> {
          for (Definitions.ConstraintDef def : a.constraints()) {
            mode = mode.strongest(null);
            LockMode m = addConstraint(def, key, r, only, null);
            mode = m;
          }
          if (a.constraints().isEmpty()) {
            fact("unrecognized");
          }
        }
        case ALTER_CONSTRAINT -> fact("alter-table-alter-constraint");
        case VALIDATE_CONSTRAINT -> {
          mode = SHARE_UPDATE_EXCLUSIVE;
          validateConstraint(a.name().name(), key, r);
        }
        case DROP_CONSTRAINT -> dropConstraint(a, key, r);
        case ENABLE_TRIGGER, DISABLE_TRIGGER -> {
          fact("alter-table-enable-disable-trigger");
          mode = SHARE_ROW_EXCLUSIVE;
          recurse = false;
        }
        case ENABLE_RULE, DISABLE_RULE -> fact("alter-table-enable-disable-rule");
        case ROW_LEVEL_SECURITY -> {
          fact("alter-table-row-level-security");
          recurse = false;
        }
        case CLUSTER_ON -> {
          fact("alter-table-cluster-on");
          mode = SHARE_UPDATE_EXCLUSIVE;
          recurse = false;
          if (a.name() != null) {
            lock(new Name(name.schema(), a.name().name()), SHARE_UPDATE_EXCLUSIVE);
          }
        }
        case SET_WITHOUT_CLUSTER -> {
          fact("alter-table-set-without-cluster");
          mode = SHARE_UPDATE_EXCLUSIVE;
          recurse = false;
        }
        case SET_WITHOUT_OIDS -> fact("alter-table-set-without-oids");
        case SET_ACCESS_METHOD -> {
          fact("alter-table-set-access-method");
          recurse = false;
          if (a.name() != null && !a.name().name().equals("heap")) {
            rewriteTable(key);
          }
        }
        case SET_TABLESPACE -> {
          fact("alter-table-set-tablespace");
          recurse = false;
          if (a.name() != null && !a.name().name().equals("pg_default")) {
            rewrite = true;
            tables.add(key);
          }
        }
        case SET_LOGGED, SET_UNLOGGED -> {
          fact("alter-table-set-logged-unlogged");
          recurse = false;
          boolean toUnlogged = a.kind() == AlterAction.Kind.SET_UNLOGGED;
          if (r == null || r.unlogged != toUnlogged) {
            rewriteTable(key);
          }
        }
        case SET_OPTIONS, RESET_OPTIONS -> {
          recurse = false;
          if (onlyLightOptions(a.text())) {
            fact("alter-table-set-storage-parameter");
            mode = SHARE_UPDATE_EXCLUSIVE;
          } else {
            fact("alter-table-set-other-parameter");
          }
        }
        case INHERIT -> {
          fact("alter-table-inherit");
          recurse = false;
          if (a.name() != null) {
            lock(a.name(), SHARE_UPDATE_EXCLUSIVE);
          }
        }
        case NO_INHERIT -> {
          fact("alter-table-no-inherit");
          recurse = false;
          if (a.name() != null) {
            lock(a.name(), ACCESS_SHARE);
          }
        }
        case OF, NOT_OF -> {
          fact("alter-table-of");
          recurse = false;
        }
        case OWNER -> {
          fact("alter-table-owner");
          recurse = false;
        }
        case REPLICA_IDENTITY -> {
          fact("alter-table-replica-identity");
          recurse = false;
          Tokens ri = Tokens.of(a.text());
          int using = ri.find(0, "index");
          if (using > 0 && ri.is(using - 1, "using")) {
            fact("alter-table-replica-identity-using-index");
            lock(new Name(name.schema(), ri.get(using + 1).value()), SHARE);
          }
        }
        case RENAME_COLUMN -> {
          fact("alter-table-rename-column");
          structural = true;
        }
        case RENAME_TABLE -> {
          fact("alter-table-rename");
          structural = true;
          recurse = false;
        }
        case RENAME_CONSTRAINT -> {
          fact("alter-table-rename-constraint");
          recurse = false;
        }
        case SET_SCHEMA -> {
          fact("alter-table-set-schema");
          structural = true;
          recurse = false;
        }
        case ATTACH_PARTITION -> {
          mode = SHARE_UPDATE_EXCLUSIVE;
          recurse = false;
          attachPartition(a, key);
        }
        case DETACH_PARTITION -> {
          recurse = false;
          fact(v >= 14 ? "alter-table-detach-partition" : "alter-table-detach-partition-pg13");
          if (a.name() != null) {
            Catalog.Relation part = c.relation(a.name());
            lock(a.name(), v >= 14 ? ACCESS_EXCLUSIVE : SHARE_UPDATE_EXCLUSIVE);
            if (part != null) {
              lockIndexes(part.key, ACCESS_EXCLUSIVE);
            }
          }
        }
        case DETACH_PARTITION_CONCURRENTLY, DETACH_PARTITION_FINALIZE -> {
          recurse = false;
          mode = SHARE_UPDATE_EXCLUSIVE;
          fact("alter-table-detach-partition-concurrently");
          if (a.kind() == AlterAction.Kind.DETACH_PARTITION_CONCURRENTLY) {
            transactional = false;
          }
          if (a.name() != null) {
            // The second transaction adds the partition's bound as a CHECK under ACCESS EXCLUSIVE.
            lock(a.name(), ACCESS_EXCLUSIVE);
          }
        }
        case UNKNOWN -> fact("unrecognized");
        default -> fact("unrecognized");
      }
      lock(key, name.display(), mode);
      if (recurse && !only) {
        for (Catalog.Relation d : c.descendants(key)) {
          fact("alter-table-recurses-to-partitions");
          lockKey(d.key, mode);
        }
      }
      return mode;
    }

    boolean onlyLightOptions(String text) {
      Tokens o = Tokens.of(text);
      int open = -1;
      for (int i = 0; i < o.size(); i++) {
        if (o.isOp(i, "(")) {
          open = i;
          break;
        }
      }
      if (open < 0) {
        return false;
      }
      for (int[] part : o.commaSeparated(open + 1, o.closing(open))) {
        String opt = o.get(part[0]).value();
        if (o.isOp(part[0] + 1, ".")) {
          opt = opt + "." + o.get(part[0] + 2).value();
        }
        boolean light = SUE_OPTIONS.contains(opt) || opt.startsWith("autovacuum_") || opt.startsWith("toast.");
        if (!light) {
          return false;
        }
      }
      return true;
    }

    void lockOwnedSequence(Catalog.Relation r, String column, LockMode mode) {
      if (r == null || column == null) {
        return;
      }
      Name seq = r.name.sibling(r.name.name() + "_" + column + "_seq");
      if (c.relation(seq) != null) {
        lockKey(seq.key(), mode);
      }
    }

    void addColumn(AlterAction a, Name name, String key, Catalog.Relation r) {
      Catalog.Column col = a.columnDef();
      if (a.flag() && r != null && r.columns.containsKey(a.column())) {
        fact("alter-table-add-column-if-not-exists-noop");
        return;
      }
      boolean volatileDefault = col.defaultExpr != null && isVolatile(col.defaultExpr);
      boolean virtual = col.generated != null && v >= 18 && !a.text().toLowerCase(Locale.ROOT).contains("stored");
      Catalog.Domain domain = c.domains().get(col.type);
      if (a.type() != null && a.type().serial()) {
        fact("alter-table-add-column-serial");
        rewriteTable(key);
      } else if (col.identity != null) {
        fact("alter-table-add-column-identity");
        rewriteTable(key);
      } else if (col.generated != null && !virtual) {
        fact("alter-table-add-column-generated-stored");
        rewriteTable(key);
      } else if (col.generated != null) {
        fact("alter-table-add-column-generated-virtual");
      } else if (volatileDefault) {
        fact("alter-table-add-column-volatile-default");
        rewriteTable(key);
      } else if (domain != null && domain.hasChecks) {
        fact("alter-table-add-column-domain-with-check");
        rewriteTable(key);
      } else if (col.defaultExpr != null && !col.defaultExpr.trim().equalsIgnoreCase("null")) {
        fact("alter-table-add-column-default");
      } else {
        fact("alter-table-add-column");
      }
      if (col.notNull && col.defaultExpr == null && col.identity == null && !rewrite) {
        scanTable(key);
      }
      for (Definitions.ConstraintDef def : a.constraints()) {
        addConstraint(def, key, r, false, col);
      }
    }

    boolean isVolatile(String expr) {
      Tokens e = Tokens.of(expr);
      for (int i = 0; i < e.size(); i++) {
        if (e.get(i).type() == Tokens.Type.WORD && e.isOp(i + 1, "(")) {
          String fn = e.get(i).value();
          // Built-ins (and uuid-ossp's, pgcrypto's) from the one volatility table, checked against pg_proc.
          if (slipway.core.sql.Volatilities.known(fn) == slipway.core.sql.syntax.Volatility.VOLATILE) {
            return true;
          }
          Character vol = c.functionVolatility(fn);
          if (vol != null && vol == 'v') {
            return true;
          }
        }
      }
      return false;
    }

    void alterColumnType(AlterAction a, String key, Catalog.Relation r, Catalog.Column col) {
      boolean collationOnly = false;
      boolean noRewrite = col != null && (!a.flag() || trivialUsing(a.text(), a.column()))
          && Types.changeWithoutRewrite(col, a.type(), c, v);
      if (noRewrite) {
        Catalog.Domain domain = c.domains().get(a.type().name());
        // Indexes on the column are rebuilt in place (dropped and re-created on the same data).
        List<String> indexed = new ArrayList<>();
        for (Catalog.Index i : c.indexesOf(key)) {
          if (i.columns.contains(a.column())) {
            lock(i.key, i.name.display(), ACCESS_EXCLUSIVE);
            indexed.add(key);
          }
        }
        for (Catalog.Relation d : c.descendants(key)) {
          for (Catalog.Index i : c.indexesOf(d.key)) {
            if (i.columns.contains(a.column())) {
              lock(i.key, i.name.display(), ACCESS_EXCLUSIVE);
              indexed.add(d.key);
            }
          }
        }
        if (domain != null && (domain.hasChecks || domain.notNull)) {
          // The domain's checks are evaluated by a coercion function: the table is rewritten.
          fact("alter-column-type-to-domain-with-check");
          rewriteTable(key);
        } else if (col.type.equals(a.type().name()) && col.typmods.equals(a.type().typmods())) {
          fact("alter-column-type-same-type-collation");
          collationOnly = true;
          // A new collation makes the column's indexes incompatible: each is built again, reading every
          // row of its table (server-checked: seq_scan, LockFactsScanServerTest). A binary-coercible
          // type change keeps its indexes' files and reads nothing.
          for (String table : indexed) {
            scanTable(table);
          }
        } else {
          fact(a.flag() ? "alter-column-type-binary-coercible-using" : "alter-column-type-binary-coercible");
        }
      } else {
        fact("alter-column-type-rewrite");
        if (col != null && col.array) {
          fact("alter-column-type-array");
        }
        rewriteTable(key);
      }
      if (!collationOnly || rewrite) {
        structural |= rewrite;
      }
      // The column's default is re-cooked for the new type: a sequence it calls is read (PostgreSQL 14+).
      if (col != null && col.defaultExpr != null && v >= 14) {
        Tokens d = Tokens.of(col.defaultExpr);
        for (int i = 0; i < d.size(); i++) {
          if (d.is(i, "nextval") && d.get(i + 2).type() == Tokens.Type.STRING) {
            Name seq = Name.of(d.get(i + 2).value().replace("\"", ""));
            if (c.relation(seq) != null) {
              fact("alter-column-type-serial");
              lockKey(seq.key(), ACCESS_SHARE);
            }
          }
        }
      }
      // Foreign keys on the column are dropped and re-added: the other table's FK triggers change
      // (ACCESS EXCLUSIVE there) and the key index is looked up again.
      if (r != null) {
        for (Catalog.Constraint con : r.constraints) {
          if (con.type == Catalog.ConstraintType.FOREIGN_KEY && con.columns.contains(a.column())
              && con.refTable != null && !con.refTable.equals(key)) {
            fact("alter-column-type-foreign-key-column");
            lockKey(con.refTable, ACCESS_EXCLUSIVE);
            if (!noRewrite) {
              lockIndexes(con.refTable, ACCESS_SHARE); // re-validated: the check query opens its indexes
            } else if (v >= 14) {
              lockReferencedKeyIndex(con.refTable, con);
            }
          }
        }
        for (Catalog.Relation other : c.mayBeReferenced(r, a.column()) ? c.relations() : List.<Catalog.Relation>of()) {
          if (other.key.equals(key)) {
            continue;
          }
          for (Catalog.Constraint con : other.constraints) {
            if (con.type == Catalog.ConstraintType.FOREIGN_KEY && key.equals(con.refTable)
                && referencesColumn(r, con, a.column())) {
              fact("alter-column-type-referenced-column");
              lockKey(other.key, ACCESS_EXCLUSIVE);
              if (!noRewrite) {
                lockIndexes(other.key, ACCESS_SHARE);
              }
            }
          }
        }
      }
    }

    /** Does the foreign key point at this column of its referenced table (its listed columns, or the primary key)? */
    boolean referencesColumn(Catalog.Relation referenced, Catalog.Constraint fk, String column) {
      if (!fk.refColumns.isEmpty()) {
        return fk.refColumns.contains(column);
      }
      for (Catalog.Constraint con : referenced.constraints) {
        if (con.type == Catalog.ConstraintType.PRIMARY_KEY) {
          return con.columns.contains(column);
        }
      }
      return false;
    }

    /** {@code USING col} or {@code USING col::type}: no conversion, so no forced rewrite. */
    boolean trivialUsing(String text, String column) {
      Tokens a = Tokens.of(text);
      int using = a.find(0, "using");
      if (using < 0) {
        return true;
      }
      int k = using + 1;
      if (!a.get(k).isName() || !a.get(k).value().equals(column)) {
        return false;
      }
      return k + 1 >= a.size() || a.isOp(k + 1, "::");
    }

    void setNotNull(String key, Catalog.Relation r, Catalog.Column col, String column, boolean only) {
      if (col != null && col.notNull) {
        fact("alter-table-set-not-null-already");
        return;
      }
      if (v >= 12 && r != null && provenNotNull(r, column)) {
        fact("alter-table-set-not-null-with-check");
        return;
      }
      fact("alter-table-set-not-null");
      structural = true;
      scanTable(key);
    }

    boolean provenNotNull(Catalog.Relation r, String column) {
      for (Catalog.Constraint con : r.constraints) {
        if (con.validated && column.equals(con.notNullColumn)) {
          return true;
        }
      }
      return false;
    }

    /**
     * ADD CONSTRAINT, or the inline constraint of the column {@code inlineOf} that ADD COLUMN adds (null for
     * ADD CONSTRAINT); returns the mode on the table.
     */
    LockMode addConstraint(Definitions.ConstraintDef def, String key, Catalog.Relation r, boolean only,
        Catalog.Column inlineOf) {
      boolean inline = inlineOf != null;
      Catalog.Constraint con = def.constraint();
      switch (con.type) {
        case CHECK -> {
          if (def.notValid()) {
            fact("alter-table-add-check-not-valid");
          } else {
            fact(inline ? "alter-table-add-column-check" : "alter-table-add-check");
            scanTable(key);
          }
          return ACCESS_EXCLUSIVE;
        }
        case NOT_NULL -> {
          if (def.notValid()) {
            fact("alter-table-add-not-null-not-valid");
          } else if (r != null && provenNotNull(r, con.notNullColumn)) {
            fact("alter-table-add-not-null-with-check");
          } else {
            fact("alter-table-add-not-null");
            scanTable(key);
          }
          return ACCESS_EXCLUSIVE;
        }
        case FOREIGN_KEY -> {
          Name ref = def.refTable();
          String refKey = ref == null ? null : ref.key();
          boolean selfRef = key.equals(refKey);
          if (ref != null) {
            lock(ref, SHARE_ROW_EXCLUSIVE);
          }
          // Any DEFAULT, even DEFAULT NULL, makes PostgreSQL check the existing rows (server-checked).
          if (inline && inlineOf.defaultExpr != null) {
            // With a DEFAULT (even NULL) the existing rows are checked against the referenced table, a scan
            // of this one; without one, nothing is (server-checked: LockFactsScanServerTest,
            // RuleRecipesServerTest).
            fact(v >= 14 ? "alter-table-add-column-references-default" : "alter-table-add-column-references-default-pg13");
            scanTable(key);
            if (refKey != null) {
              lockReferencedKeyIndex(refKey, con);
            }
          } else if (inline) {
            fact(v >= 14 ? "alter-table-add-column-references" : "alter-table-add-column-references-pg13");
            if (v >= 14 && refKey != null) {
              lockReferencedKeyIndex(refKey, con);
            }
          } else if (def.notValid()) {
            fact(v >= 14 ? "alter-table-add-foreign-key-not-valid" : "alter-table-add-foreign-key-not-valid-pg13");
            if (v >= 14 && refKey != null) {
              lockReferencedKeyIndex(refKey, con);
            }
          } else {
            fact("alter-table-add-foreign-key");
            scanTable(key);
            // The validation query is planned: both tables' indexes are opened.
            lockIndexes(key, ACCESS_SHARE);
            if (refKey != null) {
              lockIndexes(refKey, ACCESS_SHARE);
            }
          }
          if (!selfRef && !only) {
            for (Catalog.Relation d : c.descendants(key)) {
              lockKey(d.key, SHARE_ROW_EXCLUSIVE);
            }
          }
          return SHARE_ROW_EXCLUSIVE;
        }
        case UNIQUE, PRIMARY_KEY, EXCLUDE -> {
          if (def.usingIndex() != null) {
            Name idxName = new Name(r != null ? r.name.schema() : null, def.usingIndex());
            boolean renames = def.explicitName() && !def.usingIndex().equals(con.name);
            lock(idxName, renames ? SHARE_UPDATE_EXCLUSIVE : ACCESS_SHARE);
            // A primary key sets NOT NULL on its columns: a nullable one is checked by a scan of the table.
            boolean setsNotNull = false;
            if (con.type == Catalog.ConstraintType.PRIMARY_KEY && r != null) {
              Catalog.Index idx = c.index(idxName.key());
              if (idx != null) {
                for (String colName : idx.columns) {
                  Catalog.Column column = colName == null ? null : r.columns.get(colName);
                  if (column != null && !column.notNull && !provenNotNull(r, colName)) {
                    setsNotNull = true;
                  }
                }
              }
            }
            if (setsNotNull) {
              fact("alter-table-add-primary-key-using-index-nullable");
              scanTable(key);
            } else {
              fact(con.type == Catalog.ConstraintType.PRIMARY_KEY ? "alter-table-add-primary-key-using-index"
                  : "alter-table-add-unique-using-index");
            }
          } else {
            fact(switch (con.type) {
              case PRIMARY_KEY -> "alter-table-add-primary-key";
              case UNIQUE -> "alter-table-add-unique";
              default -> "alter-table-add-exclude";
            });
            scanTable(key);
            if (isPartitioned(key)) {
              for (Catalog.Relation d : c.descendants(key)) {
                lockKey(d.key, SHARE);
              }
            }
          }
          return ACCESS_EXCLUSIVE;
        }
        default -> {
          return ACCESS_EXCLUSIVE;
        }
      }
    }

    /** PostgreSQL 14+ opens the referenced table's unique index that backs a new foreign key. */
    void lockReferencedKeyIndex(String refKey, Catalog.Constraint fk) {
      for (Catalog.Index i : c.indexesOf(refKey)) {
        if (i.primary || (i.unique && i.predicate == null)) {
          lock(i.key, i.name.display(), ACCESS_SHARE);
          return;
        }
      }
    }

    void validateConstraint(String conName, String key, Catalog.Relation r) {
      Catalog.Constraint con = r == null ? null : r.constraint(conName);
      if (con != null && con.type == Catalog.ConstraintType.FOREIGN_KEY) {
        fact("alter-table-validate-foreign-key");
        if (con.validated) {
          return;
        }
        scanTable(key);
        if (con.refTable != null) {
          lockKey(con.refTable, ROW_SHARE);
          lockIndexes(con.refTable, ACCESS_SHARE);
        }
        lockIndexes(key, ACCESS_SHARE);
      } else if (con != null && con.type == Catalog.ConstraintType.NOT_NULL) {
        fact("alter-table-validate-not-null");
        if (!con.validated) {
          scanTable(key);
        }
      } else {
        fact("alter-table-validate-check");
        if (con == null || !con.validated) {
          scanTable(key);
        }
      }
    }

    void dropConstraint(AlterAction a, String key, Catalog.Relation r) {
      Catalog.Constraint con = r == null || a.name() == null ? null : r.constraint(a.name().name());
      if (con == null) {
        fact("alter-table-drop-constraint");
        return;
      }
      switch (con.type) {
        case FOREIGN_KEY -> {
          fact("alter-table-drop-foreign-key");
          if (con.refTable != null) {
            lockKey(con.refTable, ACCESS_EXCLUSIVE);
          }
        }
        case PRIMARY_KEY, UNIQUE, EXCLUDE -> {
          fact("alter-table-drop-unique-or-primary-key");
          if (con.index != null) {
            lockKey(con.index, ACCESS_EXCLUSIVE);
          }
          if (a.flag()) {
            for (String referencing : c.referencedBy(key)) {
              lockKey(referencing, ACCESS_EXCLUSIVE);
            }
          }
        }
        default -> fact("alter-table-drop-constraint");
      }
    }

    void attachPartition(AlterAction a, String key) {
      if (a.name() == null) {
        fact("unrecognized");
        return;
      }
      Catalog.Relation part = c.relation(a.name());
      lock(a.name(), ACCESS_EXCLUSIVE);
      // The parent's partitioned indexes get the new partition's index attached.
      for (Catalog.Index i : c.indexesOf(key)) {
        lock(i.key, i.name.display(), SHARE_UPDATE_EXCLUSIVE);
      }
      Catalog.Relation parent = c.relation(key);
      if (a.flag()) {
        // The default partition holds no row of any other partition: NOT (their bounds).
        List<String> values = new ArrayList<>();
        for (Catalog.Relation sibling : c.children(key)) {
          if (sibling.partitionBound != null && !"DEFAULT".equals(sibling.partitionBound)
              && !sibling.key.equals(a.name().key())) {
            values.addAll(boundValues(sibling.partitionBound));
          }
        }
        if (part != null && checkImplies(part, values, true)) {
          fact("alter-table-attach-default-partition-with-check");
        } else {
          fact("alter-table-attach-default-partition");
          scanTable(a.name().key());
        }
      } else if (part != null && boundProven(part, parent, a)) {
        fact("alter-table-attach-partition-with-check");
      } else {
        fact("alter-table-attach-partition");
        scanTable(a.name().key());
      }
      // An existing default partition is scanned for rows that now belong to the new one, unless a
      // validated CHECK on it excludes the new bound.
      if (!a.flag()) {
        for (Catalog.Relation sibling : c.children(key)) {
          if ("DEFAULT".equals(sibling.partitionBound) && !sibling.key.equals(a.name().key())) {
            lockKey(sibling.key, ACCESS_EXCLUSIVE);
            if (checkImplies(sibling, boundValues(a.text()), true)) {
              fact("alter-table-attach-partition-default-with-check");
            } else {
              fact("alter-table-attach-partition-scans-default");
              scanTable(sibling.key);
            }
          }
        }
      }
    }

    /** The literal values (numbers, strings) of a partition bound's text. */
    static List<String> boundValues(String text) {
      Tokens bound = Tokens.of(text.toLowerCase(Locale.ROOT));
      List<String> values = new ArrayList<>();
      for (int i = 0; i < bound.size(); i++) {
        if (bound.get(i).type() == Tokens.Type.NUMBER || bound.get(i).type() == Tokens.Type.STRING) {
          values.add(bound.get(i).value());
        }
      }
      return values;
    }

    /**
     * A validated CHECK on the relation that names every value (heuristic: the values match), negated
     * ({@code NOT (…)} or an {@code OR} of the outside ranges) when it must exclude them.
     */
    static boolean checkImplies(Catalog.Relation rel, List<String> values, boolean negated) {
      if (values.isEmpty()) {
        return false;
      }
      for (Catalog.Constraint con : rel.constraints) {
        if (con.type == Catalog.ConstraintType.CHECK && con.validated && con.expression != null) {
          String e = con.expression.toLowerCase(Locale.ROOT);
          if (negated && !(e.matches("(?s).*\\bnot\\b.*") || e.matches("(?s).*\\bor\\b.*"))) {
            continue;
          }
          boolean all = true;
          for (String value : values) {
            all &= e.contains(value.toLowerCase(Locale.ROOT));
          }
          if (all) {
            return true;
          }
        }
      }
      return false;
    }

    /**
     * A validated CHECK on the partition that implies the bound lets ATTACH skip its scan (heuristic: the
     * bound's values match). A range or list partition takes no NULL key, so the key column must also be
     * proven NOT NULL (a NOT NULL column, or IS NOT NULL in a validated CHECK): without it the server scans.
     */
    boolean boundProven(Catalog.Relation part, Catalog.Relation parent, AlterAction a) {
      List<String> values = boundValues(a.text());
      if (!checkImplies(part, values, false)) {
        return false;
      }
      String strategy = parent == null || parent.partitionStrategy == null ? ""
          : parent.partitionStrategy.toLowerCase(Locale.ROOT);
      boolean listWithNull = strategy.equals("list") && Tokens.of(a.text().toLowerCase(Locale.ROOT)).find(0, "null") >= 0;
      if (parent == null || strategy.equals("hash") || listWithNull) {
        return true;
      }
      for (String k : parent.partitionKey) {
        if (k == null) {
          return false;
        }
        Catalog.Column col = part.columns.get(k);
        if (col != null && col.notNull || provenNotNull(part, k) || mentionsNotNull(part, k)) {
          continue;
        }
        return false;
      }
      return true;
    }

    /** A validated CHECK that says {@code k IS NOT NULL} among other conditions. */
    static boolean mentionsNotNull(Catalog.Relation rel, String column) {
      String want = column.toLowerCase(Locale.ROOT) + " is not null";
      for (Catalog.Constraint con : rel.constraints) {
        if (con.type == Catalog.ConstraintType.CHECK && con.validated && con.expression != null
            && con.expression.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace("\"", "").contains(want)) {
          return true;
        }
      }
      return false;
    }

    void alterIndex(Tokens t) {
      kind = "ALTER_INDEX";
      int k = 2;
      if (t.is(k, "if", "exists")) {
        k += 2;
      }
      if (t.is(k, "all", "in")) {
        fact("alter-other-object");
        return;
      }
      Name.Parsed p = Name.read(t, k);
      if (p == null) {
        fact("unrecognized");
        return;
      }
      int j = p.next();
      if (t.is(j, "rename")) {
        fact("alter-index-rename");
        lock(p.name(), SHARE_UPDATE_EXCLUSIVE);
      } else if ((t.is(j, "set") || t.is(j, "reset")) && t.isOp(j + 1, "(")) {
        fact("alter-index-set-storage-parameter");
        lock(p.name(), SHARE_UPDATE_EXCLUSIVE);
      } else if (t.is(j, "set", "tablespace")) {
        fact("alter-index-set-tablespace");
        lock(p.name(), ACCESS_EXCLUSIVE);
      } else if (t.is(j, "alter")) {
        fact("alter-index-set-statistics");
        lock(p.name(), SHARE_UPDATE_EXCLUSIVE);
      } else if (t.is(j, "attach", "partition")) {
        fact("alter-index-attach-partition");
        lock(p.name(), SHARE_UPDATE_EXCLUSIVE);
        Name.Parsed child = Name.read(t, j + 2);
        if (child != null) {
          lock(child.name(), ACCESS_EXCLUSIVE);
          Catalog.Index parentIndex = c.index(p.name().key());
          Catalog.Index childIndex = c.index(child.name().key());
          if (parentIndex != null) {
            lockKey(parentIndex.table, ACCESS_SHARE);
          }
          if (childIndex != null) {
            lockKey(childIndex.table, ACCESS_SHARE);
          }
        }
      } else {
        fact("alter-index-other");
        lock(p.name(), ACCESS_EXCLUSIVE);
      }
    }

    void alterView(Tokens t, boolean materialized) {
      kind = materialized ? "ALTER_MATERIALIZED_VIEW" : "ALTER_VIEW";
      int k = materialized ? 3 : 2;
      if (t.is(k, "if", "exists")) {
        k += 2;
      }
      Name.Parsed p = Name.read(t, k);
      if (p == null) {
        fact("unrecognized");
        return;
      }
      if (materialized) {
        List<AlterAction> actions = AlterAction.parse(t, p.next(), t.size());
        Catalog.Relation r = c.relation(p.name());
        String key = r != null ? r.key : p.name().key();
        for (AlterAction a : actions) {
          action(a, p.name(), key, r, true);
        }
        return;
      }
      fact("alter-view");
      lock(p.name(), ACCESS_EXCLUSIVE);
      if (t.is(p.next(), "rename")) {
        structural = true;
      }
    }

    void alterSequence(Tokens t) {
      kind = "ALTER_SEQUENCE";
      int k = 2;
      if (t.is(k, "if", "exists")) {
        k += 2;
      }
      Name.Parsed p = Name.read(t, k);
      if (p == null) {
        fact("unrecognized");
        return;
      }
      int j = p.next();
      if (t.is(j, "rename") || t.is(j, "set", "schema") || t.is(j, "owner")) {
        fact("alter-sequence-rename");
        lock(p.name(), ACCESS_EXCLUSIVE);
        return;
      }
      if (t.is(j, "set", "logged") || t.is(j, "set", "unlogged")) {
        fact("alter-sequence-set-logged");
        lock(p.name(), ACCESS_EXCLUSIVE);
        return;
      }
      fact("alter-sequence");
      lock(p.name(), SHARE_ROW_EXCLUSIVE);
      int owned = t.find(j, "owned");
      if (owned >= 0 && t.is(owned + 1, "by") && !t.is(owned + 2, "none")) {
        Name.Parsed col = Name.read(t, owned + 2);
        if (col != null && col.name().schema() != null) {
          lock(Name.of(col.name().schema()), ACCESS_SHARE);
        }
      }
    }

    // ---------------------------------------------------------------- CREATE

    void create(Tokens t) {
      int k = 1;
      boolean unique = false;
      boolean orReplace = false;
      while (true) {
        if (t.is(k, "or", "replace")) {
          orReplace = true;
          k += 2;
        } else if (t.is(k, "temp") || t.is(k, "temporary") || t.is(k, "global") || t.is(k, "local")
            || t.is(k, "unlogged") || t.is(k, "recursive") || t.is(k, "constraint") || t.is(k, "trusted")
            || t.is(k, "procedural")) {
          k++;
        } else if (t.is(k, "unique")) {
          unique = true;
          k++;
        } else {
          break;
        }
      }
      if (t.is(k, "index")) {
        createIndex(t, k + 1, unique);
      } else if (t.is(k, "table") || t.is(k, "foreign", "table")) {
        createTable(t, k + (t.is(k, "table") ? 1 : 2));
      } else if (t.is(k, "view")) {
        kind = "CREATE_VIEW";
        createView(t, k + 1, orReplace, false);
      } else if (t.is(k, "materialized", "view")) {
        kind = "CREATE_MATERIALIZED_VIEW";
        createView(t, k + 2, false, true);
      } else if (t.is(k, "trigger")) {
        kind = "CREATE_TRIGGER";
        int on = t.find(k, "on");
        Name.Parsed p = on < 0 ? null : Name.read(t, on + 1);
        fact("create-trigger");
        if (p != null) {
          lock(p.name(), SHARE_ROW_EXCLUSIVE);
        }
      } else if (t.is(k, "rule")) {
        kind = "CREATE_RULE";
        int to = t.find(k, "to");
        Name.Parsed p = to < 0 ? null : Name.read(t, to + 1);
        fact("create-rule");
        if (p != null) {
          lock(p.name(), ACCESS_EXCLUSIVE);
        }
      } else if (t.is(k, "policy")) {
        kind = "CREATE_POLICY";
        int on = t.find(k, "on");
        Name.Parsed p = on < 0 ? null : Name.read(t, on + 1);
        fact("create-policy");
        if (p != null) {
          lock(p.name(), ACCESS_EXCLUSIVE);
        }
      } else if (t.is(k, "sequence")) {
        kind = "CREATE_SEQUENCE";
        fact("create-sequence");
        int owned = t.find(k, "owned");
        if (owned >= 0 && t.is(owned + 1, "by") && !t.is(owned + 2, "none")) {
          Name.Parsed col = Name.read(t, owned + 2);
          if (col != null && col.name().schema() != null) {
            lock(Name.of(col.name().schema()), ACCESS_SHARE);
          }
        }
      } else if (t.is(k, "database") || t.is(k, "tablespace") || t.is(k, "subscription")) {
        kind = "CREATE_" + t.get(k).value().toUpperCase(Locale.ROOT);
        transactional = false;
        fact("create-database");
      } else {
        kind = "CREATE_" + t.get(k).value().toUpperCase(Locale.ROOT);
        fact("create-other-object");
      }
    }

    void createIndex(Tokens t, int k, boolean unique) {
      kind = "CREATE_INDEX";
      boolean concurrently = false;
      if (t.is(k, "concurrently")) {
        concurrently = true;
        k++;
      }
      if (t.is(k, "if", "not", "exists")) {
        k += 3;
      }
      if (!t.is(k, "on")) {
        Name.Parsed n = Name.read(t, k);
        if (n != null) {
          k = n.next();
        }
      }
      if (!t.is(k, "on")) {
        fact("unrecognized");
        return;
      }
      k++;
      boolean only = false;
      if (t.is(k, "only")) {
        only = true;
        k++;
      }
      Name.Parsed table = Name.read(t, k);
      if (table == null) {
        fact("unrecognized");
        return;
      }
      String key = table.name().key();
      if (concurrently) {
        transactional = false;
        fact("create-index-concurrently");
        lock(table.name(), SHARE_UPDATE_EXCLUSIVE);
      } else {
        fact("create-index");
        lock(table.name(), SHARE);
        if (!only) {
          for (Catalog.Relation d : c.descendants(key)) {
            fact("create-index-partitioned");
            lockKey(d.key, SHARE);
          }
        }
      }
      if (!isPartitioned(key)) {
        scanTable(key);
      } else if (!only) {
        for (Catalog.Relation d : c.descendants(key)) {
          scanTable(d.key);
        }
      }
    }

    void createTable(Tokens t, int k) {
      kind = "CREATE_TABLE";
      if (t.is(k, "if", "not", "exists")) {
        k += 3;
      }
      Name.Parsed p = Name.read(t, k);
      if (p == null) {
        fact("unrecognized");
        return;
      }
      if (c.relation(p.name()) != null && t.is(k - 1, "exists")) {
        fact("create-table-if-not-exists-noop");
        return;
      }
      created.add(p.name().key());
      int j = p.next();
      boolean any = false;
      if (t.is(j, "partition", "of")) {
        Name.Parsed parent = Name.read(t, j + 2);
        if (parent != null) {
          any = true;
          fact("create-table-partition-of");
          lock(parent.name(), ACCESS_EXCLUSIVE);
          Catalog.Relation pr = c.relation(parent.name());
          String pkey = pr != null ? pr.key : parent.name().key();
          for (Catalog.Index i : c.indexesOf(pkey)) {
            lock(i.key, i.name.display(), SHARE_UPDATE_EXCLUSIVE);
          }
          int forValues = t.find(parent.next(), "for");
          if (t.find(parent.next(), "default") < 0 || forValues >= 0) {
            // The default partition is checked for rows of the new one, unless a validated CHECK on it
            // excludes the new bound.
            List<String> values = forValues >= 0 ? boundValues(t.text(forValues, t.size() - 1)) : List.of();
            for (Catalog.Relation sibling : c.children(pkey)) {
              if ("DEFAULT".equals(sibling.partitionBound)) {
                lockKey(sibling.key, ACCESS_EXCLUSIVE);
                if (checkImplies(sibling, values, true)) {
                  fact("create-table-partition-of-default-with-check");
                } else {
                  fact("create-table-partition-of-scans-default");
                  scanTable(sibling.key);
                }
              }
            }
          }
          // Foreign keys of the parent are cloned onto the partition: the referenced tables are locked.
          if (pr != null) {
            for (Catalog.Constraint con : pr.constraints) {
              if (con.type == Catalog.ConstraintType.FOREIGN_KEY && con.refTable != null) {
                lockKey(con.refTable, SHARE_ROW_EXCLUSIVE);
              }
            }
          }
          j = parent.next();
        }
      }
      if (t.isOp(j, "(")) {
        int close = t.closing(j);
        for (int[] part : t.commaSeparated(j + 1, close)) {
          createTableElement(t, part[0], part[1], p.name());
        }
        j = close + 1;
      }
      int as = t.find(p.next(), "as");
      if (as >= 0 && (t.is(as + 1, "select") || t.is(as + 1, "with") || t.is(as + 1, "values")
          || t.is(as + 1, "table") || t.isOp(as + 1, "("))) {
        any = true;
        fact("create-table-as");
        boolean noData = t.find(as, "with") >= 0 && t.is(t.find(as, "with") + 1, "no", "data");
        for (String read : readRelations(t, as + 1)) {
          if (noData) {
            lockKey(read, ACCESS_SHARE);
          } else {
            planRead(read, ACCESS_SHARE);
            scanTable(read);
          }
        }
      }
      int inh = t.find(j, "inherits");
      if (inh >= 0 && t.isOp(inh + 1, "(")) {
        any = true;
        fact("create-table-inherits");
        for (int[] part : t.commaSeparated(inh + 2, t.closing(inh + 1))) {
          Name.Parsed parent = Name.read(t, part[0]);
          if (parent != null) {
            lock(parent.name(), SHARE_UPDATE_EXCLUSIVE);
          }
        }
      }
      if (!any && facts.isEmpty()) {
        fact("create-table");
      }
    }

    void createTableElement(Tokens t, int a, int e, Name table) {
      if (t.is(a, "like")) {
        Name.Parsed src = Name.read(t, a + 1);
        if (src != null) {
          fact("create-table-like");
          lock(src.name(), ACCESS_SHARE);
        }
        return;
      }
      // Any REFERENCES in the element: the referenced table gets SHARE ROW EXCLUSIVE.
      for (int i = a; i < e; i++) {
        if (t.is(i, "references")) {
          Name.Parsed ref = Name.read(t, i + 1);
          if (ref != null && !ref.name().key().equals(table.key())) {
            fact(v >= 14 ? "create-table-references" : "create-table-references-pg13");
            lock(ref.name(), SHARE_ROW_EXCLUSIVE);
            Catalog.Relation rr = c.relation(ref.name());
            if (v >= 14 && rr != null) {
              lockReferencedKeyIndex(rr.key, null);
            }
          }
        }
      }
    }

    void createView(Tokens t, int k, boolean orReplace, boolean materialized) {
      if (t.is(k, "if", "not", "exists")) {
        k += 3;
      }
      Name.Parsed p = Name.read(t, k);
      if (p == null) {
        fact("unrecognized");
        return;
      }
      Catalog.Relation existing = c.relation(p.name());
      if (existing != null && orReplace) {
        fact("create-or-replace-view");
        lock(p.name(), ACCESS_EXCLUSIVE);
      } else {
        fact(materialized ? "create-materialized-view" : "create-view");
        created.add(p.name().key());
      }
      int as = t.find(p.next(), "as");
      if (as < 0) {
        return;
      }
      boolean noData = false;
      for (int i = as; i < t.size(); i++) {
        if (t.is(i, "with", "no", "data")) {
          noData = true;
        }
      }
      for (String read : readRelations(t, as + 1)) {
        if (materialized && !noData) {
          planRead(read, ACCESS_SHARE);
          scanTable(read);
        } else {
          lockKey(read, ACCESS_SHARE);
        }
      }
    }

    /** Existing relations a query names (FROM, JOIN, subqueries), by catalog key. */
    List<String> readRelations(Tokens t, int from) {
      List<String> out = new ArrayList<>();
      for (int j = from; j < t.size(); j++) {
        if (t.get(j).isName() && !t.isOp(j - 1, ".") && !t.isOp(j + 1, "(")) {
          Name.Parsed p = Name.read(t, j);
          String key = p.name().key();
          if (c.relation(key) != null && !out.contains(key) && isRelationPosition(t, j)) {
            out.add(key);
          }
          j = p.next() - 1;
        }
      }
      return out;
    }

    /** After FROM, JOIN, a comma in a FROM list, UPDATE, INTO, USING, TABLE, ONLY. */
    boolean isRelationPosition(Tokens t, int j) {
      Tokens.Token prev = t.get(j - 1);
      if (prev.is("from") || prev.is("join") || prev.is("update") || prev.is("into") || prev.is("using")
          || prev.is("table") || prev.is("only") || prev.is("lateral")) {
        return true;
      }
      if (prev.isOp(",")) {
        // a comma inside a FROM list: look back for FROM before any SELECT-list boundary
        int depth = 0;
        for (int i = j - 1; i >= 0; i--) {
          if (t.isOp(i, ")")) {
            depth++;
          } else if (t.isOp(i, "(")) {
            if (depth == 0) {
              return false;
            }
            depth--;
          } else if (depth == 0 && (t.is(i, "from") || t.is(i, "using"))) {
            return true;
          } else if (depth == 0 && (t.is(i, "select") || t.is(i, "where") || t.is(i, "set") || t.is(i, "on")
              || t.is(i, "group") || t.is(i, "order") || t.is(i, "values"))) {
            return false;
          }
        }
      }
      return false;
    }

    // ---------------------------------------------------------------- DROP

    void drop(Tokens t) {
      int k = 1;
      String what = t.get(k).value();
      if (t.is(k, "materialized", "view")) {
        what = "materialized view";
        k += 2;
      } else if (t.is(k, "foreign", "table")) {
        what = "table";
        k += 2;
      } else {
        k++;
      }
      kind = "DROP_" + what.toUpperCase(Locale.ROOT).replace(' ', '_');
      boolean concurrently = false;
      if (t.is(k, "concurrently")) {
        concurrently = true;
        k++;
      }
      if (t.is(k, "if", "exists")) {
        k += 2;
      }
      boolean cascade = t.find(k, "cascade") >= 0;
      switch (what) {
        case "table" -> {
          fact("drop-table");
          structural = true;
          for (int[] part : t.commaSeparated(k, t.size())) {
            Name.Parsed p = Name.read(t, part[0]);
            if (p != null) {
              dropTable(p.name(), cascade);
            }
          }
        }
        case "index" -> {
          for (int[] part : t.commaSeparated(k, t.size())) {
            Name.Parsed p = Name.read(t, part[0]);
            if (p == null) {
              continue;
            }
            Catalog.Index idx = c.index(p.name().key());
            if (concurrently) {
              transactional = false;
              fact("drop-index-concurrently");
              if (idx != null) {
                lockKey(idx.table, SHARE_UPDATE_EXCLUSIVE);
              }
              lock(p.name(), ACCESS_EXCLUSIVE);
            } else {
              fact("drop-index");
              if (idx != null) {
                lockKey(idx.table, ACCESS_EXCLUSIVE);
                lock(p.name(), ACCESS_EXCLUSIVE);
                // A partitioned index drops the partitions' indexes attached to it.
                for (Catalog.Relation d : c.descendants(idx.table)) {
                  fact("drop-index-partitioned");
                  lockKey(d.key, ACCESS_EXCLUSIVE);
                  for (Catalog.Index child : c.indexesOf(d.key)) {
                    if (child.columns.equals(idx.columns) && child.unique == idx.unique) {
                      lock(child.key, child.name.display(), ACCESS_EXCLUSIVE);
                    }
                  }
                }
              }
              lock(p.name(), ACCESS_EXCLUSIVE);
            }
          }
        }
        case "view", "materialized view" -> {
          fact(what.equals("view") ? "drop-view" : "drop-materialized-view");
          for (int[] part : t.commaSeparated(k, t.size())) {
            Name.Parsed p = Name.read(t, part[0]);
            if (p != null) {
              lock(p.name(), ACCESS_EXCLUSIVE);
              Catalog.Relation r = c.relation(p.name());
              if (r != null) {
                lockIndexes(r.key, ACCESS_EXCLUSIVE);
                if (cascade) {
                  dropDependentViews(r.key);
                }
              }
            }
          }
        }
        case "sequence" -> {
          fact("drop-sequence");
          for (int[] part : t.commaSeparated(k, t.size())) {
            Name.Parsed p = Name.read(t, part[0]);
            if (p != null) {
              lock(p.name(), ACCESS_EXCLUSIVE);
            }
          }
        }
        case "trigger", "rule", "policy" -> {
          fact("drop-" + what);
          int on = t.find(k, "on");
          Name.Parsed p = on < 0 ? null : Name.read(t, on + 1);
          if (p != null) {
            lock(p.name(), ACCESS_EXCLUSIVE);
          }
        }
        case "database", "tablespace", "subscription" -> {
          fact("create-database");
          transactional = false;
        }
        default -> fact("drop-other-object");
      }
    }

    void dropTable(Name name, boolean cascade) {
      Catalog.Relation r = c.relation(name);
      lock(name, ACCESS_EXCLUSIVE);
      if (r == null) {
        return;
      }
      lockIndexes(r.key, ACCESS_EXCLUSIVE);
      if (r.partitionOf != null) {
        lockKey(r.partitionOf, ACCESS_EXCLUSIVE);
      }
      for (Catalog.Relation d : c.descendants(r.key)) {
        if (r.kind == Catalog.Kind.PARTITIONED_TABLE || cascade) {
          lockKey(d.key, ACCESS_EXCLUSIVE);
          lockIndexes(d.key, ACCESS_EXCLUSIVE);
        }
      }
      for (Catalog.Constraint con : r.constraints) {
        if (con.type == Catalog.ConstraintType.FOREIGN_KEY && con.refTable != null && !con.refTable.equals(r.key)) {
          lockKey(con.refTable, ACCESS_EXCLUSIVE);
        }
      }
      if (cascade) {
        fact("drop-table-cascade");
        for (String referencing : c.referencedBy(r.key)) {
          lockKey(referencing, ACCESS_EXCLUSIVE);
        }
        dropDependentViews(r.key);
      }
      for (Catalog.Relation s : c.ownedSequences(r.key)) {
        lockKey(s.key, ACCESS_EXCLUSIVE);
      }
    }

    void dropDependentViews(String key) {
      for (Catalog.Relation view : c.dependentViews(key)) {
        if (!locks.containsKey(view.key)) {
          lockKey(view.key, ACCESS_EXCLUSIVE);
          lockIndexes(view.key, ACCESS_EXCLUSIVE);
          dropDependentViews(view.key);
        }
      }
    }

    // ---------------------------------------------------------------- maintenance

    void truncate(Tokens t) {
      kind = "TRUNCATE";
      fact("truncate");
      structural = true;
      int k = 1;
      if (t.is(k, "table")) {
        k++;
      }
      boolean cascade = t.find(k, "cascade") >= 0;
      boolean restart = t.find(k, "restart") >= 0;
      List<String> keys = new ArrayList<>();
      for (int[] part : t.commaSeparated(k, t.size())) {
        int a = part[0];
        boolean only = false;
        if (t.is(a, "only")) {
          only = true;
          a++;
        }
        Name.Parsed p = Name.read(t, a);
        if (p == null) {
          continue;
        }
        lock(p.name(), ACCESS_EXCLUSIVE);
        Catalog.Relation r = c.relation(p.name());
        String key = r != null ? r.key : p.name().key();
        keys.add(key);
        if (!only) {
          for (Catalog.Relation d : c.descendants(key)) {
            keys.add(d.key);
          }
        }
      }
      if (cascade) {
        fact("truncate-cascade");
        for (int i = 0; i < keys.size(); i++) {
          for (String ref : c.referencedBy(keys.get(i))) {
            if (!keys.contains(ref)) {
              keys.add(ref);
            }
          }
        }
      }
      for (String key : keys) {
        lockKey(key, ACCESS_EXCLUSIVE);
        if (!isPartitioned(key)) {
          rewrite = true;
          lockIndexes(key, ACCESS_EXCLUSIVE);
        }
        if (restart) {
          for (Catalog.Relation s : c.ownedSequences(key)) {
            lockKey(s.key, ACCESS_EXCLUSIVE);
          }
        }
      }
    }

    void vacuum(Tokens t) {
      kind = "VACUUM";
      transactional = false;
      boolean full = false;
      int k = 1;
      if (t.isOp(k, "(")) {
        int close = t.closing(k);
        for (int i = k + 1; i < close; i++) {
          if (t.is(i, "full") && !t.is(i + 1, "false") && !t.is(i + 1, "off") && !t.isOp(i + 1, "0")) {
            full = true;
          }
        }
        k = close + 1;
      }
      while (t.is(k, "full") || t.is(k, "freeze") || t.is(k, "verbose") || t.is(k, "analyze")
          || t.is(k, "analyse")) {
        full |= t.is(k, "full");
        k++;
      }
      fact(full ? "vacuum-full" : "vacuum");
      for (int[] part : t.commaSeparated(k, t.size())) {
        Name.Parsed p = Name.read(t, part[0]);
        if (p == null) {
          continue;
        }
        Catalog.Relation r = c.relation(p.name());
        String key = r != null ? r.key : p.name().key();
        if (full) {
          lock(p.name(), ACCESS_EXCLUSIVE);
          rewriteTable(key);
          structural = true;
        } else {
          lock(p.name(), SHARE_UPDATE_EXCLUSIVE);
          scanTable(key);
        }
      }
    }

    void analyze(Tokens t) {
      kind = "ANALYZE";
      fact("analyze");
      int k = 1;
      if (t.isOp(k, "(")) {
        k = t.closing(k) + 1;
      }
      if (t.is(k, "verbose")) {
        k++;
      }
      for (int[] part : t.commaSeparated(k, t.size())) {
        Name.Parsed p = Name.read(t, part[0]);
        if (p == null) {
          continue;
        }
        lock(p.name(), SHARE_UPDATE_EXCLUSIVE);
        Catalog.Relation r = c.relation(p.name());
        if (r != null) {
          lockIndexes(r.key, ACCESS_SHARE);
        }
      }
    }

    void cluster(Tokens t) {
      kind = "CLUSTER";
      int k = 1;
      if (t.isOp(k, "(")) {
        k = t.closing(k) + 1;
      }
      if (t.is(k, "verbose")) {
        k++;
      }
      Name.Parsed p = Name.read(t, k);
      if (p == null) {
        fact("cluster-all");
        transactional = false;
        return;
      }
      fact("cluster");
      structural = true;
      lock(p.name(), ACCESS_EXCLUSIVE);
      Catalog.Relation r = c.relation(p.name());
      rewriteTable(r != null ? r.key : p.name().key());
    }

    void reindex(Tokens t) {
      kind = "REINDEX";
      int k = 1;
      if (t.isOp(k, "(")) {
        k = t.closing(k) + 1;
      }
      String what = t.get(k).value();
      k++;
      boolean concurrently = false;
      if (t.is(k, "concurrently")) {
        concurrently = true;
        k++;
      }
      Name.Parsed p = Name.read(t, k);
      if (what.equals("schema") || what.equals("database") || what.equals("system") || p == null) {
        fact("reindex-schema-or-database");
        transactional = false;
        return;
      }
      if (concurrently) {
        transactional = false;
        fact("reindex-concurrently");
        // The new index is built under SHARE UPDATE EXCLUSIVE (reading the table: a build scan and a
        // validation scan); the old one is dropped under ACCESS EXCLUSIVE.
        if (what.equals("index")) {
          Catalog.Index idx = c.index(p.name().key());
          if (idx != null) {
            lockKey(idx.table, SHARE_UPDATE_EXCLUSIVE);
            scanTable(idx.table);
          }
          lock(p.name(), ACCESS_EXCLUSIVE);
        } else {
          lock(p.name(), SHARE_UPDATE_EXCLUSIVE);
          Catalog.Relation r = c.relation(p.name());
          scanTable(r != null ? r.key : p.name().key());
          if (r != null) {
            lockIndexes(r.key, ACCESS_EXCLUSIVE);
          }
        }
        return;
      }
      if (what.equals("index")) {
        fact("reindex-index");
        Catalog.Index idx = c.index(p.name().key());
        if (idx != null) {
          lockKey(idx.table, SHARE);
          tables.add(idx.table);
        }
        lock(p.name(), ACCESS_EXCLUSIVE);
      } else {
        fact("reindex-table");
        lock(p.name(), SHARE);
        Catalog.Relation r = c.relation(p.name());
        if (r != null) {
          lockIndexes(r.key, ACCESS_EXCLUSIVE);
          tables.add(r.key);
        }
      }
      scan = true;
    }

    void refresh(Tokens t) {
      kind = "REFRESH_MATERIALIZED_VIEW";
      int k = 3;
      boolean concurrently = false;
      if (t.is(k, "concurrently")) {
        concurrently = true;
        k++;
      }
      Name.Parsed p = Name.read(t, k);
      if (p == null) {
        fact("unrecognized");
        return;
      }
      Catalog.Relation r = c.relation(p.name());
      boolean noData = t.find(k, "with") >= 0 && t.is(t.find(k, "with") + 1, "no", "data");
      if (concurrently) {
        fact("refresh-materialized-view-concurrently");
        lock(p.name(), EXCLUSIVE);
        if (r != null) {
          lockIndexes(r.key, ROW_EXCLUSIVE); // the diff is applied with INSERT/UPDATE/DELETE
        }
      } else {
        fact("refresh-materialized-view");
        lock(p.name(), ACCESS_EXCLUSIVE);
        rewrite = true;
        if (r != null) {
          lockIndexes(r.key, ACCESS_EXCLUSIVE);
        }
      }
      if (r != null && !noData) {
        for (String read : r.reads) {
          planRead(read, ACCESS_SHARE);
          scanTable(read);
        }
      }
    }

    void lockTable(Tokens t) {
      kind = "LOCK_TABLE";
      int k = 1;
      if (t.is(k, "table")) {
        k++;
      }
      int in = t.find(k, "in");
      int end = in < 0 ? t.size() : in;
      LockMode mode = ACCESS_EXCLUSIVE;
      if (in >= 0) {
        int m = t.find(in, "mode");
        if (m > in + 1) {
          StringBuilder words = new StringBuilder();
          for (int i = in + 1; i < m; i++) {
            words.append(t.get(i).value()).append(' ');
          }
          try {
            mode = LockMode.fromSql(words.toString());
          } catch (IllegalArgumentException e) {
            mode = ACCESS_EXCLUSIVE;
          }
        }
      }
      fact("lock-table");
      for (int[] part : t.commaSeparated(k, end)) {
        int a = part[0];
        boolean only = false;
        if (t.is(a, "only")) {
          only = true;
          a++;
        }
        Name.Parsed p = Name.read(t, a);
        if (p == null) {
          continue;
        }
        lock(p.name(), mode);
        Catalog.Relation r = c.relation(p.name());
        if (r == null) {
          continue;
        }
        if (r.kind == Catalog.Kind.VIEW) {
          fact("lock-table-view");
          lockViewBase(r, mode);
        }
        if (!only) {
          for (Catalog.Relation d : c.descendants(r.key)) {
            lockKey(d.key, mode);
          }
        }
      }
    }

    void lockViewBase(Catalog.Relation view, LockMode mode) {
      lockViewBase(view, mode, new LinkedHashSet<>());
    }

    private void lockViewBase(Catalog.Relation view, LockMode mode, Set<String> seen) {
      if (!seen.add(view.key)) {
        return;
      }
      for (String read : view.reads) {
        lockKey(read, mode);
        Catalog.Relation r = c.relation(read);
        if (r != null && r.kind == Catalog.Kind.VIEW) {
          lockViewBase(r, mode, seen);
        }
      }
    }

    // ---------------------------------------------------------------- DML and others

    void dml(Tokens t) {
      int k = 0;
      // WITH …: the CTEs' statements, then the main statement
      String verb = t.get(0).value();
      if (verb.equals("with")) {
        kind = "WITH";
        int depth = 0;
        for (int i = 1; i < t.size(); i++) {
          if (t.isOp(i, "(")) {
            depth++;
          } else if (t.isOp(i, ")")) {
            depth--;
          } else if (depth == 0 && t.get(i).type() == Tokens.Type.WORD
              && Set.of("select", "insert", "update", "delete", "merge").contains(t.get(i).value())) {
            k = i;
            verb = t.get(i).value();
            break;
          }
        }
        // data-modifying CTEs
        for (int i = 1; i < k; i++) {
          if (t.isOp(i, "(") && (t.is(i + 1, "update") || t.is(i + 1, "delete") || t.is(i + 1, "insert"))) {
            Tokens inner = Tokens.of(t.text(i + 1, t.closing(i) - 1));
            dmlStatement(inner, 0, inner.get(0).value());
          }
        }
      }
      dmlStatement(t, k, verb);
    }

    void dmlStatement(Tokens t, int k, String verb) {
      switch (verb) {
        case "insert" -> {
          kind = "INSERT";
          data = true;
          int into = k + 2;
          Name.Parsed p = Name.read(t, into);
          if (p == null) {
            fact("unrecognized");
            return;
          }
          lock(p.name(), ROW_EXCLUSIVE);
          Catalog.Relation r = c.relation(p.name());
          boolean onConflict = false;
          for (int i = p.next(); i < t.size(); i++) {
            if (t.is(i, "on", "conflict")) {
              onConflict = true;
            }
          }
          if (onConflict && r != null) {
            fact("insert-on-conflict");
            lockIndexes(r.key, ROW_EXCLUSIVE);
          } else {
            fact("insert");
          }
          if (t.find(p.next(), "select") >= 0) {
            fact("insert-select");
          }
          readsIn(t, p.next(), r == null ? p.name().key() : r.key);
          if (r != null) {
            sequencesOf(r, t, p.next());
          }
          if (r != null && r.kind == Catalog.Kind.PARTITIONED_TABLE) {
            for (String part : routedPartitions(r, t, p.next())) {
              fact("insert-partitioned");
              lockKey(part, ROW_EXCLUSIVE);
            }
          }
        }
        case "update", "delete" -> {
          kind = verb.toUpperCase(Locale.ROOT);
          data = true;
          int a = k + (verb.equals("delete") ? 2 : 1);
          boolean only = false;
          if (t.is(a, "only")) {
            only = true;
            a++;
          }
          Name.Parsed p = Name.read(t, a);
          if (p == null) {
            fact("unrecognized");
            return;
          }
          fact(verb);
          lock(p.name(), ROW_EXCLUSIVE);
          Catalog.Relation r = c.relation(p.name());
          String key = r != null ? r.key : p.name().key();
          if (r != null) {
            if (r.kind != Catalog.Kind.PARTITIONED_TABLE || v >= 16) {
              lockIndexes(key, ROW_EXCLUSIVE);
            }
            if (!only) {
              for (Catalog.Relation d : c.descendants(key)) {
                lockKey(d.key, ROW_EXCLUSIVE);
                if (d.kind != Catalog.Kind.PARTITIONED_TABLE || v >= 16) {
                  lockIndexes(d.key, ROW_EXCLUSIVE);
                }
              }
            }
            if (r.kind == Catalog.Kind.PARTITIONED_TABLE && v <= 13) {
              lockKey(key, ROW_EXCLUSIVE); // PostgreSQL 13 also opens the parent for reading (weaker)
            }
            if (r.kind == Catalog.Kind.VIEW) {
              for (String read : r.reads) {
                planRead(read, ROW_EXCLUSIVE);
              }
            }
          }
          if (t.find(p.next(), "where") < 0) {
            fact(verb.equals("update") ? "update-all-rows" : "delete");
            scanTable(key);
          }
          readsIn(t, p.next(), key);
        }
        case "merge" -> {
          kind = "MERGE";
          data = true;
          fact("merge");
          Name.Parsed p = Name.read(t, k + 2);
          if (p != null) {
            lock(p.name(), ROW_EXCLUSIVE);
            Catalog.Relation r = c.relation(p.name());
            if (r != null) {
              lockIndexes(r.key, ROW_EXCLUSIVE);
            }
            readsIn(t, p.next(), r == null ? p.name().key() : r.key);
          }
        }
        case "copy" -> {
          kind = "COPY";
          Name.Parsed p = Name.read(t, k + 1);
          boolean from = t.find(k, "from") >= 0;
          if (p != null && !t.isOp(k + 1, "(")) {
            if (from) {
              data = true;
              fact("copy-from");
              lock(p.name(), ROW_EXCLUSIVE);
            } else {
              fact("copy-to");
              lock(p.name(), ACCESS_SHARE);
              Catalog.Relation r = c.relation(p.name());
              scanTable(r != null ? r.key : p.name().key()); // COPY table TO reads every row
            }
          } else {
            fact("select");
            readsIn(t, k, null);
          }
        }
        default -> {
          kind = "SELECT";
          fact("select");
          boolean forUpdate = false;
          for (int i = k; i < t.size(); i++) {
            if (t.is(i, "for", "update") || t.is(i, "for", "share") || t.is(i, "for", "no", "key")
                || t.is(i, "for", "key", "share")) {
              forUpdate = true;
            }
          }
          readsIn(t, k, null);
          if (forUpdate) {
            fact("select-for-update");
            for (Held h : locks.values()) {
              h.mode = h.mode.strongest(ROW_SHARE);
            }
          }
        }
      }
    }

    /** Tables a statement reads (FROM/JOIN/USING/subqueries): ACCESS SHARE with their indexes. */
    void readsIn(Tokens t, int from, String except) {
      for (String read : readRelations(t, from)) {
        if (read.equals(except)) {
          continue;
        }
        Catalog.Relation r = c.relation(read);
        if (r != null && r.kind == Catalog.Kind.SEQUENCE) {
          continue;
        }
        planRead(read, ACCESS_SHARE);
      }
      // nextval('seq') takes ROW EXCLUSIVE on the sequence.
      for (int i = from; i < t.size(); i++) {
        if ((t.is(i, "nextval") || t.is(i, "setval")) && t.isOp(i + 1, "(") && t.get(i + 2).type() == Tokens.Type.STRING) {
          Name seq = Name.of(t.get(i + 2).value().toLowerCase(Locale.ROOT).replace("\"", ""));
          if (c.relation(seq) != null) {
            fact("nextval");
            lockKey(seq.key(), ROW_EXCLUSIVE);
          }
        }
      }
    }

    /**
     * The partitions an INSERT … VALUES routes its rows to, when the partition key is one column and
     * the values are literals (LIST and RANGE bounds; else the DEFAULT partition). Others: none known.
     */
    List<String> routedPartitions(Catalog.Relation parent, Tokens t, int from) {
      List<String> out = new ArrayList<>();
      if (parent.partitionKey.size() != 1 || parent.partitionKey.get(0) == null) {
        return out;
      }
      List<String> columns = new ArrayList<>();
      int k = from;
      if (t.isOp(k, "(")) {
        for (int[] part : t.commaSeparated(k + 1, t.closing(k))) {
          columns.add(t.get(part[0]).value());
        }
        k = t.closing(k) + 1;
      } else {
        columns.addAll(parent.columns.keySet());
      }
      if (t.is(k, "overriding")) {
        k += 3;
      }
      if (!t.is(k, "values")) {
        return out;
      }
      int position = columns.indexOf(parent.partitionKey.get(0));
      if (position < 0) {
        return out;
      }
      k++;
      while (t.isOp(k, "(")) {
        int close = t.closing(k);
        List<int[]> values = t.commaSeparated(k + 1, close);
        if (position < values.size()) {
          int[] v = values.get(position);
          String literal = literal(t, v[0], v[1]);
          String part = literal == null ? null : route(parent, literal);
          if (part != null && !out.contains(part)) {
            out.add(part);
          }
        }
        k = close + 1;
        if (t.isOp(k, ",")) {
          k++;
        }
      }
      return out;
    }

    private String literal(Tokens t, int a, int e) {
      if (e - a == 1 && (t.get(a).type() == Tokens.Type.NUMBER || t.get(a).type() == Tokens.Type.STRING)) {
        return t.get(a).value();
      }
      if (e - a == 2 && t.isOp(a, "-") && t.get(a + 1).type() == Tokens.Type.NUMBER) {
        return "-" + t.get(a + 1).value();
      }
      return null;
    }

    private String route(Catalog.Relation parent, String value) {
      String fallback = null;
      for (Catalog.Relation child : c.children(parent.key)) {
        if (!parent.key.equals(child.partitionOf) || child.partitionBound == null) {
          continue;
        }
        if (child.partitionBound.equals("DEFAULT")) {
          fallback = child.key;
          continue;
        }
        Tokens b = Tokens.of(child.partitionBound);
        int in = b.find(0, "in");
        int fromAt = b.find(0, "from");
        boolean match = false;
        if (in >= 0 && b.isOp(in + 1, "(")) {
          for (int[] part : b.commaSeparated(in + 2, b.closing(in + 1))) {
            String lit = literal(b, part[0], part[1]);
            match |= lit != null && compare(lit, value) == 0;
          }
        } else if (fromAt >= 0 && b.isOp(fromAt + 1, "(")) {
          int close = b.closing(fromAt + 1);
          String lo = literal(b, fromAt + 2, close);
          int to = b.find(close + 1, "to");
          String hi = to >= 0 ? literal(b, to + 2, b.closing(to + 1)) : null;
          boolean loOk = b.is(fromAt + 2, "minvalue") || (lo != null && compare(lo, value) <= 0);
          boolean hiOk = to >= 0 && (b.is(to + 2, "maxvalue") || (hi != null && compare(value, hi) < 0));
          match = loOk && hiOk;
        }
        if (match) {
          if (child.kind == Catalog.Kind.PARTITIONED_TABLE) {
            return null; // sub-partitioned: the leaf depends on another key
          }
          return child.key;
        }
      }
      return fallback;
    }

    private static int compare(String a, String b) {
      try {
        return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b));
      } catch (NumberFormatException e) {
        return a.compareTo(b);
      }
    }

    /** INSERT fills serial/identity defaults from their sequences. */
    void sequencesOf(Catalog.Relation r, Tokens t, int from) {
      for (Catalog.Column col : r.columns.values()) {
        String d = col.defaultExpr == null ? null : col.defaultExpr.toLowerCase(Locale.ROOT);
        Name seq = null;
        if (d != null && d.startsWith("nextval('")) {
          String s = d.substring(9, d.indexOf('\'', 9));
          seq = Name.of(s.replace("\"", ""));
        } else if (col.identity != null) {
          seq = r.name.sibling(r.name.name() + "_" + col.name + "_seq");
        }
        if (seq != null && c.relation(seq) != null && insertUsesDefault(t, from, col.name)) {
          lockKey(seq.key(), ROW_EXCLUSIVE);
        }
      }
    }

    boolean insertUsesDefault(Tokens t, int from, String column) {
      if (!t.isOp(from, "(")) {
        return !t.is(from, "default", "values") || true;
      }
      List<String> cols = new ArrayList<>();
      for (int[] part : t.commaSeparated(from + 1, t.closing(from))) {
        cols.add(t.get(part[0]).value());
      }
      return !cols.contains(column);
    }

    void comment(Tokens t) {
      kind = "COMMENT";
      int k = 2;
      if (t.is(1, "on", "table") || t.is(1, "on", "column") || t.is(1, "on", "index")
          || t.is(1, "on", "view") || t.is(1, "on", "materialized") || t.is(1, "on", "sequence")) {
        k = t.is(1, "on", "materialized") ? 4 : 3;
        Name.Parsed p = Name.read(t, k);
        if (p != null) {
          Name target = p.name();
          if (t.is(2, "column")) {
            target = p.name().schema() == null ? p.name() : Name.of(p.name().schema());
          }
          fact("comment-on-relation");
          lock(target, SHARE_UPDATE_EXCLUSIVE);
          return;
        }
      }
      fact("comment-on-other");
    }

    void grant(Tokens t) {
      kind = t.get(0).value().toUpperCase(Locale.ROOT);
      int on = t.find(1, "on");
      if (on < 0 || t.is(on + 1, "all") || t.is(on + 1, "schema") || t.is(on + 1, "function")
          || t.is(on + 1, "sequence") || t.is(on + 1, "database") || t.is(on + 1, "type")
          || t.is(on + 1, "procedure") || t.is(on + 1, "routine") || t.is(on + 1, "language")
          || t.is(on + 1, "large") || t.is(on + 1, "foreign") || t.is(on + 1, "domain") || t.is(on + 1, "tablespace")
          || t.is(on + 1, "parameter")) {
        fact("grant-other");
        return;
      }
      int a = on + 1;
      if (t.is(a, "table")) {
        a++;
      }
      int to = t.find(a, t.is(0, "grant") ? "to" : "from");
      fact(v >= 18 ? "grant-on-table" : "grant-on-table-pg13");
      if (v < 18) {
        return;
      }
      for (int[] part : t.commaSeparated(a, to < 0 ? t.size() : to)) {
        Name.Parsed p = Name.read(t, part[0]);
        if (p != null) {
          lock(p.name(), ACCESS_SHARE);
        }
      }
    }

    void doBlock(Tokens t) {
      kind = "DO";
      fact("do-block");
      for (String inner : DoBlocks.statements(t)) {
        Run sub = new Run(c, v);
        try {
          sub.statement(Tokens.of(inner));
        } catch (RuntimeException e) {
          continue;
        }
        for (Map.Entry<String, Held> e : sub.locks.entrySet()) {
          if (!sub.created.contains(e.getKey())) {
            lock(e.getKey(), e.getValue().display, e.getValue().mode);
          }
        }
        created.addAll(sub.created);
        rewrite |= sub.rewrite;
        scan |= sub.scan;
        data |= sub.data;
        structural |= sub.structural;
        tables.addAll(sub.tables);
        for (String f : sub.facts) {
          fact(f);
        }
      }
    }
  }
}
