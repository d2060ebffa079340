-- Safe: a nullable column without a default only changes the catalog. It still takes an
-- ACCESS EXCLUSIVE lock, but only for a moment (set lock_timeout in production so it cannot queue
-- behind a long transaction and block everyone behind it).
ALTER TABLE orders ADD COLUMN region text;
