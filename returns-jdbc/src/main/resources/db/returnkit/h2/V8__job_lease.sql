-- Leases on the jobs that must run on one instance at a time (the expiry job, an outbox relay)
-- when several instances share this database: a job runs only where its row names the
-- instance as holder and the lease has not run out. A row, not an advisory lock, so that it
-- survives connection pools, works on H2 too, and tells who holds a job.
create table rk_job_lease (
  job         varchar(100) primary key,
  holder      varchar(200) not null,
  acquired_at timestamp with time zone not null,
  expires_at  timestamp with time zone not null
);
