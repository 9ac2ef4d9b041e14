-- Threshold promotions clawed back across the cases of an order, less what later cases gave
-- back when the goods they were clawed back for came back too. Never negative: the cases of an
-- order never give back more than they clawed back.
alter table rk_order_ledger add column clawed_back numeric(24, 6) not null default 0;
alter table rk_order_ledger add constraint rk_ledger_clawback_not_negative
  check (clawed_back >= 0);
