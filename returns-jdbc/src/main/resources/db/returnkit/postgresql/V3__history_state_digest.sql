-- Since the second format of the history chain, each entry seals the digest of the case's state
-- after its command (StateDigest), so a stored case that disagrees with its history is found.
-- Entries written before this column existed have none, and are hashed by the first format.
alter table rk_history add column state_digest char(64);
