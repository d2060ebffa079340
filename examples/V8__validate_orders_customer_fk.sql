-- Second half, in its own migration: VALIDATE scans orders but takes only SHARE UPDATE EXCLUSIVE
-- on it (reads and writes go on) and ROW SHARE on customers.
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;
