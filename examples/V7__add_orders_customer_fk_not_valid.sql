-- Safe first half of a foreign key: NOT VALID checks only new rows, so the SHARE ROW EXCLUSIVE
-- locks on orders and customers are held for a moment, without scanning orders.
ALTER TABLE orders
  ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
