package slipway.core.lock;

import static slipway.core.lock.LockMode.ACCESS_EXCLUSIVE;
import static slipway.core.lock.LockMode.ACCESS_SHARE;
import static slipway.core.lock.LockMode.EXCLUSIVE;
import static slipway.core.lock.LockMode.ROW_EXCLUSIVE;
import static slipway.core.lock.LockMode.ROW_SHARE;
import static slipway.core.lock.LockMode.SHARE;
import static slipway.core.lock.LockMode.SHARE_ROW_EXCLUSIVE;
import static slipway.core.lock.LockMode.SHARE_UPDATE_EXCLUSIVE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lock model's facts, one row each: its own setup and example, the mode on every relation the
 * example locks (exactly as {@code pg_locks} shows them), whether it rewrites, scans, and may run in
 * a transaction block, and the PostgreSQL majors it holds for. LockFactsMatchServerTest runs every
 * row on the real server (13–18 with {@code -Pall-majors}) and checks that {@link LockModel} picks
 * the row for its example; docs/lock-model.md lists them.
 */
public final class LockFacts {
  private LockFacts() {}

  /** One fact; build with {@link #fact} and the chained setters (rows are immutable once listed). */
  public static final class LockFact {
    private final String id;
    private final String title;
    private final String setup;
    private final String example;
    private final Map<String, LockMode> locks = new LinkedHashMap<>();
    private boolean rewrite;
    private boolean scan;
    private boolean transactional = true;
    private int oldest = LockModel.OLDEST;
    private int newest = LockModel.NEWEST;

    private LockFact(String id, String title, String setup, String example) {
      this.id = id;
      this.title = title;
      this.setup = setup;
      this.example = example;
    }

    LockFact locks(Object... relationModePairs) {
      for (int i = 0; i < relationModePairs.length; i += 2) {
        locks.put((String) relationModePairs[i], (LockMode) relationModePairs[i + 1]);
      }
      return this;
    }

    LockFact rewrites() {
      rewrite = true;
      return this;
    }

    LockFact scans() {
      scan = true;
      return this;
    }

    LockFact outsideTransaction() {
      transactional = false;
      return this;
    }

    LockFact versions(int from, int to) {
      oldest = from;
      newest = to;
      return this;
    }

    public String id() {
      return id;
    }

    public String title() {
      return title;
    }

    /** SQL run (and committed) before the example; may be empty. */
    public String setup() {
      return setup;
    }

    public String example() {
      return example;
    }

    /** Relation (as pg_locks names it, unqualified in public) to the strongest mode the example holds. */
    public Map<String, LockMode> locks() {
      return Map.copyOf(locks);
    }

    /** The relations in the order listed. */
    public List<String> relations() {
      return List.copyOf(locks.keySet());
    }

    public boolean rewrite() {
      return rewrite;
    }

    public boolean scan() {
      return scan;
    }

    public boolean transactional() {
      return transactional;
    }

    public int oldest() {
      return oldest;
    }

    public int newest() {
      return newest;
    }

    public boolean appliesTo(int pgMajor) {
      return pgMajor >= oldest && pgMajor <= newest;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  static LockFact fact(String id, String title, String setup, String example) {
    return new LockFact(id, title, setup, example);
  }

  private static final List<LockFact> ALL = List.of(
    fact("alter-table-add-column",
        "ADD COLUMN without default",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD COLUMN d text")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-add-column-default",
        "ADD COLUMN with a constant or stable default (fast default, PG11+)",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD COLUMN d timestamptz DEFAULT now()")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-add-column-volatile-default",
        "ADD COLUMN with a volatile default rewrites",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "ALTER TABLE t ADD COLUMN d double precision DEFAULT random()")
        .locks("t", ACCESS_EXCLUSIVE, "t_pkey", ACCESS_EXCLUSIVE, "t_c", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("alter-table-add-column-serial",
        "ADD COLUMN serial rewrites (nextval is volatile)",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD COLUMN d serial")
        .locks("t", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("alter-table-add-column-identity",
        "ADD COLUMN … GENERATED AS IDENTITY rewrites",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD COLUMN d bigint GENERATED ALWAYS AS IDENTITY")
        .locks("t", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("alter-table-add-column-generated-stored",
        "ADD COLUMN … GENERATED ALWAYS AS (…) STORED rewrites",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD COLUMN d int GENERATED ALWAYS AS (c * 2) STORED")
        .locks("t", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("alter-table-add-column-generated-virtual",
        "ADD COLUMN virtual generated column (PG18) is instant",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD COLUMN d int GENERATED ALWAYS AS (c * 2)")
        .locks("t", ACCESS_EXCLUSIVE).versions(18, 18),
    fact("alter-table-add-column-domain-with-check",
        "ADD COLUMN of a domain with a CHECK rewrites",
        "CREATE TABLE t (id int, c int); CREATE DOMAIN posint AS int CHECK (VALUE > 0)",
        "ALTER TABLE t ADD COLUMN d posint DEFAULT 1")
        .locks("t", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("alter-table-add-column-check",
        "ADD COLUMN with an inline CHECK is checked against every row",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD COLUMN d int DEFAULT 0 CHECK (d >= 0)")
        .locks("t", ACCESS_EXCLUSIVE).scans(),
    fact("alter-table-add-column-references",
        "ADD COLUMN … REFERENCES: the referenced table gets SHARE ROW EXCLUSIVE",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int, p_id int)",
        "ALTER TABLE t ADD COLUMN q_id int REFERENCES p (id)")
        .locks("p", SHARE_ROW_EXCLUSIVE, "p_pkey", ACCESS_SHARE, "t", ACCESS_EXCLUSIVE).versions(14, 18),
    fact("alter-table-add-column-references-pg13",
        "ADD COLUMN … REFERENCES on PostgreSQL 13",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int, p_id int)",
        "ALTER TABLE t ADD COLUMN q_id int REFERENCES p (id)")
        .locks("p", SHARE_ROW_EXCLUSIVE, "t", ACCESS_EXCLUSIVE).versions(13, 13),
    fact("alter-table-add-column-references-default",
        "ADD COLUMN … DEFAULT … REFERENCES checks every row against the referenced table",
        "CREATE TABLE p (id int PRIMARY KEY); INSERT INTO p VALUES (1); CREATE TABLE t (id int, p_id int)",
        "ALTER TABLE t ADD COLUMN q_id int DEFAULT 1 REFERENCES p (id)")
        .locks("p", SHARE_ROW_EXCLUSIVE, "p_pkey", ACCESS_SHARE, "t", ACCESS_EXCLUSIVE).scans().versions(14, 18),
    fact("alter-table-add-column-references-default-pg13",
        "ADD COLUMN … DEFAULT … REFERENCES on PostgreSQL 13",
        "CREATE TABLE p (id int PRIMARY KEY); INSERT INTO p VALUES (1); CREATE TABLE t (id int, p_id int)",
        "ALTER TABLE t ADD COLUMN q_id int DEFAULT 1 REFERENCES p (id)")
        .locks("p", SHARE_ROW_EXCLUSIVE, "p_pkey", ACCESS_SHARE, "t", ACCESS_EXCLUSIVE).scans().versions(13, 13),
    fact("alter-table-add-column-if-not-exists-noop",
        "ADD COLUMN IF NOT EXISTS of an existing column",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD COLUMN IF NOT EXISTS c int")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-drop-column",
        "DROP COLUMN (indexes on it are dropped)",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "ALTER TABLE t DROP COLUMN c")
        .locks("t", ACCESS_EXCLUSIVE, "t_c", ACCESS_EXCLUSIVE),
    fact("alter-column-type-rewrite",
        "ALTER COLUMN TYPE to a type that is not binary coercible rewrites",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "ALTER TABLE t ALTER COLUMN c TYPE bigint")
        .locks("t", ACCESS_EXCLUSIVE, "t_pkey", ACCESS_EXCLUSIVE, "t_c", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("alter-column-type-array",
        "ALTER COLUMN TYPE of an array widening its element's typmod still rewrites (per-element coercion)",
        "CREATE TABLE t (id int PRIMARY KEY, tags varchar(10)[])",
        "ALTER TABLE t ALTER COLUMN tags TYPE varchar(20)[]")
        .locks("t", ACCESS_EXCLUSIVE, "t_pkey", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("alter-column-type-binary-coercible",
        "ALTER COLUMN TYPE varchar widening / varchar to text / numeric widening",
        "CREATE TABLE t (id int, v varchar(50)); CREATE INDEX t_v ON t (v)",
        "ALTER TABLE t ALTER COLUMN v TYPE varchar(100)")
        .locks("t", ACCESS_EXCLUSIVE, "t_v", ACCESS_EXCLUSIVE),
    fact("alter-column-type-binary-coercible-using",
        "ALTER COLUMN TYPE … USING col::type, a binary-coercible cast of the column itself (no rewrite)",
        "CREATE TABLE t (id int, v varchar(50)); CREATE INDEX t_v ON t (v)",
        "ALTER TABLE t ALTER COLUMN v TYPE text USING v::text")
        .locks("t", ACCESS_EXCLUSIVE, "t_v", ACCESS_EXCLUSIVE),
    fact("alter-column-type-same-type-collation",
        "ALTER COLUMN TYPE same type, new collation (no rewrite; indexes on the column rebuilt, reading the table)",
        "CREATE TABLE t (id int, v text COLLATE \"C\"); CREATE INDEX t_v ON t (v)",
        "ALTER TABLE t ALTER COLUMN v TYPE text COLLATE \"POSIX\"")
        .locks("t", ACCESS_EXCLUSIVE, "t_v", ACCESS_EXCLUSIVE).scans(),
    fact("alter-column-type-to-domain-with-check",
        "ALTER COLUMN TYPE to a domain with a CHECK over the same type scans",
        "CREATE TABLE t (id int, c int); CREATE DOMAIN posint AS int CHECK (VALUE > 0)",
        "ALTER TABLE t ALTER COLUMN c TYPE posint")
        .locks("t", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("alter-column-type-foreign-key-column",
        "ALTER COLUMN TYPE of a foreign key column: the key is re-added, the referenced table locked ACCESS EXCLUSIVE",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int PRIMARY KEY, p_id int REFERENCES p)",
        "ALTER TABLE t ALTER COLUMN p_id TYPE bigint")
        .locks("t", ACCESS_EXCLUSIVE, "t_pkey", ACCESS_EXCLUSIVE, "p", ACCESS_EXCLUSIVE, "p_pkey", ACCESS_SHARE).rewrites().scans(),
    fact("alter-column-type-referenced-column",
        "ALTER COLUMN TYPE of a column other tables' foreign keys reference: those tables are locked ACCESS EXCLUSIVE",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int PRIMARY KEY, p_id int REFERENCES p)",
        "ALTER TABLE p ALTER COLUMN id TYPE bigint")
        .locks("p", ACCESS_EXCLUSIVE, "p_pkey", ACCESS_EXCLUSIVE, "t", ACCESS_EXCLUSIVE, "t_pkey", ACCESS_SHARE).rewrites().scans(),
    fact("alter-column-type-serial",
        "ALTER COLUMN TYPE of a serial column reads its sequence (PG14+)",
        "CREATE TABLE t (id serial PRIMARY KEY, c int)",
        "ALTER TABLE t ALTER COLUMN id TYPE bigint")
        .locks("t", ACCESS_EXCLUSIVE, "t_pkey", ACCESS_EXCLUSIVE, "t_id_seq", ACCESS_SHARE).rewrites().scans().versions(14, 18),
    fact("alter-table-set-default",
        "ALTER COLUMN SET DEFAULT",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ALTER COLUMN c SET DEFAULT 0")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-drop-default",
        "ALTER COLUMN DROP DEFAULT",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ALTER COLUMN c DROP DEFAULT")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-set-not-null",
        "ALTER COLUMN SET NOT NULL scans the table",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ALTER COLUMN c SET NOT NULL")
        .locks("t", ACCESS_EXCLUSIVE).scans(),
    fact("alter-table-set-not-null-with-check",
        "SET NOT NULL after a validated CHECK (c IS NOT NULL) skips the scan (PG12+)",
        "CREATE TABLE t (id int, c int); ALTER TABLE t ADD CONSTRAINT t_c_nn CHECK (c IS NOT NULL)",
        "ALTER TABLE t ALTER COLUMN c SET NOT NULL")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-set-not-null-already",
        "SET NOT NULL on a column that is already NOT NULL",
        "CREATE TABLE t (id int, c int NOT NULL)",
        "ALTER TABLE t ALTER COLUMN c SET NOT NULL")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-drop-not-null",
        "ALTER COLUMN DROP NOT NULL",
        "CREATE TABLE t (id int, c int NOT NULL)",
        "ALTER TABLE t ALTER COLUMN c DROP NOT NULL")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-add-identity",
        "ALTER COLUMN ADD GENERATED AS IDENTITY",
        "CREATE TABLE t (id int NOT NULL, c int)",
        "ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-set-identity",
        "ALTER COLUMN SET GENERATED / RESTART (identity options)",
        "CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY, c int)",
        "ALTER TABLE t ALTER COLUMN id SET GENERATED ALWAYS")
        .locks("t_id_seq", SHARE_ROW_EXCLUSIVE, "t", ACCESS_EXCLUSIVE),
    fact("alter-table-drop-identity",
        "ALTER COLUMN DROP IDENTITY drops its sequence",
        "CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY, c int)",
        "ALTER TABLE t ALTER COLUMN id DROP IDENTITY")
        .locks("t_id_seq", ACCESS_EXCLUSIVE, "t", ACCESS_EXCLUSIVE),
    fact("alter-table-set-expression",
        "ALTER COLUMN SET EXPRESSION rewrites (PG17+)",
        "CREATE TABLE t (id int, c int, g int GENERATED ALWAYS AS (c * 2) STORED)",
        "ALTER TABLE t ALTER COLUMN g SET EXPRESSION AS (c * 3)")
        .locks("t", ACCESS_EXCLUSIVE).rewrites().scans().versions(17, 18),
    fact("alter-table-drop-expression",
        "ALTER COLUMN DROP EXPRESSION",
        "CREATE TABLE t (id int, c int, g int GENERATED ALWAYS AS (c * 2) STORED)",
        "ALTER TABLE t ALTER COLUMN g DROP EXPRESSION")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-set-statistics",
        "ALTER COLUMN SET STATISTICS",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ALTER COLUMN c SET STATISTICS 500")
        .locks("t", SHARE_UPDATE_EXCLUSIVE),
    fact("alter-table-set-column-options",
        "ALTER COLUMN SET (n_distinct …)",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ALTER COLUMN c SET (n_distinct = 100)")
        .locks("t", SHARE_UPDATE_EXCLUSIVE),
    fact("alter-table-set-storage",
        "ALTER COLUMN SET STORAGE",
        "CREATE TABLE t (id int, c text)",
        "ALTER TABLE t ALTER COLUMN c SET STORAGE EXTERNAL")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-set-compression",
        "ALTER COLUMN SET COMPRESSION (PG14+)",
        "CREATE TABLE t (id int, c text)",
        "ALTER TABLE t ALTER COLUMN c SET COMPRESSION pglz")
        .locks("t", ACCESS_EXCLUSIVE).versions(14, 18),
    fact("alter-table-rename-column",
        "RENAME COLUMN",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t RENAME COLUMN c TO d")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-add-check",
        "ADD CONSTRAINT … CHECK scans under ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD CONSTRAINT t_c_pos CHECK (c > 0)")
        .locks("t", ACCESS_EXCLUSIVE).scans(),
    fact("alter-table-add-check-not-valid",
        "ADD CONSTRAINT … CHECK … NOT VALID",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD CONSTRAINT t_c_pos CHECK (c > 0) NOT VALID")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-validate-check",
        "VALIDATE CONSTRAINT (CHECK) scans under SHARE UPDATE EXCLUSIVE",
        "CREATE TABLE t (id int, c int); ALTER TABLE t ADD CONSTRAINT t_c_pos CHECK (c > 0) NOT VALID",
        "ALTER TABLE t VALIDATE CONSTRAINT t_c_pos")
        .locks("t", SHARE_UPDATE_EXCLUSIVE).scans(),
    fact("alter-table-add-foreign-key",
        "ADD FOREIGN KEY: both tables SHARE ROW EXCLUSIVE, validation query plans both",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int, p_id int)",
        "ALTER TABLE t ADD CONSTRAINT t_p_fk FOREIGN KEY (p_id) REFERENCES p (id)")
        .locks("p", SHARE_ROW_EXCLUSIVE, "p_pkey", ACCESS_SHARE, "t", SHARE_ROW_EXCLUSIVE).scans(),
    fact("alter-table-add-foreign-key-not-valid",
        "ADD FOREIGN KEY … NOT VALID",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int, p_id int)",
        "ALTER TABLE t ADD CONSTRAINT t_p_fk FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID")
        .locks("p", SHARE_ROW_EXCLUSIVE, "p_pkey", ACCESS_SHARE, "t", SHARE_ROW_EXCLUSIVE).versions(14, 18),
    fact("alter-table-add-foreign-key-not-valid-pg13",
        "ADD FOREIGN KEY … NOT VALID on PostgreSQL 13",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int, p_id int)",
        "ALTER TABLE t ADD CONSTRAINT t_p_fk FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID")
        .locks("p", SHARE_ROW_EXCLUSIVE, "t", SHARE_ROW_EXCLUSIVE).versions(13, 13),
    fact("alter-table-validate-foreign-key",
        "VALIDATE CONSTRAINT (foreign key): ROW SHARE on the referenced table",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int, p_id int); ALTER TABLE t ADD CONSTRAINT t_p_fk FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID",
        "ALTER TABLE t VALIDATE CONSTRAINT t_p_fk")
        .locks("p_pkey", ACCESS_SHARE, "p", ROW_SHARE, "t", SHARE_UPDATE_EXCLUSIVE).scans(),
    fact("alter-table-add-unique",
        "ADD CONSTRAINT … UNIQUE builds an index under ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE (c)")
        .locks("t", ACCESS_EXCLUSIVE).scans(),
    fact("alter-table-add-primary-key",
        "ADD PRIMARY KEY builds an index (and sets NOT NULL)",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD PRIMARY KEY (id)")
        .locks("t", ACCESS_EXCLUSIVE).scans(),
    fact("alter-table-add-unique-using-index",
        "ADD CONSTRAINT … UNIQUE USING INDEX (index built CONCURRENTLY before)",
        "CREATE TABLE t (id int, c int); CREATE UNIQUE INDEX t_c_idx ON t (c)",
        "ALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE USING INDEX t_c_idx")
        .locks("t", ACCESS_EXCLUSIVE, "t_c_idx", SHARE_UPDATE_EXCLUSIVE),
    fact("alter-table-add-primary-key-using-index",
        "ADD PRIMARY KEY USING INDEX on NOT NULL columns",
        "CREATE TABLE t (id int NOT NULL, c int); CREATE UNIQUE INDEX t_id_idx ON t (id)",
        "ALTER TABLE t ADD PRIMARY KEY USING INDEX t_id_idx")
        .locks("t", ACCESS_EXCLUSIVE, "t_id_idx", ACCESS_SHARE),
    fact("alter-table-add-primary-key-using-index-nullable",
        "ADD PRIMARY KEY USING INDEX on a nullable column sets NOT NULL, scanning the table under ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int, c int); CREATE UNIQUE INDEX t_id_idx ON t (id)",
        "ALTER TABLE t ADD PRIMARY KEY USING INDEX t_id_idx")
        .locks("t", ACCESS_EXCLUSIVE, "t_id_idx", ACCESS_SHARE).scans(),
    fact("alter-table-add-exclude",
        "ADD CONSTRAINT … EXCLUDE builds an index",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD CONSTRAINT t_c_excl EXCLUDE USING btree (c WITH =)")
        .locks("t", ACCESS_EXCLUSIVE).scans(),
    fact("alter-table-add-not-null",
        "ADD CONSTRAINT … NOT NULL (PG18) scans",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD CONSTRAINT t_c_nn NOT NULL c")
        .locks("t", ACCESS_EXCLUSIVE).scans().versions(18, 18),
    fact("alter-table-add-not-null-not-valid",
        "ADD CONSTRAINT … NOT NULL … NOT VALID (PG18)",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ADD CONSTRAINT t_c_nn NOT NULL c NOT VALID")
        .locks("t", ACCESS_EXCLUSIVE).versions(18, 18),
    fact("alter-table-validate-not-null",
        "VALIDATE CONSTRAINT of a NOT NULL … NOT VALID (PG18)",
        "CREATE TABLE t (id int, c int); ALTER TABLE t ADD CONSTRAINT t_c_nn NOT NULL c NOT VALID",
        "ALTER TABLE t VALIDATE CONSTRAINT t_c_nn")
        .locks("t", SHARE_UPDATE_EXCLUSIVE).scans().versions(18, 18),
    fact("alter-table-alter-constraint",
        "ALTER CONSTRAINT … DEFERRABLE",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int, p_id int); ALTER TABLE t ADD CONSTRAINT t_p_fk FOREIGN KEY (p_id) REFERENCES p (id)",
        "ALTER TABLE t ALTER CONSTRAINT t_p_fk DEFERRABLE")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-drop-constraint",
        "DROP CONSTRAINT (CHECK)",
        "CREATE TABLE t (id int, c int); ALTER TABLE t ADD CONSTRAINT t_c_pos CHECK (c > 0)",
        "ALTER TABLE t DROP CONSTRAINT t_c_pos")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-drop-foreign-key",
        "DROP CONSTRAINT of a foreign key locks the referenced table too",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int, p_id int); ALTER TABLE t ADD CONSTRAINT t_p_fk FOREIGN KEY (p_id) REFERENCES p (id)",
        "ALTER TABLE t DROP CONSTRAINT t_p_fk")
        .locks("p", ACCESS_EXCLUSIVE, "t", ACCESS_EXCLUSIVE),
    fact("alter-table-drop-unique-or-primary-key",
        "DROP CONSTRAINT of a UNIQUE/PRIMARY KEY drops its index",
        "CREATE TABLE t (id int PRIMARY KEY, c int)",
        "ALTER TABLE t DROP CONSTRAINT t_pkey")
        .locks("t", ACCESS_EXCLUSIVE, "t_pkey", ACCESS_EXCLUSIVE),
    fact("alter-table-rename-constraint",
        "RENAME CONSTRAINT",
        "CREATE TABLE t (id int, c int); ALTER TABLE t ADD CONSTRAINT t_c_pos CHECK (c > 0)",
        "ALTER TABLE t RENAME CONSTRAINT t_c_pos TO t_c_positive")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-rename",
        "RENAME TO",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t RENAME TO t2")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-set-schema",
        "SET SCHEMA",
        "CREATE TABLE t (id int, c int); CREATE SCHEMA s2",
        "ALTER TABLE t SET SCHEMA s2")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-owner",
        "OWNER TO",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t OWNER TO CURRENT_USER")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-enable-disable-trigger",
        "ENABLE/DISABLE TRIGGER",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t DISABLE TRIGGER ALL")
        .locks("t", SHARE_ROW_EXCLUSIVE),
    fact("alter-table-enable-disable-rule",
        "ENABLE/DISABLE RULE",
        "CREATE TABLE t (id int, c int); CREATE RULE r AS ON INSERT TO t DO ALSO NOTIFY t",
        "ALTER TABLE t DISABLE RULE r")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-row-level-security",
        "ENABLE/DISABLE/FORCE ROW LEVEL SECURITY",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t ENABLE ROW LEVEL SECURITY")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-cluster-on",
        "CLUSTER ON index",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "ALTER TABLE t CLUSTER ON t_c")
        .locks("t", SHARE_UPDATE_EXCLUSIVE, "t_c", SHARE_UPDATE_EXCLUSIVE),
    fact("alter-table-set-without-cluster",
        "SET WITHOUT CLUSTER",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "ALTER TABLE t SET WITHOUT CLUSTER")
        .locks("t", SHARE_UPDATE_EXCLUSIVE),
    fact("alter-table-set-without-oids",
        "SET WITHOUT OIDS (no-op kept for compatibility)",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t SET WITHOUT OIDS")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-set-access-method",
        "SET ACCESS METHOD (PG15+; a different method rewrites)",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t SET ACCESS METHOD heap")
        .locks("t", ACCESS_EXCLUSIVE).versions(15, 18),
    fact("alter-table-set-tablespace",
        "SET TABLESPACE (to the current one)",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t SET TABLESPACE pg_default")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-set-logged-unlogged",
        "SET UNLOGGED / SET LOGGED rewrites",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t SET UNLOGGED")
        .locks("t", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("alter-table-set-storage-parameter",
        "SET (fillfactor, autovacuum_*, toast_tuple_target, parallel_workers …)",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t SET (fillfactor = 70, autovacuum_enabled = false)")
        .locks("t", SHARE_UPDATE_EXCLUSIVE),
    fact("alter-table-set-other-parameter",
        "SET (user_catalog_table …) other storage parameters",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t SET (user_catalog_table = true)")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-inherit",
        "INHERIT parent: the parent gets SHARE UPDATE EXCLUSIVE",
        "CREATE TABLE t (id int, c int); CREATE TABLE parent (id int, c int)",
        "ALTER TABLE t INHERIT parent")
        .locks("t", ACCESS_EXCLUSIVE, "parent", SHARE_UPDATE_EXCLUSIVE),
    fact("alter-table-no-inherit",
        "NO INHERIT parent",
        "CREATE TABLE parent (id int, c int); CREATE TABLE t (id int, c int) INHERITS (parent)",
        "ALTER TABLE t NO INHERIT parent")
        .locks("t", ACCESS_EXCLUSIVE, "parent", ACCESS_SHARE),
    fact("alter-table-of",
        "OF type / NOT OF",
        "CREATE TYPE ty AS (id int, c int); CREATE TABLE t (id int, c int)",
        "ALTER TABLE t OF ty")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-replica-identity",
        "REPLICA IDENTITY",
        "CREATE TABLE t (id int, c int)",
        "ALTER TABLE t REPLICA IDENTITY FULL")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-table-replica-identity-using-index",
        "REPLICA IDENTITY USING INDEX: SHARE on the index",
        "CREATE TABLE t (id int PRIMARY KEY, c int)",
        "ALTER TABLE t REPLICA IDENTITY USING INDEX t_pkey")
        .locks("t", ACCESS_EXCLUSIVE, "t_pkey", SHARE),
    fact("alter-table-attach-partition",
        "ATTACH PARTITION scans the new partition under ACCESS EXCLUSIVE",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10); CREATE TABLE pt2 (id int, k int)",
        "ALTER TABLE pt ATTACH PARTITION pt2 FOR VALUES FROM (10) TO (20)")
        .locks("pt", SHARE_UPDATE_EXCLUSIVE, "pt2", ACCESS_EXCLUSIVE).scans(),
    fact("alter-table-attach-partition-with-check",
        "ATTACH PARTITION with a validated CHECK matching the bound skips the scan",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10); CREATE TABLE pt2 (id int, k int NOT NULL CHECK (k >= 10 AND k < 20))",
        "ALTER TABLE pt ATTACH PARTITION pt2 FOR VALUES FROM (10) TO (20)")
        .locks("pt", SHARE_UPDATE_EXCLUSIVE, "pt2", ACCESS_EXCLUSIVE),
    fact("alter-table-attach-default-partition",
        "ATTACH PARTITION … DEFAULT",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10); CREATE TABLE ptd (id int, k int)",
        "ALTER TABLE pt ATTACH PARTITION ptd DEFAULT")
        .locks("pt", SHARE_UPDATE_EXCLUSIVE, "ptd", ACCESS_EXCLUSIVE).scans(),
    fact("alter-table-attach-default-partition-with-check",
        "ATTACH PARTITION … DEFAULT with a validated CHECK excluding the other partitions skips the scan",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10); CREATE TABLE ptd (id int, k int, CHECK (NOT (k IS NOT NULL AND k >= 0 AND k < 10)))",
        "ALTER TABLE pt ATTACH PARTITION ptd DEFAULT")
        .locks("pt", SHARE_UPDATE_EXCLUSIVE, "ptd", ACCESS_EXCLUSIVE),
    fact("alter-table-attach-partition-default-with-check",
        "ATTACH PARTITION next to a DEFAULT partition whose validated CHECK excludes the new bound: no scan of the default",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE ptd PARTITION OF pt DEFAULT; ALTER TABLE ptd ADD CONSTRAINT ptd_not_pt2 CHECK (NOT (k IS NOT NULL AND k >= 10 AND k < 20)); CREATE TABLE pt2 (id int, k int NOT NULL CHECK (k >= 10 AND k < 20))",
        "ALTER TABLE pt ATTACH PARTITION pt2 FOR VALUES FROM (10) TO (20)")
        .locks("pt", SHARE_UPDATE_EXCLUSIVE, "pt2", ACCESS_EXCLUSIVE, "ptd", ACCESS_EXCLUSIVE),
    fact("alter-table-attach-partition-scans-default",
        "ATTACH PARTITION next to a DEFAULT partition scans the default partition under ACCESS EXCLUSIVE",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE ptd PARTITION OF pt DEFAULT; CREATE TABLE pt2 (id int, k int NOT NULL CHECK (k >= 10 AND k < 20))",
        "ALTER TABLE pt ATTACH PARTITION pt2 FOR VALUES FROM (10) TO (20)")
        .locks("pt", SHARE_UPDATE_EXCLUSIVE, "pt2", ACCESS_EXCLUSIVE, "ptd", ACCESS_EXCLUSIVE).scans(),
    fact("alter-table-detach-partition",
        "DETACH PARTITION",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10)",
        "ALTER TABLE pt DETACH PARTITION pt1")
        .locks("pt1", ACCESS_EXCLUSIVE, "pt", ACCESS_EXCLUSIVE).versions(14, 18),
    fact("alter-table-detach-partition-pg13",
        "DETACH PARTITION on PostgreSQL 13",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10)",
        "ALTER TABLE pt DETACH PARTITION pt1")
        .locks("pt1", SHARE_UPDATE_EXCLUSIVE, "pt", ACCESS_EXCLUSIVE).versions(13, 13),
    fact("alter-table-detach-partition-concurrently",
        "DETACH PARTITION … CONCURRENTLY (PG14+, outside a transaction): SHARE UPDATE EXCLUSIVE on the parent; the partition briefly ACCESS EXCLUSIVE while its CHECK is added",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10); INSERT INTO pt SELECT g, g % 10 FROM generate_series(1, 100000) g",
        "ALTER TABLE pt DETACH PARTITION pt1 CONCURRENTLY")
        .locks("pt", SHARE_UPDATE_EXCLUSIVE, "pt1", ACCESS_EXCLUSIVE).outsideTransaction().versions(14, 18),
    fact("create-table-partition-of",
        "CREATE TABLE … PARTITION OF locks the parent ACCESS EXCLUSIVE",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10)",
        "CREATE TABLE pt2 PARTITION OF pt FOR VALUES FROM (10) TO (20)")
        .locks("pt", ACCESS_EXCLUSIVE),
    fact("create-table-partition-of-scans-default",
        "CREATE TABLE … PARTITION OF next to a DEFAULT partition scans the default partition, the parent locked ACCESS EXCLUSIVE",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE ptd PARTITION OF pt DEFAULT",
        "CREATE TABLE pt2 PARTITION OF pt FOR VALUES FROM (10) TO (20)")
        .locks("pt", ACCESS_EXCLUSIVE, "ptd", ACCESS_EXCLUSIVE).scans(),
    fact("create-table-partition-of-default-with-check",
        "CREATE TABLE … PARTITION OF next to a DEFAULT partition whose validated CHECK excludes the new bound: no scan",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE ptd PARTITION OF pt DEFAULT; ALTER TABLE ptd ADD CONSTRAINT ptd_not_pt2 CHECK (NOT (k IS NOT NULL AND k >= 10 AND k < 20))",
        "CREATE TABLE pt2 PARTITION OF pt FOR VALUES FROM (10) TO (20)")
        .locks("pt", ACCESS_EXCLUSIVE, "ptd", ACCESS_EXCLUSIVE),
    fact("alter-table-recurses-to-partitions",
        "ALTER TABLE on a partitioned (or inherited) table recurses to every partition",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10)",
        "ALTER TABLE pt ADD COLUMN d text")
        .locks("pt1", ACCESS_EXCLUSIVE, "pt", ACCESS_EXCLUSIVE),
    fact("create-index",
        "CREATE INDEX blocks writes (SHARE) while it reads the table",
        "CREATE TABLE t (id int, c int)",
        "CREATE INDEX t_c_idx ON t (c)")
        .locks("t", SHARE).scans(),
    fact("create-index-partitioned",
        "CREATE INDEX on a partitioned table locks every partition SHARE",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10)",
        "CREATE INDEX pt_k_idx ON pt (k)")
        .locks("pt1", SHARE, "pt", SHARE).scans(),
    fact("create-index-concurrently",
        "CREATE INDEX CONCURRENTLY (outside a transaction)",
        "CREATE TABLE t (id int, c int); INSERT INTO t SELECT g, g FROM generate_series(1, 200000) g",
        "CREATE INDEX CONCURRENTLY t_c_idx ON t (c)")
        .locks("t", SHARE_UPDATE_EXCLUSIVE).scans().outsideTransaction(),
    fact("drop-index",
        "DROP INDEX locks its table ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "DROP INDEX t_c")
        .locks("t", ACCESS_EXCLUSIVE, "t_c", ACCESS_EXCLUSIVE),
    fact("drop-index-partitioned",
        "DROP INDEX of a partitioned index drops the partitions' indexes too",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10); CREATE INDEX pt_k ON pt (k)",
        "DROP INDEX pt_k")
        .locks("pt", ACCESS_EXCLUSIVE, "pt_k", ACCESS_EXCLUSIVE, "pt1", ACCESS_EXCLUSIVE, "pt1_k_idx", ACCESS_EXCLUSIVE),
    fact("drop-index-concurrently",
        "DROP INDEX CONCURRENTLY (outside a transaction)",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c); INSERT INTO t SELECT g, g FROM generate_series(1, 200000) g",
        "DROP INDEX CONCURRENTLY t_c")
        .locks("t", SHARE_UPDATE_EXCLUSIVE, "t_c", ACCESS_EXCLUSIVE).outsideTransaction(),
    fact("reindex-index",
        "REINDEX INDEX: SHARE on the table, ACCESS EXCLUSIVE on the index",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "REINDEX INDEX t_c")
        .locks("t", SHARE, "t_c", ACCESS_EXCLUSIVE).scans(),
    fact("reindex-table",
        "REINDEX TABLE: SHARE on the table, every index rebuilt",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "REINDEX TABLE t")
        .locks("t", SHARE, "t_pkey", ACCESS_EXCLUSIVE, "t_c", ACCESS_EXCLUSIVE).scans(),
    fact("reindex-concurrently",
        "REINDEX … CONCURRENTLY (outside a transaction): the old index is dropped under ACCESS EXCLUSIVE at the end",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c); INSERT INTO t SELECT g, g FROM generate_series(1, 200000) g",
        "REINDEX INDEX CONCURRENTLY t_c")
        .locks("t", SHARE_UPDATE_EXCLUSIVE, "t_c", ACCESS_EXCLUSIVE).scans().outsideTransaction(),
    fact("alter-index-rename",
        "ALTER INDEX … RENAME",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "ALTER INDEX t_c RENAME TO t_c_idx")
        .locks("t_c", SHARE_UPDATE_EXCLUSIVE),
    fact("alter-index-set-storage-parameter",
        "ALTER INDEX … SET (fillfactor)",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "ALTER INDEX t_c SET (fillfactor = 80)")
        .locks("t_c", SHARE_UPDATE_EXCLUSIVE),
    fact("alter-index-set-tablespace",
        "ALTER INDEX … SET TABLESPACE",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "ALTER INDEX t_c SET TABLESPACE pg_default")
        .locks("t_c", ACCESS_EXCLUSIVE),
    fact("alter-index-set-statistics",
        "ALTER INDEX … ALTER COLUMN n SET STATISTICS (expression index)",
        "CREATE TABLE t (id int, c int); CREATE INDEX t_expr ON t ((c + 1))",
        "ALTER INDEX t_expr ALTER COLUMN 1 SET STATISTICS 100")
        .locks("t_expr", SHARE_UPDATE_EXCLUSIVE),
    fact("alter-index-attach-partition",
        "ALTER INDEX … ATTACH PARTITION",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10); CREATE INDEX pt_k_idx ON ONLY pt (k); CREATE INDEX pt1_k_idx ON pt1 (k)",
        "ALTER INDEX pt_k_idx ATTACH PARTITION pt1_k_idx")
        .locks("pt1", ACCESS_SHARE, "pt", ACCESS_SHARE, "pt_k_idx", SHARE_UPDATE_EXCLUSIVE, "pt1_k_idx", ACCESS_EXCLUSIVE),
    fact("truncate",
        "TRUNCATE: ACCESS EXCLUSIVE, a new empty file for the table and its indexes",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "TRUNCATE t")
        .locks("t", ACCESS_EXCLUSIVE, "t_pkey", ACCESS_EXCLUSIVE, "t_c", ACCESS_EXCLUSIVE).rewrites(),
    fact("truncate-cascade",
        "TRUNCATE … CASCADE truncates the referencing tables too",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int, p_id int REFERENCES p)",
        "TRUNCATE p CASCADE")
        .locks("p_pkey", ACCESS_EXCLUSIVE, "p", ACCESS_EXCLUSIVE, "t", ACCESS_EXCLUSIVE).rewrites(),
    fact("vacuum",
        "VACUUM (outside a transaction): SHARE UPDATE EXCLUSIVE",
        "CREATE TABLE t (id int, c int); INSERT INTO t SELECT g, g FROM generate_series(1, 200000) g",
        "VACUUM t")
        .locks("t", SHARE_UPDATE_EXCLUSIVE).scans().outsideTransaction(),
    fact("vacuum-full",
        "VACUUM FULL rewrites under ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int, c int); INSERT INTO t SELECT g, g FROM generate_series(1, 200000) g",
        "VACUUM FULL t")
        .locks("t", ACCESS_EXCLUSIVE).rewrites().scans().outsideTransaction(),
    fact("analyze",
        "ANALYZE: SHARE UPDATE EXCLUSIVE",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "ANALYZE t")
        .locks("t", SHARE_UPDATE_EXCLUSIVE, "t_pkey", ACCESS_SHARE, "t_c", ACCESS_SHARE),
    fact("cluster",
        "CLUSTER rewrites under ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "CLUSTER t USING t_c")
        .locks("t", ACCESS_EXCLUSIVE, "t_pkey", ACCESS_EXCLUSIVE, "t_c", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("refresh-materialized-view",
        "REFRESH MATERIALIZED VIEW: ACCESS EXCLUSIVE, rewritten",
        "CREATE TABLE t (id int, c int); CREATE MATERIALIZED VIEW mv AS SELECT id, c FROM t",
        "REFRESH MATERIALIZED VIEW mv")
        .locks("t", ACCESS_SHARE, "mv", ACCESS_EXCLUSIVE).rewrites().scans(),
    fact("refresh-materialized-view-concurrently",
        "REFRESH MATERIALIZED VIEW CONCURRENTLY: EXCLUSIVE (reads continue)",
        "CREATE TABLE t (id int, c int); CREATE MATERIALIZED VIEW mv AS SELECT id, c FROM t; CREATE UNIQUE INDEX mv_id ON mv (id)",
        "REFRESH MATERIALIZED VIEW CONCURRENTLY mv")
        .locks("t", ACCESS_SHARE, "mv", EXCLUSIVE, "mv_id", ROW_EXCLUSIVE).scans(),
    fact("lock-table",
        "LOCK TABLE … IN … MODE",
        "CREATE TABLE t (id int, c int)",
        "LOCK TABLE t IN SHARE ROW EXCLUSIVE MODE")
        .locks("t", SHARE_ROW_EXCLUSIVE),
    fact("lock-table-view",
        "LOCK TABLE on a view locks the tables it reads",
        "CREATE TABLE t (id int, c int); CREATE VIEW v AS SELECT id, c FROM t",
        "LOCK TABLE v IN ACCESS EXCLUSIVE MODE")
        .locks("t", ACCESS_EXCLUSIVE, "v", ACCESS_EXCLUSIVE),
    fact("create-trigger",
        "CREATE TRIGGER: SHARE ROW EXCLUSIVE",
        "CREATE TABLE t (id int, c int); CREATE FUNCTION trf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
        "CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trf()")
        .locks("t", SHARE_ROW_EXCLUSIVE),
    fact("drop-trigger",
        "DROP TRIGGER: ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int, c int); CREATE FUNCTION trf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$; CREATE TRIGGER trg BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trf()",
        "DROP TRIGGER trg ON t")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("create-rule",
        "CREATE RULE: ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int, c int)",
        "CREATE RULE r AS ON INSERT TO t DO ALSO NOTIFY t")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("drop-rule",
        "DROP RULE: ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int, c int); CREATE RULE r AS ON INSERT TO t DO ALSO NOTIFY t",
        "DROP RULE r ON t")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("create-policy",
        "CREATE POLICY: ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int, c int)",
        "CREATE POLICY pol ON t USING (c > 0)")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("drop-policy",
        "DROP POLICY: ACCESS EXCLUSIVE",
        "CREATE TABLE t (id int, c int); CREATE POLICY pol ON t USING (c > 0)",
        "DROP POLICY pol ON t")
        .locks("t", ACCESS_EXCLUSIVE),
    fact("alter-domain-add-constraint",
        "ALTER DOMAIN … ADD CONSTRAINT CHECK checks every row of every table using the domain",
        "CREATE DOMAIN amount AS numeric; CREATE TABLE t (id int, a amount)",
        "ALTER DOMAIN amount ADD CONSTRAINT amount_positive CHECK (VALUE > 0)")
        .locks("t", SHARE).scans(),
    fact("alter-domain-add-constraint-not-valid",
        "ALTER DOMAIN … ADD CONSTRAINT … NOT VALID checks no existing row",
        "CREATE DOMAIN amount AS numeric; CREATE TABLE t (id int, a amount)",
        "ALTER DOMAIN amount ADD CONSTRAINT amount_positive CHECK (VALUE > 0) NOT VALID"),
    fact("alter-domain-set-not-null",
        "ALTER DOMAIN … SET NOT NULL checks every row of every table using the domain",
        "CREATE DOMAIN amount AS numeric; CREATE TABLE t (id int, a amount)",
        "ALTER DOMAIN amount SET NOT NULL")
        .locks("t", SHARE).scans(),
    fact("alter-domain-validate-constraint",
        "ALTER DOMAIN … VALIDATE CONSTRAINT checks every row under SHARE: writes to those tables wait",
        "CREATE DOMAIN amount AS numeric; CREATE TABLE t (id int, a amount); "
            + "ALTER DOMAIN amount ADD CONSTRAINT amount_positive CHECK (VALUE > 0) NOT VALID",
        "ALTER DOMAIN amount VALIDATE CONSTRAINT amount_positive")
        .locks("t", SHARE).scans(),
    fact("alter-type-add-value",
        "ALTER TYPE … ADD VALUE locks no table (transactional since PG12)",
        "CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE t (id int, m mood)",
        "ALTER TYPE mood ADD VALUE 'happy'"),
    fact("alter-type-rename-value",
        "ALTER TYPE … RENAME VALUE",
        "CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TABLE t (id int, m mood)",
        "ALTER TYPE mood RENAME VALUE 'ok' TO 'fine'"),
    fact("create-view",
        "CREATE VIEW reads its tables' definitions (ACCESS SHARE)",
        "CREATE TABLE t (id int, c int)",
        "CREATE VIEW v AS SELECT id, c FROM t")
        .locks("t", ACCESS_SHARE),
    fact("create-or-replace-view",
        "CREATE OR REPLACE VIEW: ACCESS EXCLUSIVE on the view",
        "CREATE TABLE t (id int, c int); CREATE VIEW v AS SELECT id FROM t",
        "CREATE OR REPLACE VIEW v AS SELECT id, c FROM t")
        .locks("t", ACCESS_SHARE, "v", ACCESS_EXCLUSIVE),
    fact("alter-view",
        "ALTER VIEW … RENAME",
        "CREATE TABLE t (id int, c int); CREATE VIEW v AS SELECT id FROM t",
        "ALTER VIEW v RENAME TO v2")
        .locks("v", ACCESS_EXCLUSIVE),
    fact("drop-view",
        "DROP VIEW",
        "CREATE TABLE t (id int, c int); CREATE VIEW v AS SELECT id FROM t",
        "DROP VIEW v")
        .locks("v", ACCESS_EXCLUSIVE),
    fact("create-materialized-view",
        "CREATE MATERIALIZED VIEW runs its query",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "CREATE MATERIALIZED VIEW mv AS SELECT id, c FROM t")
        .locks("t", ACCESS_SHARE, "t_pkey", ACCESS_SHARE, "t_c", ACCESS_SHARE).scans(),
    fact("drop-materialized-view",
        "DROP MATERIALIZED VIEW",
        "CREATE TABLE t (id int, c int); CREATE MATERIALIZED VIEW mv AS SELECT id, c FROM t; CREATE UNIQUE INDEX mv_id ON mv (id)",
        "DROP MATERIALIZED VIEW mv")
        .locks("mv", ACCESS_EXCLUSIVE, "mv_id", ACCESS_EXCLUSIVE),
    fact("create-sequence",
        "CREATE SEQUENCE",
        "",
        "CREATE SEQUENCE s"),
    fact("alter-sequence",
        "ALTER SEQUENCE (options, RESTART, OWNED BY)",
        "CREATE TABLE t (id int, c int); CREATE SEQUENCE s",
        "ALTER SEQUENCE s OWNED BY t.id")
        .locks("t", ACCESS_SHARE, "s", SHARE_ROW_EXCLUSIVE),
    fact("alter-sequence-rename",
        "ALTER SEQUENCE … RENAME",
        "CREATE SEQUENCE s",
        "ALTER SEQUENCE s RENAME TO s2")
        .locks("s", ACCESS_EXCLUSIVE),
    fact("drop-sequence",
        "DROP SEQUENCE",
        "CREATE SEQUENCE s",
        "DROP SEQUENCE s")
        .locks("s", ACCESS_EXCLUSIVE),
    fact("create-table",
        "CREATE TABLE locks nothing that exists",
        "",
        "CREATE TABLE t (id bigint PRIMARY KEY, c text)"),
    fact("create-table-references",
        "CREATE TABLE … REFERENCES: the referenced table gets SHARE ROW EXCLUSIVE",
        "CREATE TABLE p (id int PRIMARY KEY)",
        "CREATE TABLE t (id int, p_id int REFERENCES p (id))")
        .locks("p", SHARE_ROW_EXCLUSIVE, "p_pkey", ACCESS_SHARE).versions(14, 18),
    fact("create-table-references-pg13",
        "CREATE TABLE … REFERENCES on PostgreSQL 13",
        "CREATE TABLE p (id int PRIMARY KEY)",
        "CREATE TABLE t (id int, p_id int REFERENCES p (id))")
        .locks("p", SHARE_ROW_EXCLUSIVE).versions(13, 13),
    fact("create-table-like",
        "CREATE TABLE … (LIKE other)",
        "CREATE TABLE t (id int, c int)",
        "CREATE TABLE t2 (LIKE t INCLUDING ALL)")
        .locks("t", ACCESS_SHARE),
    fact("create-table-as",
        "CREATE TABLE … AS SELECT reads the source",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "CREATE TABLE t2 AS SELECT * FROM t")
        .locks("t", ACCESS_SHARE, "t_pkey", ACCESS_SHARE, "t_c", ACCESS_SHARE).scans(),
    fact("create-table-inherits",
        "CREATE TABLE … INHERITS (parent)",
        "CREATE TABLE t (id int, c int)",
        "CREATE TABLE t2 (d int) INHERITS (t)")
        .locks("t", SHARE_UPDATE_EXCLUSIVE),
    fact("create-table-if-not-exists-noop",
        "CREATE TABLE IF NOT EXISTS of an existing table",
        "CREATE TABLE t (id int, c int)",
        "CREATE TABLE IF NOT EXISTS t (id int)"),
    fact("drop-table",
        "DROP TABLE: the table, its indexes and the tables its foreign keys reference",
        "CREATE TABLE p (id int PRIMARY KEY); CREATE TABLE t (id int PRIMARY KEY, p_id int REFERENCES p)",
        "DROP TABLE t")
        .locks("t_pkey", ACCESS_EXCLUSIVE, "p", ACCESS_EXCLUSIVE, "t", ACCESS_EXCLUSIVE),
    fact("drop-table-cascade",
        "DROP TABLE … CASCADE drops views and foreign keys that depend on it",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE TABLE q (id int, t_id int REFERENCES t); CREATE VIEW v AS SELECT id, c FROM t",
        "DROP TABLE t CASCADE")
        .locks("t_pkey", ACCESS_EXCLUSIVE, "t", ACCESS_EXCLUSIVE, "q", ACCESS_EXCLUSIVE, "v", ACCESS_EXCLUSIVE),
    fact("select",
        "SELECT: ACCESS SHARE on the table and its indexes",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "SELECT * FROM t WHERE id = 1")
        .locks("t", ACCESS_SHARE, "t_pkey", ACCESS_SHARE, "t_c", ACCESS_SHARE),
    fact("select-for-update",
        "SELECT … FOR UPDATE: ROW SHARE",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "SELECT * FROM t WHERE id = 1 FOR UPDATE")
        .locks("t", ROW_SHARE, "t_pkey", ROW_SHARE, "t_c", ROW_SHARE),
    fact("insert",
        "INSERT … VALUES: ROW EXCLUSIVE",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "INSERT INTO t (id, c) VALUES (1, 2)")
        .locks("t", ROW_EXCLUSIVE),
    fact("insert-partitioned",
        "INSERT into a partitioned table: ROW EXCLUSIVE on the partitions its rows route to",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10); CREATE TABLE pt2 PARTITION OF pt FOR VALUES FROM (10) TO (20)",
        "INSERT INTO pt (k, id) VALUES (15, 1), (3, 2)")
        .locks("pt", ROW_EXCLUSIVE, "pt2", ROW_EXCLUSIVE, "pt1", ROW_EXCLUSIVE),
    fact("insert-select",
        "INSERT … SELECT reads the source",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c); CREATE TABLE t2 (id int, c int)",
        "INSERT INTO t2 SELECT id, c FROM t")
        .locks("t", ACCESS_SHARE, "t_pkey", ACCESS_SHARE, "t_c", ACCESS_SHARE, "t2", ROW_EXCLUSIVE),
    fact("insert-on-conflict",
        "INSERT … ON CONFLICT opens every index",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "INSERT INTO t (id, c) VALUES (1, 2) ON CONFLICT (id) DO NOTHING")
        .locks("t", ROW_EXCLUSIVE, "t_pkey", ROW_EXCLUSIVE, "t_c", ROW_EXCLUSIVE),
    fact("update",
        "UPDATE: ROW EXCLUSIVE on the table and its indexes",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "UPDATE t SET c = 0 WHERE id = 1")
        .locks("t", ROW_EXCLUSIVE, "t_pkey", ROW_EXCLUSIVE, "t_c", ROW_EXCLUSIVE),
    fact("update-all-rows",
        "UPDATE without WHERE touches every row in one transaction",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "UPDATE t SET c = 0")
        .locks("t", ROW_EXCLUSIVE, "t_pkey", ROW_EXCLUSIVE, "t_c", ROW_EXCLUSIVE).scans(),
    fact("delete",
        "DELETE: ROW EXCLUSIVE on the table and its indexes",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "DELETE FROM t WHERE c < 0")
        .locks("t", ROW_EXCLUSIVE, "t_pkey", ROW_EXCLUSIVE, "t_c", ROW_EXCLUSIVE),
    fact("merge",
        "MERGE (PG15+)",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c); CREATE TABLE src (id int, c int)",
        "MERGE INTO t USING src ON t.id = src.id WHEN MATCHED THEN UPDATE SET c = src.c WHEN NOT MATCHED THEN INSERT VALUES (src.id, src.c)")
        .locks("t", ROW_EXCLUSIVE, "t_pkey", ROW_EXCLUSIVE, "t_c", ROW_EXCLUSIVE, "src", ACCESS_SHARE).versions(15, 18),
    fact("copy-from",
        "COPY … FROM: ROW EXCLUSIVE",
        "CREATE TABLE t (id int, c int)",
        "COPY t FROM PROGRAM 'true'")
        .locks("t", ROW_EXCLUSIVE),
    fact("copy-to",
        "COPY … TO: ACCESS SHARE, every row read",
        "CREATE TABLE t (id int, c int)",
        "COPY t TO PROGRAM 'cat > /dev/null'")
        .locks("t", ACCESS_SHARE).scans(),
    fact("select-partitioned",
        "SELECT on a partitioned table opens every partition and (PG16+) the partitioned index",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10); CREATE INDEX pt_k ON pt (k)",
        "SELECT * FROM pt")
        .locks("pt1", ACCESS_SHARE, "pt", ACCESS_SHARE, "pt1_k_idx", ACCESS_SHARE, "pt_k", ACCESS_SHARE).versions(16, 18),
    fact("select-partitioned-pg13",
        "SELECT on a partitioned table (PG13–15: the partitioned index is not opened)",
        "CREATE TABLE pt (id int, k int) PARTITION BY RANGE (k); CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10); CREATE INDEX pt_k ON pt (k)",
        "SELECT * FROM pt")
        .locks("pt1", ACCESS_SHARE, "pt", ACCESS_SHARE, "pt1_k_idx", ACCESS_SHARE).versions(13, 15),
    fact("select-view",
        "SELECT from a view reads its tables",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c); CREATE VIEW v AS SELECT id, c FROM t",
        "SELECT * FROM v")
        .locks("t", ACCESS_SHARE, "t_pkey", ACCESS_SHARE, "t_c", ACCESS_SHARE, "v", ACCESS_SHARE),
    fact("nextval",
        "SELECT nextval(seq): ROW EXCLUSIVE on the sequence",
        "CREATE SEQUENCE s",
        "SELECT nextval('s')")
        .locks("s", ROW_EXCLUSIVE),
    fact("comment-on-relation",
        "COMMENT ON TABLE/COLUMN: SHARE UPDATE EXCLUSIVE",
        "CREATE TABLE t (id int, c int)",
        "COMMENT ON COLUMN t.c IS 'the c'")
        .locks("t", SHARE_UPDATE_EXCLUSIVE),
    fact("grant-on-table",
        "GRANT … ON TABLE (PG18 takes ACCESS SHARE)",
        "CREATE TABLE t (id int, c int)",
        "GRANT SELECT ON t TO PUBLIC")
        .locks("t", ACCESS_SHARE).versions(18, 18),
    fact("grant-on-table-pg13",
        "GRANT … ON TABLE (PG13–17: no table lock)",
        "CREATE TABLE t (id int, c int)",
        "GRANT SELECT ON t TO PUBLIC").versions(13, 17),
    fact("do-block",
        "DO block: the statements it runs, read where static",
        "CREATE TABLE t (id int PRIMARY KEY, c int); CREATE INDEX t_c ON t (c)",
        "DO $$BEGIN ALTER TABLE t ADD COLUMN d int; UPDATE t SET c = 0 WHERE id = 1; END$$")
        .locks("t", ACCESS_EXCLUSIVE, "t_pkey", ROW_EXCLUSIVE, "t_c", ROW_EXCLUSIVE),
    fact("session-statement",
        "SET/SHOW/BEGIN and other session statements lock nothing",
        "",
        "SET lock_timeout = '5s'"),
    fact("create-other-object",
        "CREATE of a non-relation object (function, type, schema, extension …)",
        "",
        "CREATE SCHEMA app"),
    fact("drop-other-object",
        "DROP of a non-relation object",
        "CREATE TYPE mood AS ENUM ('a')",
        "DROP TYPE mood"));

  /** Every row, in the order of docs/lock-model.md. */
  public static List<LockFact> all() {
    return ALL;
  }

  /** The row with this id, or null. */
  public static LockFact get(String id) {
    for (LockFact f : ALL) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    return null;
  }
}
