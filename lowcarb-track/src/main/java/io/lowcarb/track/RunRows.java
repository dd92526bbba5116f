package io.lowcarb.track;

import io.lowcarb.energy.EnergyBasis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The SQL of the run tables, the same for H2 and PostgreSQL. */
final class RunRows {
  private static final String COLUMNS =
      "id, kind, name, command, parameters, status, started_at, ended_at, host, machine, energy_kwh, emissions_kg,"
          + " intensity_g_per_kwh, intensity_zone, intensity_source, intensity_kind, pue, main_metric,"
          + " functional_unit, functional_units, exit_code, message, start_known, energy_method, uncertainty_pct,"
          + " parent_run_id";

  private RunRows() {}

  static void insertStart(Connection c, String id, RunStart s) throws SQLException {
    insertStart(c, id, s, null);
  }

  /** Inserts the start of run {@code id}; {@code importKey} is null unless it was imported. */
  static void insertStart(Connection c, String id, RunStart s, String importKey) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "insert into runs (id, kind, name, command, parameters, status, started_at, host, machine, main_metric,"
                + " start_known, import_key, parent_run_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, id);
      p.setString(2, s.kind().name());
      p.setString(3, s.name());
      p.setString(4, s.command());
      p.setString(5, Json.write(s.parameters()));
      p.setString(6, RunStatus.RUNNING.name());
      p.setObject(7, time(s.start()));
      p.setString(8, s.machine().host());
      p.setString(9, Json.write(s.machine()));
      p.setString(10, s.mainMetric());
      p.setBoolean(11, s.startKnown());
      p.setString(12, importKey);
      p.setString(13, s.parentId().orElse(null));
      p.executeUpdate();
    }
  }

  /** Writes the end of run {@code id}; false if there is no such run. */
  static boolean updateEnd(Connection c, String id, RunEnd e) throws SQLException {
    int n;
    try (PreparedStatement p =
        c.prepareStatement(
            "update runs set status = ?, ended_at = ?, energy_kwh = ?, emissions_kg = ?, intensity_g_per_kwh = ?,"
                + " intensity_zone = ?, intensity_source = ?, intensity_kind = ?, pue = ?, functional_unit = ?,"
                + " functional_units = ?, exit_code = ?, message = ?, energy_method = ?, uncertainty_pct = ?"
                + " where id = ?")) {
      p.setString(1, e.status().name());
      p.setObject(2, time(e.end()));
      Footprint f = e.footprint().orElse(null);
      setDouble(p, 3, f == null ? null : f.kwh());
      setDouble(p, 4, f == null ? null : f.emissionsKg());
      setDouble(p, 5, f == null ? null : f.intensityGPerKwh());
      p.setString(6, f == null ? null : f.zone());
      p.setString(7, f == null ? null : f.intensitySource());
      p.setString(8, f == null ? null : f.intensityKind());
      setDouble(p, 9, f == null ? null : f.pue());
      p.setString(10, e.unit().map(FunctionalUnit::name).orElse(null));
      setDouble(p, 11, e.unit().map(FunctionalUnit::count).orElse(null));
      if (e.exitCode().isPresent()) {
        p.setInt(12, e.exitCode().getAsInt());
      } else {
        p.setNull(12, Types.INTEGER);
      }
      p.setString(13, e.message());
      p.setString(14, f == null ? null : f.method().map(EnergyBasis.Obtained::label).orElse(null));
      setDouble(p, 15, f == null ? null : f.uncertaintyPct());
      p.setString(16, id);
      n = p.executeUpdate();
    }
    if (n == 0) {
      return false;
    }
    replace(c, "run_energy", id);
    replace(c, "run_metrics", id);
    replace(c, "run_artifacts", id);
    if (f(e) != null) {
      try (PreparedStatement p =
          c.prepareStatement("insert into run_energy (run_id, component, kwh, method, sensor, uncertainty_pct)"
              + " values (?, ?, ?, ?, ?, ?)")) {
        for (EnergyFigure fig : f(e).energy()) {
          p.setString(1, id);
          p.setString(2, fig.component());
          p.setDouble(3, fig.kwh());
          p.setString(4, fig.method());
          p.setString(5, fig.sensor());
          setDouble(p, 6, fig.uncertaintyPct());
          p.addBatch();
        }
        p.executeBatch();
      }
    }
    try (PreparedStatement p =
        c.prepareStatement("insert into run_metrics (run_id, name, metric_value) values (?, ?, ?)")) {
      for (Map.Entry<String, Double> m : e.metrics().entrySet()) {
        p.setString(1, id);
        p.setString(2, m.getKey());
        p.setDouble(3, m.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
    try (PreparedStatement p = c.prepareStatement("insert into run_artifacts (run_id, name, path) values (?, ?, ?)")) {
      for (Artifact a : e.artifacts()) {
        p.setString(1, id);
        p.setString(2, a.name());
        p.setString(3, a.path());
        p.addBatch();
      }
      p.executeBatch();
    }
    return true;
  }

  private static Footprint f(RunEnd e) {
    return e.footprint().orElse(null);
  }

  private static void replace(Connection c, String table, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("delete from " + table + " where run_id = ?")) {
      p.setString(1, id);
      p.executeUpdate();
    }
  }

  static void insertPoints(Connection c, String id, String series, List<Point> points) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("insert into run_series (run_id, series, x, y) values (?, ?, ?, ?)")) {
      for (Point pt : points) {
        p.setString(1, id);
        p.setString(2, series);
        p.setDouble(3, pt.x());
        p.setDouble(4, pt.y());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** Whether a run imported with {@code key} is stored. */
  static boolean hasImportKey(Connection c, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("select 1 from runs where import_key = ?")) {
      p.setString(1, key);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }

  /** Whether a run {@code id} is stored. */
  static boolean exists(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("select 1 from runs where id = ?")) {
      p.setString(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }

  /** Marks run {@code id} running again, its end cleared; false if there is no such run. */
  static boolean reopen(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("update runs set status = ?, ended_at = null where id = ?")) {
      p.setString(1, RunStatus.RUNNING.name());
      p.setString(2, id);
      return p.executeUpdate() > 0;
    }
  }

  /**
   * The ids starting with {@code prefix}, at most two (enough to tell a unique prefix). A UUID's
   * dashes are optional in the prefix: {@code 0f8e2c1d4b} finds {@code 0f8e2c1d-4b...}.
   */
  static List<String> idsStartingWith(Connection c, String prefix) throws SQLException {
    List<String> ids = new ArrayList<>();
    String like = prefix.replace("%", "").replace("_", "");
    try (PreparedStatement p =
        c.prepareStatement("select id from runs where id like ? or replace(id, '-', '') like ? order by id")) {
      p.setString(1, like + "%");
      p.setString(2, like.replace("-", "") + "%");
      p.setMaxRows(2);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
    }
    return ids;
  }

  static List<Run> select(Connection c, RunFilter filter) throws SQLException {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from runs where 1 = 1");
    List<Object> args = new ArrayList<>();
    filter.kind().ifPresent(k -> {
      sql.append(" and kind = ?");
      args.add(k.name());
    });
    filter.since().ifPresent(t -> {
      sql.append(" and started_at >= ?");
      args.add(time(t));
    });
    filter.nameContains().ifPresent(n -> {
      sql.append(" and lower(name) like ?");
      args.add("%" + n.toLowerCase(java.util.Locale.ROOT) + "%");
    });
    sql.append(" order by started_at desc, id desc");
    return select(c, sql.toString(), args, filter.limit());
  }

  /** The runs recorded under run {@code id}, oldest first. */
  static List<Run> children(Connection c, String id) throws SQLException {
    return select(c, "select " + COLUMNS + " from runs where parent_run_id = ? order by started_at, id", List.of(id),
        Integer.MAX_VALUE);
  }

  static Optional<Run> selectOne(Connection c, String id) throws SQLException {
    List<Run> runs = select(c, "select " + COLUMNS + " from runs where id = ?", List.of(id), 1);
    return runs.stream().findFirst();
  }

  private static List<Run> select(Connection c, String sql, List<Object> args, int limit) throws SQLException {
    Map<String, Run> heads = new LinkedHashMap<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
      p.setMaxRows(limit);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          Run run = head(r);
          heads.put(run.id(), run);
        }
      }
    }
    if (heads.isEmpty()) {
      return List.of();
    }
    Map<String, List<EnergyFigure>> energy = new HashMap<>();
    Map<String, Map<String, Double>> metrics = new HashMap<>();
    Map<String, List<Artifact>> artifacts = new HashMap<>();
    String in = " where run_id in (" + "?,".repeat(heads.size() - 1) + "?)";
    List<Object> ids = new ArrayList<>(heads.keySet());
    query(c, "select run_id, component, kwh, method, sensor, uncertainty_pct from run_energy" + in + " order by component",
        ids, r -> energy.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
            .add(new EnergyFigure(r.getString(2), r.getDouble(3), r.getString(4), r.getString(5),
                orNaN(nullableDouble(r, "uncertainty_pct")))));
    query(c, "select run_id, name, metric_value from run_metrics" + in, ids, r ->
        metrics.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getString(2), r.getDouble(3)));
    query(c, "select run_id, name, path from run_artifacts" + in + " order by name", ids, r ->
        artifacts.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Artifact(r.getString(2), r.getString(3))));
    List<Run> runs = new ArrayList<>();
    for (Run h : heads.values()) {
      Optional<Footprint> fp = h.footprint().map(f -> new Footprint(
          energy.getOrDefault(h.id(), List.of()), f.kwh(), f.emissionsKg(), f.intensityGPerKwh(), f.zone(),
          f.intensitySource(), f.intensityKind(), f.pue(), f.method(), f.uncertaintyPct()));
      runs.add(new Run(h.id(), h.kind(), h.name(), h.command(), h.parameters(), h.status(), h.start(), h.end(),
          h.machine(), fp, metrics.getOrDefault(h.id(), Map.of()), h.mainMetric(), h.unit(), h.exitCode(),
          h.message(), artifacts.getOrDefault(h.id(), List.of()), h.startKnown(), h.parentId()));
    }
    return runs;
  }

  static Map<String, List<Point>> series(Connection c, String id) throws SQLException {
    Map<String, List<Point>> out = new LinkedHashMap<>();
    query(c, "select series, x, y from run_series where run_id = ? order by series, x", List.of(id), r ->
        out.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Point(r.getDouble(2), r.getDouble(3))));
    return out;
  }

  @FunctionalInterface
  private interface RowReader {
    void read(ResultSet r) throws SQLException;
  }

  private static void query(Connection c, String sql, List<Object> args, RowReader reader) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          reader.read(r);
        }
      }
    }
  }

  /**
   * The run's own row; its energy, metrics and artifacts come from their tables. A footprint has
   * its energy, its emissions or both: NULL is a figure not known (NaN), never 0.
   */
  private static Run head(ResultSet r) throws SQLException {
    Double kwh = nullableDouble(r, "energy_kwh");
    Double kg = nullableDouble(r, "emissions_kg");
    Optional<Footprint> footprint =
        kwh == null && kg == null
            ? Optional.empty()
            : Optional.of(new Footprint(
                List.of(),
                kwh == null ? Double.NaN : kwh,
                kg == null ? Double.NaN : kg,
                nullableDouble(r, "intensity_g_per_kwh") == null ? Double.NaN : r.getDouble("intensity_g_per_kwh"),
                String.valueOf(r.getString("intensity_zone")),
                String.valueOf(r.getString("intensity_source")),
                String.valueOf(r.getString("intensity_kind")),
                nullableDouble(r, "pue") == null ? 1.0 : r.getDouble("pue"),
                method(r.getString("energy_method")),
                orNaN(nullableDouble(r, "uncertainty_pct"))));
    String unitName = r.getString("functional_unit");
    Optional<FunctionalUnit> unit =
        unitName == null ? Optional.empty() : Optional.of(new FunctionalUnit(unitName, r.getDouble("functional_units")));
    int exit = r.getInt("exit_code");
    OptionalInt exitCode = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(exit);
    OffsetDateTime ended = r.getObject("ended_at", OffsetDateTime.class);
    return new Run(
        r.getString("id"),
        RunKind.valueOf(r.getString("kind")),
        r.getString("name"),
        r.getString("command"),
        Json.parameters(r.getString("parameters")),
        RunStatus.valueOf(r.getString("status")),
        r.getObject("started_at", OffsetDateTime.class).toInstant(),
        Optional.ofNullable(ended).map(OffsetDateTime::toInstant),
        Json.machine(r.getString("machine")),
        footprint,
        Map.of(),
        r.getString("main_metric") == null ? "" : r.getString("main_metric"),
        unit,
        exitCode,
        r.getString("message") == null ? "" : r.getString("message"),
        List.of(),
        r.getBoolean("start_known"),
        Optional.ofNullable(r.getString("parent_run_id")));
  }

  /** A stored method; one this version does not know reads as not known. */
  private static Optional<EnergyBasis.Obtained> method(String label) {
    return label == null ? Optional.empty() : EnergyFigure.obtained(label);
  }

  private static double orNaN(Double v) {
    return v == null ? Double.NaN : v;
  }

  private static Double nullableDouble(ResultSet r, String column) throws SQLException {
    double v = r.getDouble(column);
    return r.wasNull() ? null : v;
  }

  private static void setDouble(PreparedStatement p, int i, Double v) throws SQLException {
    if (v == null || !Double.isFinite(v)) {
      p.setNull(i, Types.DOUBLE);
    } else {
      p.setDouble(i, v);
    }
  }

  static OffsetDateTime time(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
