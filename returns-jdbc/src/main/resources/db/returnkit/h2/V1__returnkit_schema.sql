-- returnkit storage schema for H2 in PostgreSQL mode (returns-jdbc): the PostgreSQL schema
-- without what H2 lacks. H2 compares text in Java String order already (no collation needed),
-- has no partial indexes, and runs triggers only as Java classes, so the append-only rule of
-- rk_history is kept by the adapter alone here.

-- One row per return case: the columns the queries filter and sort on, and the whole snapshot
-- as JSON (what findById returns).
create table rk_return_case (
  return_id        varchar(64) primary key,
  version          bigint not null check (version >= 1),
  order_id         varchar(64) not null,
  customer_id      varchar(64) not null,
  status           varchar(32) not null,
  requested_at     timestamp with time zone not null,
  updated_at       timestamp with time zone not null,
  due_at           timestamp with time zone,
  currency         char(3) not null,
  history_sequence integer not null check (history_sequence >= 1),
  history_hash     char(64) not null,
  snapshot         text not null
);
create index rk_return_case_order on rk_return_case (order_id);
create index rk_return_case_customer on rk_return_case (customer_id, requested_at, return_id);
create index rk_return_case_status on rk_return_case (status, requested_at, return_id);
create index rk_return_case_requested on rk_return_case (requested_at, return_id);
-- Only open cases have a due time: the overdue sweep reads a small index.
create index rk_return_case_due on rk_return_case (due_at, return_id);

-- One row per line of a case, for reporting (SKU, reason, outcome) and for the order ledger.
create table rk_return_line (
  return_id         varchar(64) not null references rk_return_case (return_id),
  order_line_id     varchar(64) not null,
  order_id          varchar(64) not null,
  sku               varchar(64) not null,
  category          varchar(200) not null,
  reason            varchar(40) not null,
  verdict           varchar(20) not null,
  requested_units   integer not null check (requested_units >= 1),
  approved_units    integer not null check (approved_units between 0 and requested_units),
  received_units    integer not null check (received_units between 0 and approved_units),
  accepted_units    integer not null check (accepted_units between 0 and approved_units),
  units_held        integer not null check (units_held >= 0),
  liability         varchar(20),
  disposition       varchar(20),
  amount_due        numeric(24, 6) not null check (amount_due >= 0),
  amount_paid_out   numeric(24, 6) not null check (amount_paid_out between 0 and amount_due),
  primary key (return_id, order_line_id)
);
create index rk_return_line_order_line on rk_return_line (order_id, order_line_id);
create index rk_return_line_sku on rk_return_line (sku);

-- What all cases of an order line hold and owe, against what was bought and paid. Every save
-- adds its change under a row lock; the checks refuse a double return or refund even if the
-- application's own checks were wrong.
create table rk_order_line_ledger (
  order_id      varchar(64) not null,
  order_line_id varchar(64) not null,
  currency      char(3) not null,
  units_bought  integer not null check (units_bought >= 1),
  units_held    integer not null,
  amount_paid   numeric(24, 6) not null check (amount_paid >= 0),
  amount_due    numeric(24, 6) not null,
  primary key (order_id, order_line_id),
  constraint rk_ledger_units_within_bought check (units_held between 0 and units_bought),
  constraint rk_ledger_due_within_paid check (amount_due between 0 and amount_paid)
);

-- Outbound shipping refunded across the cases of an order, against what was paid for it.
create table rk_order_ledger (
  order_id          varchar(64) primary key,
  currency          char(3) not null,
  shipping_paid     numeric(24, 6) not null check (shipping_paid >= 0),
  shipping_refunded numeric(24, 6) not null,
  constraint rk_ledger_shipping_within_paid check (shipping_refunded between 0 and shipping_paid)
);

-- Settlement payments by idempotency key: a key belongs to one case and one payment for ever,
-- so no two cases can plan (or the payment port be asked for) the same money twice.
create table rk_payment (
  idempotency_key    varchar(300) primary key,
  return_id          varchar(64) not null references rk_return_case (return_id),
  order_line_id      varchar(64),
  purpose            varchar(40) not null,
  kind               varchar(20) not null,
  amount             numeric(24, 6) not null check (amount > 0),
  currency           char(3) not null,
  provider_reference varchar(200),
  paid_at            timestamp with time zone,
  check ((provider_reference is null) = (paid_at is null))
);
create index rk_payment_case on rk_payment (return_id);

-- The append-only history: entries are inserted, never updated or deleted.
create table rk_history (
  return_id     varchar(64) not null references rk_return_case (return_id),
  sequence      integer not null check (sequence >= 1),
  at            timestamp with time zone not null,
  actor_role    varchar(20) not null,
  actor_id      varchar(200) not null,
  command       varchar(40) not null,
  from_status   varchar(32),
  to_status     varchar(32) not null,
  reason_codes  text not null,
  rules         text not null,
  note          text,
  previous_hash char(64) not null,
  hash          char(64) not null,
  primary key (return_id, sequence)
);

-- The transactional outbox: events written with the case, delivered by JdbcOutboxRelay.
create table rk_outbox (
  id               bigint generated always as identity primary key,
  event_id         varchar(200) not null unique,
  return_id        varchar(64) not null,
  history_sequence integer not null,
  event_index      integer not null,
  event_type       varchar(40) not null,
  occurred_at      timestamp with time zone not null,
  payload          text not null,
  delivered_at     timestamp with time zone
);
create index rk_outbox_pending on rk_outbox (delivered_at, id);

-- One row per relay name; a relay delivers only while it holds its row's lock, so two relays
-- never deliver the same events at once.
create table rk_outbox_relay (
  name            varchar(100) primary key,
  last_delivery   timestamp with time zone
);
