package slipway.core.lock;

import java.util.Locale;

/**
 * PostgreSQL's table-level lock modes, weakest first, named exactly as {@code pg_locks.mode} shows
 * them. Conflicts follow the table in the PostgreSQL documentation, "Explicit Locking", 13.3.1.
 */
public enum LockMode {
  ACCESS_SHARE("AccessShareLock"),
  ROW_SHARE("RowShareLock"),
  ROW_EXCLUSIVE("RowExclusiveLock"),
  SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),
  SHARE("ShareLock"),
  SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),
  EXCLUSIVE("ExclusiveLock"),
  ACCESS_EXCLUSIVE("AccessExclusiveLock");

  // CONFLICTS[a] has bit b set when mode a conflicts with mode b (docs table 13.2).
  private static final int[] CONFLICTS = {
      0b10000000, // ACCESS SHARE: ACCESS EXCLUSIVE
      0b11000000, // ROW SHARE: EXCLUSIVE, ACCESS EXCLUSIVE
      0b11110000, // ROW EXCLUSIVE: SHARE and stronger
      0b11111000, // SHARE UPDATE EXCLUSIVE: itself and stronger
      0b11101100, // SHARE: ROW EXCLUSIVE, SHARE UPDATE EXCLUSIVE, SHARE ROW EXCLUSIVE and stronger
      0b11111100, // SHARE ROW EXCLUSIVE: ROW EXCLUSIVE and stronger
      0b11111110, // EXCLUSIVE: ROW SHARE and stronger
      0b11111111, // ACCESS EXCLUSIVE: everything
  };

  private final String pgName;

  LockMode(String pgName) {
    this.pgName = pgName;
  }

  /** The name {@code pg_locks.mode} uses, e.g. {@code AccessExclusiveLock}. */
  public String pgName() {
    return pgName;
  }

  public boolean conflictsWith(LockMode other) {
    return (CONFLICTS[ordinal()] & (1 << other.ordinal())) != 0;
  }

  /** Plain SELECT takes ACCESS SHARE: a mode that conflicts with it blocks reads. */
  public boolean blocksReads() {
    return conflictsWith(ACCESS_SHARE);
  }

  /** INSERT/UPDATE/DELETE take ROW EXCLUSIVE: a mode that conflicts with it blocks writes. */
  public boolean blocksWrites() {
    return conflictsWith(ROW_EXCLUSIVE);
  }

  public LockMode strongest(LockMode other) {
    return other == null || compareTo(other) >= 0 ? this : other;
  }

  /** From a {@code pg_locks.mode} name; null for the modes that are not table-level. */
  public static LockMode fromPgName(String name) {
    for (LockMode m : values()) {
      if (m.pgName.equals(name)) {
        return m;
      }
    }
    return null;
  }

  /** From SQL's spelling in LOCK TABLE … IN <mode> MODE, e.g. {@code share row exclusive}. */
  public static LockMode fromSql(String words) {
    return valueOf(words.trim().replaceAll("\\s+", "_").toUpperCase(Locale.ROOT));
  }
}
