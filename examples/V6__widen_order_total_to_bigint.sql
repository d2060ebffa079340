-- Dangerous: int -> bigint changes the on-disk format, so the table and every index on it are
-- rewritten under ACCESS EXCLUSIVE. Instead: add a bigint column, backfill it in batches, and
-- swap the columns in a short transaction.
ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
