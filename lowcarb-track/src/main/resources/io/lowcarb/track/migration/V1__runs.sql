-- Every run lowcarb records, with its footprint. Written for both H2 and PostgreSQL.
CREATE TABLE runs (
  id VARCHAR(32) PRIMARY KEY,
  kind VARCHAR(32) NOT NULL,
  name VARCHAR(300) NOT NULL,
  command VARCHAR NOT NULL,
  parameters VARCHAR NOT NULL,
  status VARCHAR(16) NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  ended_at TIMESTAMP WITH TIME ZONE,
  host VARCHAR(300) NOT NULL,
  machine VARCHAR NOT NULL,
  energy_kwh DOUBLE PRECISION,
  emissions_kg DOUBLE PRECISION,
  intensity_g_per_kwh DOUBLE PRECISION,
  intensity_zone VARCHAR(100),
  intensity_source VARCHAR,
  intensity_kind VARCHAR(32),
  pue DOUBLE PRECISION,
  main_metric VARCHAR(100),
  functional_unit VARCHAR(100),
  functional_units DOUBLE PRECISION,
  exit_code INTEGER,
  message VARCHAR
);
CREATE INDEX runs_started ON runs (started_at);

CREATE TABLE run_energy (
  run_id VARCHAR(32) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  component VARCHAR(32) NOT NULL,
  kwh DOUBLE PRECISION NOT NULL,
  method VARCHAR(32) NOT NULL,
  sensor VARCHAR(300) NOT NULL,
  PRIMARY KEY (run_id, component)
);

CREATE TABLE run_metrics (
  run_id VARCHAR(32) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  name VARCHAR(100) NOT NULL,
  metric_value DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (run_id, name)
);

CREATE TABLE run_series (
  run_id VARCHAR(32) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  series VARCHAR(100) NOT NULL,
  x DOUBLE PRECISION NOT NULL,
  y DOUBLE PRECISION NOT NULL
);
CREATE INDEX run_series_run ON run_series (run_id, series);

CREATE TABLE run_artifacts (
  run_id VARCHAR(32) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  name VARCHAR(100) NOT NULL,
  path VARCHAR NOT NULL,
  PRIMARY KEY (run_id, name)
);
