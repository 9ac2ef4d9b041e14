-- What all cases of an order paid back to each of its tenders (a card, a gift card), against
-- what the tender captured. Every save adds its change under the order's row lock; the check
-- refuses a refund to a tender above what it captured even if the application's own checks
-- were wrong.
create table rk_order_tender_ledger (
  order_id         varchar(64) not null,
  tender_reference varchar(200) not null,
  currency         char(3) not null,
  captured         numeric(24, 6) not null check (captured > 0),
  refunded         numeric(24, 6) not null,
  primary key (order_id, tender_reference),
  constraint rk_ledger_tender_within_captured check (refunded between 0 and captured)
);
