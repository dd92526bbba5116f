package io.lowcarb.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a report page's DOM holds once its scripts ran, as Chromium serialised it. */
public final class RenderedPage {
  private static final Pattern FIGURE = Pattern.compile("<figure ([^>]*)>(.*?)</figure>", Pattern.DOTALL);
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");
  private static final Pattern BODY = Pattern.compile("<body([^>]*)>");

  private RenderedPage() {}

  /**
   * One chart as drawn.
   *
   * @param id its element id
   * @param type power, cumulative, tradeoff or intensity
   * @param expected the points the page's data holds ({@code data-expected}, written by Java)
   * @param points the points the charting library holds after drawing ({@code data-points},
   *     written by the page's script), -1 when the script did not get to it
   * @param svgShapes SVG paths and circles drawn inside the chart
   * @param expectedErrors the error bars or band points the page's data holds ({@code
   *     data-expected-errors}, written by Java)
   * @param errorBars the error bars or band points the charting library holds after drawing ({@code
   *     data-error-bars}, written by the page's script), -1 when the script did not get to it
   */
  public record Figure(String id, String type, int expected, int points, int svgShapes, int expectedErrors,
      int errorBars) {}

  /** The charts of {@code dom}, in page order. */
  public static List<Figure> figures(String dom) {
    List<Figure> figures = new ArrayList<>();
    Matcher m = FIGURE.matcher(dom);
    while (m.find()) {
      Map<String, String> a = attributes(m.group(1));
      String inner = m.group(2);
      int shapes = inner.contains("<svg") ? count(inner, "<path") + count(inner, "<circle") : 0;
      figures.add(new Figure(a.get("id"), a.get("data-type"), Integer.parseInt(a.getOrDefault("data-expected", "-1")),
          Integer.parseInt(a.getOrDefault("data-points", "-1")), shapes,
          Integer.parseInt(a.getOrDefault("data-expected-errors", "-1")),
          Integer.parseInt(a.getOrDefault("data-error-bars", "-1"))));
    }
    return figures;
  }

  /** How many charts the page's script says it drew ({@code body[data-charts]}), -1 if it did not finish. */
  public static int chartsDrawn(String dom) {
    Matcher m = BODY.matcher(dom);
    return m.find() ? Integer.parseInt(attributes(m.group(1)).getOrDefault("data-charts", "-1")) : -1;
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> a = new TreeMap<>();
    Matcher m = ATTRIBUTE.matcher(tag);
    while (m.find()) {
      a.put(m.group(1), m.group(2));
    }
    return a;
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
