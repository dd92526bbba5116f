package io.lowcarb.schedule.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The SQL of {@code lowcarb_jobs}: rows in, rows out, and the state changes. */
final class JobTable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> ARGV = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, name, command, directory, zone, source, estimate_ms, earliest, deadline, interruptible,"
          + " planned_start, planned_end, planned_g_per_kwh, run_now_g_per_kwh, state, attempts, submitted_at,"
          + " started_at, ended_at, exit_code, energy_kwh, emissions_g, actual_g_per_kwh, log_path, worker, error";

  private JobTable() {}

  /** Stores a new queued job; returns its id. */
  static long insert(Connection c, JobRequest r, Instant now) throws SQLException {
    String sql =
        "insert into lowcarb_jobs (name, command, directory, zone, source, estimate_ms, earliest, deadline,"
            + " interruptible, planned_start, planned_end, planned_g_per_kwh, run_now_g_per_kwh, state, attempts,"
            + " submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)";
    try (PreparedStatement s = c.prepareStatement(sql, new String[] {"id"})) {
      s.setString(1, r.name());
      s.setString(2, toJson(r.command()));
      s.setString(3, r.directory().toString());
      s.setString(4, r.zone());
      s.setString(5, r.source());
      s.setLong(6, r.estimate().toMillis());
      setInstant(s, 7, r.earliest());
      setInstant(s, 8, r.deadline());
      s.setBoolean(9, r.interruptible());
      setInstant(s, 10, r.window().start());
      setInstant(s, 11, r.window().end());
      s.setDouble(12, r.window().plannedGPerKwh());
      s.setDouble(13, r.window().runNowGPerKwh());
      s.setString(14, JobState.QUEUED.column());
      setInstant(s, 15, now);
      s.executeUpdate();
      try (ResultSet keys = s.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new job");
        }
        return keys.getLong(1);
      }
    }
  }

  /** Every job, by planned start. */
  static List<Job> all(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select " + COLUMNS + " from lowcarb_jobs order by planned_start, id")) {
      return read(s);
    }
  }

  static Optional<Job> find(Connection c, long id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from lowcarb_jobs where id = ?")) {
      s.setLong(1, id);
      return read(s).stream().findFirst();
    }
  }

  /** The job, its row locked until the transaction ends. */
  static Optional<Job> lock(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("select " + COLUMNS + " from lowcarb_jobs where id = ? for update")) {
      s.setLong(1, id);
      return read(s).stream().findFirst();
    }
  }

  /** Marks a new attempt running; clears the figures of the one before. */
  static void start(Connection c, long id, Instant now, Path log, String worker) throws SQLException {
    String sql =
        "update lowcarb_jobs set state = ?, attempts = attempts + 1, started_at = ?, ended_at = null,"
            + " exit_code = null, energy_kwh = null, emissions_g = null, actual_g_per_kwh = null, log_path = ?,"
            + " worker = ?, error = null where id = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, JobState.RUNNING.column());
      setInstant(s, 2, now);
      s.setString(3, log.toString());
      s.setString(4, worker);
      s.setLong(5, id);
      s.executeUpdate();
    }
  }

  /**
   * Records how attempt {@code attempt} ended, if it is still the job's running attempt.
   *
   * @return false when the row has moved on (a later attempt, or a finished state): nothing written
   */
  static boolean finish(
      Connection c, long id, int attempt, JobState state, Instant now, OptionalInt exit, Optional<Footprint> footprint,
      Optional<String> error)
      throws SQLException {
    String sql =
        "update lowcarb_jobs set state = ?, ended_at = ?, exit_code = ?, energy_kwh = ?, emissions_g = ?,"
            + " actual_g_per_kwh = ?, error = ? where id = ? and state = ? and attempts = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, state.column());
      setInstant(s, 2, now);
      if (exit.isPresent()) {
        s.setInt(3, exit.getAsInt());
      } else {
        s.setNull(3, Types.INTEGER);
      }
      setDouble(s, 4, footprint.map(Footprint::energyKwh));
      setDouble(s, 5, footprint.map(Footprint::emissionsGrams));
      setDouble(s, 6, footprint.map(Footprint::gPerKwh));
      s.setString(7, error.orElse(null));
      s.setLong(8, id);
      s.setString(9, JobState.RUNNING.column());
      s.setInt(10, attempt);
      return s.executeUpdate() == 1;
    }
  }

  /** Puts a running attempt that did not finish back in the queue; false if the row moved on. */
  static boolean requeue(Connection c, long id, int attempt, String reason) throws SQLException {
    String sql = "update lowcarb_jobs set state = ?, error = ? where id = ? and state = ? and attempts = ?";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, JobState.QUEUED.column());
      s.setString(2, reason);
      s.setLong(3, id);
      s.setString(4, JobState.RUNNING.column());
      s.setInt(5, attempt);
      return s.executeUpdate() == 1;
    }
  }

  static void cancel(Connection c, long id, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("update lowcarb_jobs set state = ?, ended_at = ? where id = ?")) {
      s.setString(1, JobState.CANCELLED.column());
      setInstant(s, 2, now);
      s.setLong(3, id);
      s.executeUpdate();
    }
  }

  private static List<Job> read(PreparedStatement s) throws SQLException {
    List<Job> jobs = new ArrayList<>();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        jobs.add(job(rs));
      }
    }
    return jobs;
  }

  private static Job job(ResultSet rs) throws SQLException {
    JobRequest request =
        new JobRequest(
            rs.getString("name"),
            fromJson(rs.getString("command")),
            Path.of(rs.getString("directory")),
            rs.getString("zone"),
            rs.getString("source"),
            Duration.ofMillis(rs.getLong("estimate_ms")),
            instant(rs, "earliest").orElseThrow(),
            instant(rs, "deadline").orElseThrow(),
            rs.getBoolean("interruptible"),
            new PlannedWindow(
                instant(rs, "planned_start").orElseThrow(),
                instant(rs, "planned_end").orElseThrow(),
                rs.getDouble("planned_g_per_kwh"),
                rs.getDouble("run_now_g_per_kwh")));
    int exit = rs.getInt("exit_code");
    OptionalInt exitCode = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(exit);
    double kwh = rs.getDouble("energy_kwh");
    Optional<Footprint> footprint =
        rs.wasNull()
            ? Optional.empty()
            : Optional.of(new Footprint(kwh, rs.getDouble("emissions_g"), rs.getDouble("actual_g_per_kwh")));
    return new Job(
        rs.getLong("id"),
        request,
        JobState.ofColumn(rs.getString("state")),
        rs.getInt("attempts"),
        instant(rs, "submitted_at").orElseThrow(),
        instant(rs, "started_at"),
        instant(rs, "ended_at"),
        exitCode,
        footprint,
        Optional.ofNullable(rs.getString("log_path")).map(Path::of),
        Optional.ofNullable(rs.getString("worker")),
        Optional.ofNullable(rs.getString("error")));
  }

  static void setInstant(PreparedStatement s, int index, Instant instant) throws SQLException {
    s.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  static void setDouble(PreparedStatement s, int index, Optional<Double> value) throws SQLException {
    if (value.isPresent()) {
      s.setDouble(index, value.get());
    } else {
      s.setNull(index, Types.DOUBLE);
    }
  }

  static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
  }

  private static String toJson(List<String> argv) {
    try {
      return JSON.writeValueAsString(argv);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a command line as JSON", e);
    }
  }

  private static List<String> fromJson(String json) throws SQLException {
    try {
      return JSON.readValue(json, ARGV);
    } catch (JsonProcessingException e) {
      throw new SQLException("a stored command is not a JSON list of strings: " + json, e);
    }
  }
}
