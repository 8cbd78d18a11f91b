/**
 * The job rows become the embedded job queue (src/queue/sqlite.ts): a key so a file is
 * enqueued once, a priority, a lease (who holds the job, a token for that hold, until when),
 * the time a retry may start (backoff), the last failure, and when the job was dead-lettered.
 * A queued job is a 'claimed' row with no lease, as the runner has always read it.
 */
export const name = 'job-queue'
export const up = `
ALTER TABLE jobs ADD COLUMN job_key TEXT;
ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN payload TEXT;
ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
ALTER TABLE jobs ADD COLUMN lease_token TEXT;
ALTER TABLE jobs ADD COLUMN lease_until TEXT;
ALTER TABLE jobs ADD COLUMN run_after TEXT;
ALTER TABLE jobs ADD COLUMN last_error TEXT;
ALTER TABLE jobs ADD COLUMN dead_at TEXT;
CREATE UNIQUE INDEX jobs_key ON jobs(job_key);
CREATE INDEX jobs_ready ON jobs(state, priority, created_at);
`
