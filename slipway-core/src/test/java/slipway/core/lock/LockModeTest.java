package slipway.core.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LockModeTest {
  @Test
  void conflictTableIsSymmetric() {
    for (LockMode a : LockMode.values()) {
      for (LockMode b : LockMode.values()) {
        assertEquals(a.conflictsWith(b), b.conflictsWith(a), a + " vs " + b);
      }
    }
  }

  @Test
  void whatEachModeBlocks() {
    assertFalse(LockMode.SHARE.blocksReads());
    assertTrue(LockMode.SHARE.blocksWrites());
    assertFalse(LockMode.SHARE_UPDATE_EXCLUSIVE.blocksWrites());
    assertTrue(LockMode.ACCESS_EXCLUSIVE.blocksReads());
    assertFalse(LockMode.EXCLUSIVE.blocksReads());
    assertTrue(LockMode.EXCLUSIVE.blocksWrites());
    assertTrue(LockMode.SHARE_UPDATE_EXCLUSIVE.conflictsWith(LockMode.SHARE_UPDATE_EXCLUSIVE));
    assertFalse(LockMode.SHARE.conflictsWith(LockMode.SHARE));
  }

  @Test
  void namesRoundTrip() {
    assertEquals(LockMode.SHARE_ROW_EXCLUSIVE, LockMode.fromPgName("ShareRowExclusiveLock"));
    assertEquals(LockMode.ACCESS_EXCLUSIVE, LockMode.fromSql("access   exclusive"));
  }
}
