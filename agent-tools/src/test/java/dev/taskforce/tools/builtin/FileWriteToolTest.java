package dev.taskforce.tools.builtin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taskforce.TaskforceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWriteToolTest {

  @TempDir Path temp;
  private Path root;
  private Path outside;
  private FileWriteTool writer;

  @BeforeEach
  void createTree() throws IOException {
    root = Files.createDirectory(temp.resolve("root"));
    outside = Files.createDirectory(temp.resolve("outside"));
    Files.writeString(root.resolve("existing.txt"), "old");
    writer = FileWriteTool.builder().root(root).build();
  }

  @Test
  void createsANewUtf8File() throws IOException {
    assertThat(writer.writeFile("new.txt", "grüße ✓")).isEqualTo("created new.txt (11 bytes)");
    assertThat(Files.readString(root.resolve("new.txt"), UTF_8)).isEqualTo("grüße ✓");
  }

  @Test
  void createsMissingParentDirectoriesInsideTheRoot() throws IOException {
    assertThat(writer.writeFile("a/b/c.txt", "x")).isEqualTo("created a/b/c.txt (1 bytes)");
    assertThat(root.resolve("a/b/c.txt")).hasContent("x");
  }

  @Test
  void refusesToCreateDirectoriesWhenSwitchedOff() {
    FileWriteTool flat = FileWriteTool.builder().root(root).createDirectories(false).build();
    assertThatThrownBy(() -> flat.writeFile("a/b/c.txt", "x"))
        .isInstanceOf(TaskforceException.class)
        .hasMessage("directory a/b does not exist, and this tool does not create directories");
    assertThat(root.resolve("a")).doesNotExist();
  }

  @Test
  void neverReplacesAnExistingFileByDefault() {
    assertThatThrownBy(() -> writer.writeFile("existing.txt", "new"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage(
            "existing.txt already exists, and this tool does not replace files; choose a new path");
    assertThat(root.resolve("existing.txt")).hasContent("old");
  }

  @Test
  void replacesAnExistingFileWhenAllowed() {
    FileWriteTool replacing = FileWriteTool.builder().root(root).allowOverwrite(true).build();
    assertThat(replacing.writeFile("existing.txt", "new"))
        .isEqualTo("replaced existing.txt (3 bytes)");
    assertThat(root.resolve("existing.txt")).hasContent("new");
  }

  @Test
  void refusesTraversalAndAbsolutePaths() {
    assertThatThrownBy(() -> writer.writeFile("../outside/x.txt", "x"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessageContaining("\"..\" is not allowed");
    assertThatThrownBy(() -> writer.writeFile("a/../../outside/x.txt", "x"))
        .isInstanceOf(ToolRefusedException.class);
    assertThatThrownBy(() -> writer.writeFile(outside.resolve("x.txt").toString(), "x"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessageStartingWith("absolute paths are not allowed");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void refusesWritingThroughADirectoryLinkThatLeadsOutside() throws IOException {
    Files.createSymbolicLink(root.resolve("elsewhere"), outside);

    assertThatThrownBy(() -> writer.writeFile("elsewhere/x.txt", "x"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessageStartingWith("elsewhere leads outside the root directory");
    assertThatThrownBy(() -> writer.writeFile("elsewhere/deep/er/x.txt", "x"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessageStartingWith("elsewhere leads outside the root directory");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void refusesWritingToASymbolicLinkEvenInsideTheRoot() throws IOException {
    Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("existing.txt"));
    Files.createSymbolicLink(root.resolve("out.txt"), outside.resolve("planted.txt"));
    FileWriteTool replacing = FileWriteTool.builder().root(root).allowOverwrite(true).build();

    assertThatThrownBy(() -> replacing.writeFile("link.txt", "x"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage("link.txt is a symbolic link; this tool does not write through links");
    assertThatThrownBy(() -> replacing.writeFile("out.txt", "x"))
        .isInstanceOf(ToolRefusedException.class);
    assertThat(outside.resolve("planted.txt")).doesNotExist();
    assertThat(root.resolve("existing.txt")).hasContent("old");
  }

  @Test
  void refusesContentLargerThanTheWriteLimit() {
    FileWriteTool small = FileWriteTool.builder().root(root).maxWriteBytes(4).build();
    assertThat(small.writeFile("ok.txt", "abcd")).isEqualTo("created ok.txt (4 bytes)");
    assertThatThrownBy(() -> small.writeFile("big.txt", "abcé"))
        .isInstanceOf(ToolRefusedException.class)
        .hasMessage("content is 5 bytes; the write limit is 4 bytes; big.txt was not written");
    assertThat(root.resolve("big.txt")).doesNotExist();
  }

  @Test
  void refusesToWriteTheRootOrADirectory() throws IOException {
    Files.createDirectory(root.resolve("dir"));
    assertThatThrownBy(() -> writer.writeFile(".", "x"))
        .isInstanceOf(TaskforceException.class)
        .hasMessageStartingWith("path names the root directory");
    assertThatThrownBy(() -> writer.writeFile("dir", "x"))
        .hasMessage("dir is a directory; give a file path");
    assertThatThrownBy(() -> writer.writeFile("existing.txt/x", "x"))
        .hasMessage("existing.txt is not a directory");
  }

  @Test
  void refusesTextWithoutAUtf8Form() {
    assertThatThrownBy(() -> writer.writeFile("bad.txt", "a\uD800b"))
        .isInstanceOf(TaskforceException.class)
        .hasMessage("content is not valid Unicode text (it contains an unpaired surrogate)");
    assertThat(root.resolve("bad.txt")).doesNotExist();
  }

  @Test
  void cannotBeBuiltWithoutARoot() {
    assertThatIllegalStateException()
        .isThrownBy(() -> FileWriteTool.builder().build())
        .withMessageStartingWith("root is required");
  }
}
