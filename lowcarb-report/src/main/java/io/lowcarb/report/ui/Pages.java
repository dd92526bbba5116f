package io.lowcarb.report.ui;

import io.lowcarb.report.Assets;
import io.lowcarb.report.Html;

/** The dashboard's frame: its links and its own pages' layout. */
final class Pages {
  /** Where the dashboard serves the style sheet and the scripts. */
  static final String ASSETS = "/assets";

  private Pages() {}

  /** The links at the top of every page. */
  static String nav(String store) {
    return "<nav><a href=\"/\">Runs</a><span class=\"meta\">lowcarb dashboard over " + Html.escape(store)
        + "</span></nav>\n";
  }

  /** A page of the dashboard's own: {@code body} is HTML. */
  static String page(String title, String store, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Html.escape(title)
        + "</title>\n" + new Assets.Served(ASSETS).head() + "</head>\n<body>\n" + nav(store) + "<header><h1>"
        + Html.escape(title) + "</h1></header>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
  }

  /** A page that says what went wrong, for 400 and 404. */
  static String problem(String title, String store, String message) {
    return page(title, store, "<p class=\"error\">" + Html.escape(message) + "</p>\n<p><a href=\"/\">All runs</a></p>\n");
  }
}
