package io.lowcarb.energy.carbon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.lowcarb.energy.Units;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API answers saved to a file, recognised from their fields:
 *
 * <ul>
 *   <li>the UK Carbon Intensity API ({@code {"data":[{"from":..,"to":..,"intensity":{"forecast":..,
 *       "actual":..}}]}}, national, or one region's {@code {"data":{"data":[..]}}}): each period
 *       from {@code from} to {@code to}, its {@code actual} where there is one ({@link
 *       IntensityKind#SERIES}), else its {@code forecast} ({@link IntensityKind#FORECAST}, noted), as
 *       {@code UkCarbonIntensityProvider} reads the live API;
 *   <li>WattTime v3 ({@code {"data":[{"point_time":..,"value":..}],"meta":{..}}}): marginal rates in
 *       lbs CO2/MWh, converted to gCO2/kWh, each holding {@code meta.data_point_period_seconds}
 *       where given.
 * </ul>
 */
final class JsonSeries {
  // NaN and Infinity are read, so that they are named as bad values rather than as bad JSON.
  private static final JsonFactory JSON = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final String WATTTIME_UNITS = "lbs_co2_per_mwh";

  /** A JSON value and the line it starts on: a map, a list, a string, a number, a boolean or null. */
  private record Node(Object value, int line) {
    Node get(String field) {
      return value instanceof Map<?, ?> m ? (Node) m.get(field) : null;
    }

    boolean isNull() {
      return value == null;
    }
  }

  private final Path file;
  private final SeriesTimes times;

  /** @param timeZone the zone of times without an offset */
  JsonSeries(Path file, ZoneId timeZone) {
    this.file = file;
    this.times = new SeriesTimes(timeZone);
  }

  SeriesFormat.Parsed read(String text) throws SeriesFormatException {
    Node root = parse(text);
    Node data = root.get("data");
    if (data == null || data.isNull()) {
      throw new SeriesFormatException(file, root.line(), "JSON without a 'data' field: expected a UK Carbon Intensity"
          + " API or WattTime answer");
    }
    String zone = "GB";
    if (data.value() instanceof List<?> list && list.size() == 1 && ((Node) list.getFirst()).get("data") != null) {
      data = (Node) list.getFirst(); // one region, wrapped in a list
    }
    if (data.value() instanceof Map<?, ?>) {
      Node region = data;
      zone = firstText(region, "postcode", "shortname", "dnoregion");
      data = region.get("data");
      if (data == null || !(data.value() instanceof List<?>)) {
        throw new SeriesFormatException(file, region.line(), "'data.data' is not a list of periods");
      }
    }
    if (!(data.value() instanceof List<?> items)) {
      throw new SeriesFormatException(file, data.line(), "'data' is not a list");
    }
    if (items.isEmpty()) {
      throw new SeriesFormatException(file, data.line(), "no intensity values: 'data' is empty");
    }
    Node first = (Node) items.getFirst();
    if (first.get("point_time") != null) {
      return wattTime(root, items);
    }
    if (first.get("from") != null) {
      return ukCarbonIntensity(items, zone);
    }
    throw new SeriesFormatException(file, first.line(), "unknown JSON: periods with neither 'from' (UK Carbon Intensity"
        + " API) nor 'point_time' (WattTime)");
  }

  private SeriesFormat.Parsed ukCarbonIntensity(List<?> items, String zone) throws SeriesFormatException {
    List<SeriesRow> rows = new ArrayList<>();
    int forecasts = 0;
    for (Object o : items) {
      Node item = (Node) o;
      Instant from = time(item, "from");
      Instant to = time(item, "to");
      if (!to.isAfter(from)) {
        throw new SeriesFormatException(file, item.line(), "a period that ends (" + to + ") before it starts (" + from + ")");
      }
      Node intensity = item.get("intensity");
      if (intensity == null || !(intensity.value() instanceof Map<?, ?>)) {
        throw new SeriesFormatException(file, item.line(), "a period without an 'intensity' object");
      }
      Node actual = intensity.get("actual");
      Node forecast = intensity.get("forecast");
      IntensityKind kind = IntensityKind.SERIES;
      Node value = actual;
      if (actual == null || actual.isNull()) {
        if (forecast == null || forecast.isNull()) {
          continue; // neither figure: a gap
        }
        value = forecast;
        kind = IntensityKind.FORECAST;
        forecasts++;
      }
      rows.add(new SeriesRow(from, number(value, 1), kind, Duration.between(from, to), item.line()));
    }
    List<String> notes = forecasts == 0 ? List.of() : List.of(String.format(Locale.ROOT,
        "%,d of %,d periods have no actual intensity; their forecast is used", forecasts, rows.size()));
    return new SeriesFormat.Parsed(rows, zone, "UK Carbon Intensity API file " + file.getFileName(), notes);
  }

  private SeriesFormat.Parsed wattTime(Node root, List<?> items) throws SeriesFormatException {
    Duration period = null;
    String zone = "";
    Node meta = root.get("meta");
    if (meta != null && meta.value() instanceof Map<?, ?>) {
      Node units = meta.get("units");
      if (units != null && units.value() instanceof String u && !u.equalsIgnoreCase(WATTTIME_UNITS)) {
        throw new SeriesFormatException(file, units.line(), "units '" + u + "' where lowcarb expects " + WATTTIME_UNITS);
      }
      Node seconds = meta.get("data_point_period_seconds");
      if (seconds != null && seconds.value() instanceof Double s) {
        if (!(s >= 1)) {
          throw new SeriesFormatException(file, seconds.line(), "'data_point_period_seconds' must be at least 1");
        }
        period = Duration.ofSeconds(s.longValue());
      }
      Node region = meta.get("region");
      zone = region != null && region.value() instanceof String r ? r : "";
    }
    List<SeriesRow> rows = new ArrayList<>();
    for (Object o : items) {
      Node item = (Node) o;
      Node value = item.get("value");
      Instant at = time(item, "point_time");
      if (value == null || value.isNull()) {
        continue;
      }
      rows.add(new SeriesRow(at, number(value, Units.G_PER_KWH_PER_LB_PER_MWH), IntensityKind.MARGINAL, period,
          item.line()));
    }
    return new SeriesFormat.Parsed(rows, zone, "WattTime marginal (co2_moer) file " + file.getFileName(), List.of());
  }

  private Instant time(Node item, String field) throws SeriesFormatException {
    Node t = item.get(field);
    if (t == null || !(t.value() instanceof String text)) {
      throw new SeriesFormatException(file, item.line(), "a period without a '" + field + "' time");
    }
    try {
      return times.parse(text);
    } catch (IllegalArgumentException e) {
      throw new SeriesFormatException(file, t.line(), e.getMessage());
    }
  }

  private double number(Node node, double factor) throws SeriesFormatException {
    String text = node.value() instanceof Double d ? Double.toString(d) : String.valueOf(node.value());
    return SeriesRow.intensity(file, node.line(), text, factor);
  }

  private static String firstText(Node node, String... fields) {
    for (String f : fields) {
      Node n = node.get(f);
      if (n != null && n.value() instanceof String s && !s.isBlank()) {
        return s.strip();
      }
    }
    return "";
  }

  private Node parse(String text) throws SeriesFormatException {
    try (JsonParser p = JSON.createParser(text)) {
      JsonToken t = p.nextToken();
      Node root = node(p, t);
      if (!(root.value() instanceof Map<?, ?>)) {
        throw new SeriesFormatException(file, root.line(), "JSON that is not an object");
      }
      return root;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SeriesFormatException(file, line, "malformed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new SeriesFormatException(file, 0, "unreadable JSON: " + e.getMessage());
    }
  }

  private static Node node(JsonParser p, JsonToken t) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    return switch (t) {
      case START_OBJECT -> {
        Map<String, Node> map = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          map.put(name, node(p, p.nextToken()));
        }
        yield new Node(map, line);
      }
      case START_ARRAY -> {
        List<Node> list = new ArrayList<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
          list.add(node(p, k));
        }
        yield new Node(list, line);
      }
      case VALUE_STRING -> new Node(p.getText(), line);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Node(p.getDoubleValue(), line);
      case VALUE_TRUE, VALUE_FALSE -> new Node(p.getBooleanValue(), line);
      case VALUE_NULL -> new Node(null, line);
      default -> throw new JsonProcessingException("unexpected " + t, p.currentTokenLocation()) {};
    };
  }
}
