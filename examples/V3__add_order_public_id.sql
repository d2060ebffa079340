-- Dangerous: a volatile default (gen_random_uuid(), now(), random()) must be computed per row,
-- so PostgreSQL rewrites the whole table, and its indexes, under ACCESS EXCLUSIVE: no reads, no
-- writes until it is done. Instead: add the column without a default, backfill in batches, then
-- set the default for new rows.
ALTER TABLE orders ADD COLUMN public_id uuid DEFAULT gen_random_uuid();
