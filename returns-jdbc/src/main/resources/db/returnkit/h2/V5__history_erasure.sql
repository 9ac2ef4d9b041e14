-- Erasure of personal data: an entry of the second chain format may lose its note and its
-- actor's id, keeping their SHA-256 (which its hash covers), so the chain still verifies.
-- (H2 has no append-only trigger; the adapter keeps the rule.)
alter table rk_history add column actor_digest char(64);
alter table rk_history add column note_digest char(64);
