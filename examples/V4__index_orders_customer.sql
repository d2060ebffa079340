-- Blocks writes: CREATE INDEX takes a SHARE lock on the table for the whole build; reads go on,
-- inserts and updates wait. Compare V5, built CONCURRENTLY.
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
