-- Erasure of personal data: an entry of the second chain format may lose its note and its
-- actor's id, keeping their SHA-256 (which its hash covers), so the chain still verifies.
alter table rk_history add column actor_digest char(64);
alter table rk_history add column note_digest char(64);

-- The history stays append-only but for exactly that: every other column unchanged, the
-- entry sealing state (second format), the note gone with its digest kept (if there was
-- one), the actor id kept or erased with its digest kept.
create or replace function rk_refuse_history_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
      and new.return_id = old.return_id and new.sequence = old.sequence and new.at = old.at
      and new.actor_role = old.actor_role and new.command = old.command
      and new.from_status is not distinct from old.from_status
      and new.to_status = old.to_status and new.reason_codes = old.reason_codes
      and new.rules = old.rules and old.state_digest is not null
      and new.state_digest = old.state_digest and new.previous_hash = old.previous_hash
      and new.hash = old.hash
      and new.note is null and (old.note is null or new.note_digest is not null)
      and (new.actor_id = old.actor_id
          or (new.actor_id = 'erased' and new.actor_digest is not null)) then
    return new;
  end if;
  raise exception 'returnkit history is append-only: % of rk_history refused', tg_op
    using errcode = 'integrity_constraint_violation';
end;
$$;
