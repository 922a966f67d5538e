package dev.taskforce.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The snippet regions of one compiled test source: the lines between a start marker comment ({@code
 * snippet:NAME}) and an end marker comment ({@code end:NAME}), without their common indentation.
 * Spotless leaves these regions as they are (see the parent POM), so they keep the layout the docs
 * show.
 */
final class SnippetSource {

  // Written as patterns so that this file has no markers of its own.
  private static final Pattern START = Pattern.compile("^\\s*//\\s?snippet:(\\S+)\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*//\\s?end:(\\S+)\\s*$");

  final Path file;
  final Map<String, List<String>> regions = new LinkedHashMap<>();

  private SnippetSource(Path file, List<String> lines) {
    this.file = file;
    String open = null;
    List<String> current = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher start = START.matcher(line);
      Matcher end = END.matcher(line);
      if (start.matches()) {
        if (open != null) {
          throw new IllegalStateException(
              where(i) + ": region " + start.group(1) + " starts inside region " + open);
        }
        open = start.group(1);
        current = new ArrayList<>();
      } else if (end.matches()) {
        if (!end.group(1).equals(open)) {
          throw new IllegalStateException(
              where(i) + ": end of region " + end.group(1) + ", but the open region is " + open);
        }
        if (regions.put(open, dedent(current)) != null) {
          throw new IllegalStateException(where(i) + ": region " + open + " appears twice");
        }
        open = null;
      } else if (open != null) {
        current.add(line);
      }
    }
    if (open != null) {
      throw new IllegalStateException(file + ": region " + open + " is never ended");
    }
  }

  static SnippetSource read(Path file) {
    try {
      return new SnippetSource(file, Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String where(int index) {
    return file.getFileName() + ":" + (index + 1);
  }

  /** The lines without trailing spaces and without the indentation all non-blank lines share. */
  static List<String> dedent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        indent = Math.min(indent, l.length() - l.stripLeading().length());
      }
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.isBlank() ? "" : l.substring(indent).stripTrailing());
    }
    return out;
  }
}
