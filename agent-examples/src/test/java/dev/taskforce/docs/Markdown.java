package dev.taskforce.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a Markdown file the docs tests check: fenced code blocks (with the HTML comment
 * directly above each, if any), relative links and heading anchors. Only what our docs use is
 * understood: backtick fences, ATX headings, inline links.
 */
final class Markdown {

  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern COMMENT = Pattern.compile("^\\s*<!--\\s*(.*?)\\s*-->\\s*$");
  private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

  /**
   * A fenced code block.
   *
   * @param line the 1-based line of its opening fence
   * @param language the fence's info string, such as {@code java}; empty for none
   * @param comment the text of the HTML comment on the line above (blank lines allowed between), or
   *     {@code null}
   * @param lines its content, with the fence's own indentation removed
   */
  record Block(int line, String language, @Nullable String comment, List<String> lines) {}

  /**
   * A relative link.
   *
   * @param line the 1-based line it is on
   * @param target the link target as written, such as {@code tools.md#results}
   */
  record Link(int line, String target) {}

  final Path file;
  final List<Block> blocks = new ArrayList<>();
  final List<Link> links = new ArrayList<>();
  final Set<String> anchors = new LinkedHashSet<>();

  /** Comments that no code block follows, by line. */
  final Map<Integer, String> strayComments = new HashMap<>();

  private Markdown(Path file, List<String> lines) {
    this.file = file;
    Map<String, Integer> slugCounts = new HashMap<>();
    String comment = null;
    int commentLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      if (trimmed.startsWith("```")) {
        int indent = line.indexOf('`');
        String fence = trimmed.substring(0, countBackticks(trimmed));
        List<String> content = new ArrayList<>();
        int start = i;
        for (i++; i < lines.size() && !lines.get(i).strip().startsWith(fence); i++) {
          String l = lines.get(i);
          content.add(
              l.length() >= indent && l.substring(0, indent).isBlank()
                  ? l.substring(indent)
                  : l.strip());
        }
        blocks.add(
            new Block(start + 1, trimmed.substring(fence.length()).strip(), comment, content));
        comment = null;
        continue;
      }
      Matcher c = COMMENT.matcher(line);
      if (c.matches()) {
        if (comment != null) {
          strayComments.put(commentLine, comment);
        }
        comment = c.group(1);
        commentLine = i + 1;
        continue;
      }
      if (trimmed.isEmpty()) {
        continue;
      }
      if (comment != null) {
        strayComments.put(commentLine, comment);
        comment = null;
      }
      if (trimmed.startsWith("#")) {
        String slug = slug(trimmed.replaceFirst("^#+", ""));
        int n = slugCounts.merge(slug, 1, Integer::sum);
        anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
      }
      Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
      while (m.find()) {
        String target = m.group(1);
        if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          links.add(new Link(i + 1, target));
        }
      }
    }
    if (comment != null) {
      strayComments.put(commentLine, comment);
    }
  }

  /**
   * The repository root: the first directory above the working directory with README.md and docs/.
   */
  static final Path ROOT = root();

  /**
   * The content of the code block marked {@code <!-- output: NAME -->} in a doc, for tests that
   * check what the doc says a call prints or returns.
   *
   * @param doc the doc's path from the repository root
   * @param name the block's name
   * @return its lines joined with {@code \n}
   */
  static String output(String doc, String name) {
    for (Block b : read(ROOT.resolve(doc)).blocks) {
      if (("output: " + name).equals(b.comment())) {
        return String.join("\n", b.lines());
      }
    }
    throw new AssertionError(doc + " has no code block marked <!-- output: " + name + " -->");
  }

  private static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("docs"))) {
        return p;
      }
    }
    throw new IllegalStateException("no README.md and docs/ above " + Path.of("").toAbsolutePath());
  }

  static Markdown read(Path file) {
    try {
      return new Markdown(file, Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
  static String slug(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }

  private static int countBackticks(String s) {
    int n = 0;
    while (n < s.length() && s.charAt(n) == '`') {
      n++;
    }
    return n;
  }
}
