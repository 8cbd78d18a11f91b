/** Poison-pill handling (issue 13): how many times a job's run ended with the process gone. */
export const name = 'job-crashes'
export const up = `
ALTER TABLE jobs ADD COLUMN crashes INTEGER NOT NULL DEFAULT 0;
`
