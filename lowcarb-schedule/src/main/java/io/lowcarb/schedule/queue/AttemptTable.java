package io.lowcarb.schedule.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** SQL for {@code lowcarb_job_attempts}: one row per attempt at a job, never overwritten by the next. */
final class AttemptTable {
  private AttemptTable() {}

  /** Starts attempt {@code attempt}; an earlier attempt still marked running is abandoned. */
  static void start(Connection c, long jobId, int attempt, String worker, Instant now) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "update lowcarb_job_attempts set outcome = ?, error = ? where job_id = ? and attempt < ? and outcome = ?")) {
      s.setString(1, Attempt.Outcome.ABANDONED.column());
      s.setString(2, "its worker was taken for dead when attempt " + attempt + " started");
      s.setLong(3, jobId);
      s.setInt(4, attempt);
      s.setString(5, Attempt.Outcome.RUNNING.column());
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(
        "insert into lowcarb_job_attempts (job_id, attempt, worker, outcome, started_at) values (?, ?, ?, ?, ?)")) {
      s.setLong(1, jobId);
      s.setInt(2, attempt);
      s.setString(3, worker);
      s.setString(4, Attempt.Outcome.RUNNING.column());
      JobTable.setInstant(s, 5, now);
      s.executeUpdate();
    }
  }

  /** Records how an attempt ended, whatever the job's row says meanwhile. */
  static void end(Connection c, long jobId, int attempt, Attempt.Outcome outcome, Instant now, OptionalInt exit,
      Optional<Footprint> footprint, Optional<String> error) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "update lowcarb_job_attempts set outcome = ?, ended_at = ?, exit_code = ?, energy_kwh = ?, emissions_g = ?,"
            + " actual_g_per_kwh = ?, error = ? where job_id = ? and attempt = ?")) {
      s.setString(1, outcome.column());
      JobTable.setInstant(s, 2, now);
      if (exit.isPresent()) {
        s.setInt(3, exit.getAsInt());
      } else {
        s.setNull(3, Types.INTEGER);
      }
      JobTable.setDouble(s, 4, footprint.map(Footprint::energyKwh));
      JobTable.setDouble(s, 5, footprint.map(Footprint::emissionsGrams));
      JobTable.setDouble(s, 6, footprint.map(Footprint::gPerKwh));
      s.setString(7, error.orElse(null));
      s.setLong(8, jobId);
      s.setInt(9, attempt);
      s.executeUpdate();
    }
  }

  /** The attempts at a job, first first. */
  static List<Attempt> of(Connection c, long jobId) throws SQLException {
    List<Attempt> attempts = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "select job_id, attempt, worker, outcome, started_at, ended_at, exit_code, energy_kwh, emissions_g,"
            + " actual_g_per_kwh, error from lowcarb_job_attempts where job_id = ? order by attempt")) {
      s.setLong(1, jobId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          int exit = rs.getInt("exit_code");
          OptionalInt exitCode = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(exit);
          double kwh = rs.getDouble("energy_kwh");
          Optional<Footprint> footprint = rs.wasNull()
              ? Optional.empty()
              : Optional.of(new Footprint(kwh, rs.getDouble("emissions_g"), rs.getDouble("actual_g_per_kwh")));
          attempts.add(new Attempt(rs.getLong("job_id"), rs.getInt("attempt"), rs.getString("worker"),
              Attempt.Outcome.ofColumn(rs.getString("outcome")), JobTable.instant(rs, "started_at").orElseThrow(),
              JobTable.instant(rs, "ended_at"), exitCode, footprint, Optional.ofNullable(rs.getString("error"))));
        }
      }
    }
    return attempts;
  }
}
