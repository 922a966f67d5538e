package dev.taskforce.tools.builtin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.taskforce.TaskforceException;
import dev.taskforce.tools.Tool;
import dev.taskforce.tools.builtin.FileTools.Entry;
import dev.taskforce.tools.builtin.FileTools.Kind;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileToolsTest {

  @TempDir Path temp;
  private Path root;
  private Path outside;
  private FileTools files;

  @BeforeEach
  void createTree() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    outside = Files.createDirectory(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "top secret");
    Files.createDirectories(root.resolve("notes/old"));
    Files.writeString(root.resolve("notes/todo.txt"), "buy milk\nfix bug ✓\n");
    Files.writeString(root.resolve("readme.md"), "# hello");
    files = FileTools.builder().root(root).build();
  }

  @Test
  void readsAUtf8TextFileUnderTheRoot() {
    assertThat(files.readFile("notes/todo.txt")).isEqualTo("buy milk\nfix bug ✓\n");
    assertThat(files.readFile("./notes/./todo.txt")).isEqualTo("buy milk\nfix bug ✓\n");
  }

  @Test
  void dropsALeadingByteOrderMark() throws IOException {
    Files.write(root.resolve("bom.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h'});
    assertThat(files.readFile("bom.txt")).isEqualTo("h");
  }

  @Test
  void refusesParentDirectoryTraversal() {
    for (String path : new String[] {"../outside/secret.txt", "a/../../outside/secret.txt", ".."}) {
      assertRefused(() -> files.readFile(path))
          .hasMessage(
              "path \""
                  + path
                  + "\" is refused: \"..\" is not allowed; give a path inside"
                  + " the root");
    }
    assertRefused(() -> files.readFile("notes/../readme.md")).hasMessageContaining("\"..\"");
    assertRefused(() -> files.listFiles("../outside")).hasMessageContaining("\"..\"");
  }

  @Test
  void refusesAbsolutePathsWithoutEchoingThem() {
    String absolute = outside.resolve("secret.txt").toString();
    assertRefused(() -> files.readFile(absolute))
        .hasMessage(
            "absolute paths are not allowed; give a path relative to the root directory, such as"
                + " \"notes/todo.txt\"");
    assertRefused(() -> files.readFile(root.resolve("readme.md").toString()))
        .hasMessageStartingWith("absolute paths are not allowed");
    assertRefused(() -> files.listFiles("/")).hasMessageStartingWith("absolute paths");
  }

  @Test
  void refusesASymbolicLinkThatLeadsOutsideTheRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("innocent.txt"), outside.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("elsewhere"), outside);

    assertRefused(() -> files.readFile("innocent.txt"))
        .hasMessage(
            "innocent.txt leads outside the root directory through a symbolic link; only files"
                + " under the root can be used");
    assertRefused(() -> files.readFile("elsewhere/secret.txt"))
        .hasMessageStartingWith("elsewhere/secret.txt leads outside the root directory");
    assertRefused(() -> files.listFiles("elsewhere"))
        .hasMessageStartingWith("elsewhere leads outside the root directory");
  }

  @Test
  void followsASymbolicLinkThatStaysInsideTheRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("todo-link"), root.resolve("notes/todo.txt"));
    assertThat(files.readFile("todo-link")).startsWith("buy milk");
  }

  @Test
  void resolvesTheRootItselfWhenItIsASymbolicLink() throws IOException {
    Path link = Files.createSymbolicLink(temp.resolve("root-link"), root);
    FileTools viaLink = FileTools.builder().root(link).build();
    assertThat(viaLink.readFile("readme.md")).isEqualTo("# hello");
  }

  @Test
  void refusesFilesLargerThanTheReadLimit() throws IOException {
    FileTools small = FileTools.builder().root(root).maxReadBytes(10).build();
    Files.writeString(root.resolve("ten.txt"), "0123456789");
    Files.writeString(root.resolve("eleven.txt"), "0123456789A");

    assertThat(small.readFile("ten.txt")).isEqualTo("0123456789");
    assertRefused(() -> small.readFile("eleven.txt"))
        .hasMessage("eleven.txt is 11 bytes; the read limit is 10 bytes");
  }

  @Test
  void refusesBinaryFiles() throws IOException {
    Files.write(root.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    Files.write(root.resolve("nul.txt"), "a\0b".getBytes(UTF_8));

    assertThatThrownBy(() -> files.readFile("image.png"))
        .isInstanceOf(TaskforceException.class)
        .hasMessage(
            "image.png is not UTF-8 text (it looks binary); only UTF-8 text files can be read");
    assertThatThrownBy(() -> files.readFile("nul.txt"))
        .hasMessageStartingWith("nul.txt is not UTF-8 text");
  }

  @Test
  void refusesFilesThatAreNotRegular() throws Exception {
    Path fifo = root.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0)
        .as("mkfifo available")
        .isTrue();

    assertRefused(() -> files.readFile("pipe"))
        .hasMessage("pipe is not a regular file; only files can be read");
    assertThat(files.listFiles(null).entries()).contains(new Entry("pipe", Kind.OTHER, null));
  }

  @Test
  void saysWhatToDoWithADirectoryOrAMissingFile() {
    assertThatThrownBy(() -> files.readFile("notes"))
        .isInstanceOf(TaskforceException.class)
        .hasMessage("notes is a directory; list it with list_files");
    assertThatThrownBy(() -> files.readFile("notes/missing.txt"))
        .hasMessage("no such file or directory: notes/missing.txt");
    assertThatThrownBy(() -> files.listFiles("readme.md"))
        .hasMessage("readme.md is not a directory; read it with read_file");
  }

  @Test
  void listsADirectorySortedWithKindsAndSizes() throws IOException {
    Files.createSymbolicLink(root.resolve("elsewhere"), outside);

    FileTools.Listing listing = files.listFiles(null);
    assertThat(listing.directory()).isEqualTo(".");
    assertThat(listing.truncated()).isFalse();
    assertThat(listing.entries())
        .containsExactly(
            new Entry("elsewhere", Kind.SYMLINK, null),
            new Entry("notes", Kind.DIRECTORY, null),
            new Entry("readme.md", Kind.FILE, 7L));

    assertThat(files.listFiles("notes").entries())
        .containsExactly(
            new Entry("notes/old", Kind.DIRECTORY, null),
            new Entry(
                "notes/todo.txt",
                Kind.FILE,
                (long) "buy milk\nfix bug ✓\n".getBytes(UTF_8).length));
    assertThat(files.listFiles(".").entries()).hasSize(3);
    assertThat(files.listFiles("notes/old").entries()).isEmpty();
  }

  @Test
  void cutsALongListingAtTheLimitAndSaysSo() throws IOException {
    for (int i = 0; i < 5; i++) {
      Files.writeString(root.resolve("notes/old/f" + i + ".txt"), "x");
    }
    FileTools few = FileTools.builder().root(root).maxEntries(3).build();

    FileTools.Listing listing = few.listFiles("notes/old");
    assertThat(listing.entries()).hasSize(3);
    assertThat(listing.truncated()).isTrue();
    assertThat(few.listFiles(null).truncated()).isFalse();
  }

  @Test
  void neverShowsHostPathsInErrors() throws IOException {
    Files.createSymbolicLink(root.resolve("innocent.txt"), outside.resolve("secret.txt"));
    for (String path :
        new String[] {
          "innocent.txt", "missing.txt", "../outside", outside.toString(), "notes", "a\0b"
        }) {
      assertThatThrownBy(() -> files.readFile(path))
          .isInstanceOf(TaskforceException.class)
          .hasNoCause()
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(temp.toString()));
    }
  }

  @Test
  void offersNoWriteTool() {
    assertThat(
            Arrays.stream(FileTools.class.getMethods())
                .filter(m -> m.isAnnotationPresent(Tool.class))
                .map(Method::getName))
        .containsExactlyInAnyOrder("listFiles", "readFile");
  }

  @Test
  void cannotBeBuiltWithoutAnExistingDirectoryAsRoot() throws IOException {
    assertThatIllegalStateException()
        .isThrownBy(() -> FileTools.builder().build())
        .withMessageStartingWith("root is required");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FileTools.builder().root(temp.resolve("missing")))
        .withMessageStartingWith("root does not exist");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FileTools.builder().root(root.resolve("readme.md")))
        .withMessageStartingWith("root is not a directory");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FileTools.builder().root(Path.of("/")))
        .withMessageStartingWith("root must not be the file system root");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> FileTools.builder().maxReadBytes(0))
        .withMessage("maxReadBytes must be between 1 and 67108864, was 0");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    return assertThatThrownBy(call).isInstanceOf(ToolRefusedException.class).hasNoCause();
  }
}
