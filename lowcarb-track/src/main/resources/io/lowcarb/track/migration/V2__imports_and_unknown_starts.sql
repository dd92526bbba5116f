-- Runs imported from other tools (CodeCarbon's emissions.csv), whose rows may lack a duration.
-- Written for both H2 and PostgreSQL.

-- False for a run whose start is unknown: started_at then holds its end, the one instant known.
ALTER TABLE runs ADD COLUMN start_known BOOLEAN DEFAULT TRUE NOT NULL;

-- What identifies an imported run in its tool (codecarbon:RUN_ID), so that a file imported twice
-- adds nothing; NULL for the runs lowcarb made. Unique, so that two imports at once cannot both add it.
ALTER TABLE runs ADD COLUMN import_key VARCHAR(300);
CREATE UNIQUE INDEX runs_import_key ON runs (import_key);
