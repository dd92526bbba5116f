-- How each figure was obtained and how uncertain it is, and the run a run was recorded under.
-- Written for both H2 and PostgreSQL.

-- A run's id is now a UUID (36 characters), the same in its JSON and CSV files; ids stored before
-- keep their 12 hexadecimal digits.
ALTER TABLE run_energy ALTER COLUMN run_id SET DATA TYPE VARCHAR(64);
ALTER TABLE run_metrics ALTER COLUMN run_id SET DATA TYPE VARCHAR(64);
ALTER TABLE run_series ALTER COLUMN run_id SET DATA TYPE VARCHAR(64);
ALTER TABLE run_artifacts ALTER COLUMN run_id SET DATA TYPE VARCHAR(64);
ALTER TABLE runs ALTER COLUMN id SET DATA TYPE VARCHAR(64);

-- The run's total: measured, estimated, mixed or given, and its combined relative uncertainty in
-- percent (EnergyBasis). NULL when not known; the CO2e carries the energy's uncertainty.
ALTER TABLE runs ADD COLUMN energy_method VARCHAR(16);
ALTER TABLE runs ADD COLUMN uncertainty_pct DOUBLE PRECISION;

-- Each component's relative uncertainty, in percent, beside its method; NULL when not known.
ALTER TABLE run_energy ADD COLUMN uncertainty_pct DOUBLE PRECISION;

-- The run this one was recorded under (a pipeline for its steps, a scheduled job for its
-- measurement); NULL for a run of its own. No foreign key: the parent may be in another store.
ALTER TABLE runs ADD COLUMN parent_run_id VARCHAR(64);
CREATE INDEX runs_parent ON runs (parent_run_id);

-- Runs stored before: their method follows from their components' (rapl and nvml measure, estimate
-- and override estimate; components with no energy do not count unless none has any), as
-- EnergyBasis.of does. A component of another tool (codecarbon) leaves it unknown. Their
-- uncertainty was never stored and stays unknown.
UPDATE runs SET energy_method = (
  SELECT CASE
    WHEN COUNT(*) = 0 THEN NULL
    WHEN SUM(CASE WHEN e.method IN ('rapl', 'nvml') THEN 1 ELSE 0 END) = COUNT(*) THEN 'measured'
    WHEN SUM(CASE WHEN e.method IN ('estimate', 'override') THEN 1 ELSE 0 END) = COUNT(*) THEN 'estimated'
    WHEN SUM(CASE WHEN e.method IN ('rapl', 'nvml', 'estimate', 'override') THEN 1 ELSE 0 END) = COUNT(*) THEN 'mixed'
    ELSE NULL
  END
  FROM run_energy e
  WHERE e.run_id = runs.id
    AND (e.kwh > 0 OR NOT EXISTS (SELECT 1 FROM run_energy z WHERE z.run_id = runs.id AND z.kwh > 0)))
WHERE energy_kwh IS NOT NULL OR emissions_kg IS NOT NULL;
