-- The format of each stored case (rk_return_case.snapshot), so that returns-jdbc can read the
-- rows of every format it ever wrote (see CaseFormat). Rows written before this column existed
-- are format 1, which is what returns-jdbc always wrote.
alter table rk_return_case add column snapshot_format smallint not null default 1;
alter table rk_return_case add constraint rk_return_case_known_format
  check (snapshot_format >= 1);
