-- Relays by name: each relay delivers every event once, whatever the other relays did (one for
-- the broker, one for a search index, ...). What a relay delivered is a row here, not a mark on
-- the event: outbox ids commit out of order, so no high-water mark can stand for it.
create table rk_outbox_delivery (
  relay        varchar(100) not null references rk_outbox_relay (name),
  outbox_id    bigint not null references rk_outbox (id),
  delivered_at timestamp with time zone not null,
  primary key (relay, outbox_id)
);

-- Before relays had names, every relay was "default": what was delivered was delivered by it.
insert into rk_outbox_relay (name)
  select 'default' where exists (select 1 from rk_outbox where delivered_at is not null)
  on conflict (name) do nothing;
insert into rk_outbox_delivery (relay, outbox_id, delivered_at)
  select 'default', id, delivered_at from rk_outbox where delivered_at is not null;
