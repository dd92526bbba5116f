package io.lowcarb.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The page's style sheet and scripts: Apache ECharts from its package on the class path, and
 * lowcarb's drawing script. Inlined in a report file so that it opens offline; served by the
 * dashboard.
 */
public sealed interface Assets permits Assets.Inline, Assets.Served {
  /** The chart library's file name, as the dashboard serves it. */
  String CHART_LIBRARY = "echarts.min.js";
  /** lowcarb's drawing script. */
  String SCRIPT = "report.js";
  /** lowcarb's style sheet. */
  String STYLE = "report.css";

  /** What goes in the page's head. */
  String head();

  /** What goes at the end of the page's body, after the data. */
  String scripts();

  /** Everything inside the page. */
  record Inline() implements Assets {
    @Override
    public String head() {
      return "<style>\n" + text(STYLE) + "</style>\n";
    }

    @Override
    public String scripts() {
      // A script's text may not contain "</script"; the minified library has none, checked in a test.
      return "<script>\n" + text(CHART_LIBRARY) + "\n</script>\n<script>\n" + text(SCRIPT) + "</script>\n";
    }
  }

  /**
   * Linked from {@code base}, where a server serves {@link #bytes(String)}.
   *
   * @param base the URL path the assets are under, for example {@code /assets}
   */
  record Served(String base) implements Assets {
    @Override
    public String head() {
      return "<link rel=\"stylesheet\" href=\"" + base + "/" + STYLE + "\">\n";
    }

    @Override
    public String scripts() {
      return "<script src=\"" + base + "/" + CHART_LIBRARY + "\"></script>\n<script src=\"" + base + "/" + SCRIPT
          + "\"></script>\n";
    }
  }

  /** The asset named {@code name} ({@link #CHART_LIBRARY}, {@link #SCRIPT} or {@link #STYLE}) as text. */
  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /**
   * The asset named {@code name}.
   *
   * @throws IllegalArgumentException for any other name
   */
  static byte[] bytes(String name) {
    String path = switch (name) {
      case CHART_LIBRARY -> chartLibraryPath();
      case SCRIPT, STYLE -> "io/lowcarb/report/" + name;
      default -> throw new IllegalArgumentException("no asset " + name);
    };
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Where the ECharts package keeps its bundle; the build writes the version in chart-library.properties. */
  private static String chartLibraryPath() {
    Properties p = new Properties();
    try (InputStream in = Assets.class.getResourceAsStream("chart-library.properties")) {
      if (in == null) {
        throw new IllegalStateException("chart-library.properties is missing from lowcarb-report");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read chart-library.properties: " + e.getMessage(), e);
    }
    return p.getProperty("path");
  }
}
