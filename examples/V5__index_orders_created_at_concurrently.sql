-- Safe: CONCURRENTLY takes only SHARE UPDATE EXCLUSIVE (reads and writes go on) and builds the
-- index in several transactions, so it cannot run inside a transaction block. If it fails it
-- leaves an INVALID index behind: drop it and try again.
CREATE INDEX CONCURRENTLY orders_created_at_idx ON orders (created_at);
