package slipway.engine.backfill;

/**
 * Picks the number of keys in the next batch so that a batch takes about the target duration:
 * an exponentially weighted average of the time per key, the size moving at most ×2 up or ×½ down
 * per batch, always within [min, max]. A batch that failed (lock timeout) halves the size.
 */
final class BatchSizeController {
  private static final double ALPHA = 0.3;

  private final double targetMs;
  private final int min;
  private final int max;
  private int size;
  private double msPerKey = -1;

  BatchSizeController(long targetMs, int min, int max, int initial) {
    if (min < 1 || max < min) {
      throw new IllegalArgumentException("batch sizes need 1 <= min <= max, got " + min + ".." + max);
    }
    this.targetMs = Math.max(1, targetMs);
    this.min = min;
    this.max = max;
    this.size = clamp(initial);
  }

  int size() {
    return size;
  }

  /** A batch of {@code keys} keys took {@code ms} milliseconds. */
  void observe(long keys, double ms) {
    if (keys <= 0) {
      return;
    }
    double perKey = Math.max(ms, 0.01) / keys;
    msPerKey = msPerKey < 0 ? perKey : ALPHA * perKey + (1 - ALPHA) * msPerKey;
    // A short final batch says little about the size: only grow from batches that were full.
    double wanted = targetMs / msPerKey;
    if (keys < size && wanted > size) {
      return;
    }
    int next = (int) Math.round(Math.max(size / 2.0, Math.min(size * 2.0, wanted)));
    size = clamp(next);
  }

  void failed() {
    size = clamp(size / 2);
  }

  private int clamp(long n) {
    return (int) Math.max(min, Math.min(max, n));
  }
}
