package io.lowcarb.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lowcarb.energy.report.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A run's id and the run it was recorded under, as a command's JSON carries them: {@code run_id}
 * (the run store's id, and the id of the run's files even when the store is off) and {@code
 * parent_run_id} (only when there is a parent).
 *
 * @param id the run's id, a UUID
 * @param parent the run it is recorded under, if any
 */
record RunIds(String id, Optional<String> parent) {

  /** Writes {@code run_id} and {@code parent_run_id} into the JSON object being written. */
  void write(JsonGenerator g) throws IOException {
    g.writeStringField("run_id", id);
    if (parent.isPresent()) {
      g.writeStringField("parent_run_id", parent.get());
    }
  }

  /**
   * Puts {@code run_id} and {@code parent_run_id} first in the JSON object that another module
   * wrote to {@code file} (the federated result), replacing the file atomically.
   */
  void stamp(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode written = (ObjectNode) mapper.readTree(file.toFile());
    ObjectNode stamped = mapper.createObjectNode();
    stamped.put("run_id", id);
    parent.ifPresent(p -> stamped.put("parent_run_id", p));
    written.remove("run_id");
    written.remove("parent_run_id");
    stamped.setAll(written);
    byte[] bytes = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(stamped);
    AtomicFile.write(file, o -> o.write(bytes));
  }
}
