package dev.taskforce.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps README.md and docs/ honest: links resolve, and the Java snippets users copy are the code of
 * compiled (and mostly run) test sources in this package.
 *
 * <p>A fenced block is tied to code by an HTML comment directly above it: {@code <!-- snippet:
 * ToolsDocTest#orderTools -->} names a region of {@code ToolsDocTest.java} in this package, and
 * several names separated by spaces are joined with a blank line. A Java block that cannot be
 * compiled (a fragment, an elided body) says so with {@code <!-- not compiled: why -->}.
 */
class DocsTest {

  /** The docs whose Java blocks must all be compiled snippets, or say why not. */
  private static final List<String> CHECKED_DOCS =
      List.of(
          "README.md",
          "docs/getting-started.md",
          "docs/agents.md",
          "docs/tools.md",
          "docs/json-schema.md",
          "docs/structured-output.md",
          "docs/orchestration.md",
          "docs/testing.md");

  private static final Path ROOT = Markdown.ROOT;
  private static final Path SOURCES =
      ROOT.resolve("agent-examples/src/test/java/dev/taskforce/docs");

  @Test
  void everyRelativeLinkPointsToAnExistingFileAndHeading() {
    List<String> broken = new ArrayList<>();
    Map<Path, Markdown> cache = new HashMap<>();
    for (Markdown doc : docs()) {
      for (Markdown.Link link : doc.links) {
        String[] parts = link.target().split("#", 2);
        Path target =
            parts[0].isEmpty() ? doc.file : doc.file.getParent().resolve(parts[0]).normalize();
        String where = name(doc.file) + ":" + link.line() + ": link " + link.target();
        if (!Files.exists(target)) {
          broken.add(where + ": no file " + name(target));
          continue;
        }
        if (parts.length == 2 && target.toString().endsWith(".md")) {
          Markdown linked = cache.computeIfAbsent(target, Markdown::read);
          if (!linked.anchors.contains(parts[1])) {
            broken.add(
                where
                    + ": "
                    + name(target)
                    + " has no heading #"
                    + parts[1]
                    + "; its anchors are "
                    + linked.anchors);
          }
        }
      }
    }
    assertNone("broken links", broken);
  }

  @Test
  void everyMarkedSnippetIsExactlyTheCodeOfItsRegions() {
    List<String> problems = new ArrayList<>();
    Map<String, SnippetSource> sources = new HashMap<>();
    for (Markdown doc : docs()) {
      for (Markdown.Block block : doc.blocks) {
        String comment = block.comment();
        if (comment == null || !comment.startsWith("snippet:")) {
          continue;
        }
        String names = comment.substring("snippet:".length()).strip();
        String where = name(doc.file) + ":" + block.line() + " (snippet " + names + ")";
        List<String> code = new ArrayList<>();
        for (String ref : names.split("\\s+")) {
          String[] parts = ref.split("#", 2);
          if (parts.length != 2) {
            problems.add(where + ": \"" + ref + "\" is not Class#region");
            continue;
          }
          Path file = SOURCES.resolve(parts[0] + ".java");
          if (!Files.exists(file)) {
            problems.add(where + ": no snippet source " + name(file));
            continue;
          }
          List<String> region =
              sources
                  .computeIfAbsent(parts[0], k -> SnippetSource.read(file))
                  .regions
                  .get(parts[1]);
          if (region == null) {
            problems.add(where + ": " + name(file) + " has no region " + parts[1]);
            continue;
          }
          if (!code.isEmpty()) {
            code.add("");
          }
          code.addAll(region);
        }
        String difference = firstDifference(SnippetSource.dedent(block.lines()), code);
        if (difference != null) {
          problems.add(where + " differs from its code: " + difference);
        }
      }
    }
    assertNone("snippets that differ from their code", problems);
  }

  @Test
  void everyJavaBlockOfTheCheckedDocsIsASnippetOrSaysWhyNot() {
    List<String> unmarked = new ArrayList<>();
    for (String name : CHECKED_DOCS) {
      Markdown doc = Markdown.read(ROOT.resolve(name));
      for (Markdown.Block block : doc.blocks) {
        String c = block.comment();
        boolean marked = c != null && (c.startsWith("snippet:") || c.startsWith("not compiled:"));
        if (block.language().equals("java") && !marked) {
          unmarked.add(
              name
                  + ":"
                  + block.line()
                  + ": add <!-- snippet: Class#region --> (code in "
                  + name(SOURCES)
                  + ") or <!-- not compiled: why -->");
        }
      }
    }
    assertNone("Java blocks that are not compiled", unmarked);
  }

  @Test
  void everyRegionIsShownAndEveryMarkerIsAboveACodeBlock() {
    Set<String> shown = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    for (Markdown doc : docs()) {
      doc.blocks.stream()
          .map(Markdown.Block::comment)
          .filter(c -> c != null && c.startsWith("snippet:"))
          .forEach(c -> shown.addAll(List.of(c.substring(8).strip().split("\\s+"))));
      doc.strayComments.forEach(
          (line, comment) -> {
            if (comment.matches("^(snippet|not compiled|output):.*")) {
              problems.add(
                  name(doc.file)
                      + ":"
                      + line
                      + ": <!-- "
                      + comment
                      + " --> is not directly above a code block");
            }
          });
    }
    try (Stream<Path> files = Files.list(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String cls = file.getFileName().toString().replace(".java", "");
        for (String region : SnippetSource.read(file).regions.keySet()) {
          if (!shown.contains(cls + "#" + region)) {
            problems.add(name(file) + ": region " + region + " is not shown in any doc");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertNone("regions and markers that belong to nothing", problems);
  }

  private static void assertNone(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new AssertionError(
          problems.size() + " " + what + ":\n  " + String.join("\n  ", problems));
    }
  }

  /** The first line where the doc and the code differ, shown both ways; null when equal. */
  static String firstDifference(List<String> doc, List<String> code) {
    for (int i = 0; i < Math.max(doc.size(), code.size()); i++) {
      String d = i < doc.size() ? doc.get(i) : "<end of block>";
      String c = i < code.size() ? code.get(i) : "<end of region>";
      if (!d.equals(c)) {
        return "first difference at line "
            + (i + 1)
            + " of the block:\n      doc:  "
            + d
            + "\n      code: "
            + c;
      }
    }
    return null;
  }

  private static List<Markdown> docs() {
    List<Markdown> docs = new ArrayList<>();
    docs.add(Markdown.read(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files
          .filter(f -> f.toString().endsWith(".md"))
          .sorted()
          .map(Markdown::read)
          .forEach(docs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return docs;
  }

  private static String name(Path file) {
    return ROOT.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
