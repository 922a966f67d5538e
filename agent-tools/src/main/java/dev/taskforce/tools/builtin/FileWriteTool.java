package dev.taskforce.tools.builtin;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/**
 * A tool that writes UTF-8 text files under one root directory: the write half of {@link
 * FileTools}, kept separate so that writing is opt-in by construction.
 *
 * <pre>{@code
 * Path workspace = Path.of("/srv/agent/workspace");
 * Tools.from(
 *     FileTools.builder().root(workspace).build(),                        // list_files, read_file
 *     FileWriteTool.builder().root(workspace).allowOverwrite(true).build()); // write_file
 * }</pre>
 *
 * <p>Safety:
 *
 * <ul>
 *   <li>There is no default root: {@link Builder#build()} fails without one.
 *   <li>The same path rules as {@link FileTools}: relative paths only, no {@code ..}, and the real
 *       path of the nearest existing ancestor of the file must be inside the root.
 *   <li>New files only, unless {@link Builder#allowOverwrite} is set: by default an existing file
 *       is never replaced.
 *   <li>Never writes through a symbolic link, nor to anything but a regular file.
 *   <li>Content is limited to {@link Builder#maxWriteBytes} (default 256 KiB) of UTF-8.
 *   <li>Missing parent directories are created (inside the root) unless {@link
 *       Builder#createDirectories} is switched off.
 * </ul>
 *
 * <p>A replaced file is truncated and rewritten in place, not swapped atomically. The same limit as
 * for {@link FileTools} applies: checks and writes are not atomic against other processes changing
 * the tree under the root at the same moment. Immutable and thread-safe.
 */
public final class FileWriteTool {

  /** Default {@link Builder#maxWriteBytes}: 256 KiB. */
  public static final int DEFAULT_MAX_WRITE_BYTES = 256 * 1024;

  private static final int MAX_WRITE_BYTES_CAP = 64 * 1024 * 1024;

  private final FileRoot root;
  private final int maxWriteBytes;
  private final boolean allowOverwrite;
  private final boolean createDirectories;

  private FileWriteTool(Builder b) {
    this.root = requireNonNull(b.root, "root == null");
    this.maxWriteBytes = b.maxWriteBytes;
    this.allowOverwrite = b.allowOverwrite;
    this.createDirectories = b.createDirectories;
  }

  /**
   * Starts a write tool; a root is required.
   *
   * @return a builder that creates new files only, up to 256 KiB
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes a text file under the root.
   *
   * @param path the file relative to the root, e.g. {@code notes/todo.txt}
   * @param content the complete text of the file, written as UTF-8
   * @return what was done, e.g. {@code "created notes/todo.txt (12 bytes)"}
   * @throws ToolRefusedException if the path is absolute, contains {@code ..}, leads outside the
   *     root, is a symbolic link or not a regular file, the file exists and overwriting is not
   *     allowed, or the content is larger than {@link Builder#maxWriteBytes}
   * @throws TaskforceException if the path names a directory, a parent directory is missing and may
   *     not be created, the content is not valid Unicode, or writing fails
   */
  @Tool(
      name = "write_file",
      value =
          "Writes a UTF-8 text file, given its complete content. The path is relative to the"
              + " workspace root.")
  public String writeFile(
      @Param("File path relative to the workspace root, e.g. notes/todo.txt") @NotBlank String path,
      @Param("The complete text of the file") @NotNull String content) {
    requireNonNull(content, "content == null");
    Path relative = root.relative(path);
    String shown = root.display(relative);
    if (relative.getFileName() == null || relative.toString().isEmpty()) {
      throw new TaskforceException(
          "path names the root directory; give a file path such as notes/todo.txt");
    }
    byte[] bytes = Utf8.encode(content);
    if (bytes.length > maxWriteBytes) {
      throw new ToolRefusedException(
          "content is "
              + bytes.length
              + " bytes; the write limit is "
              + maxWriteBytes
              + " bytes; "
              + shown
              + " was not written");
    }
    Path parent = relative.getParent();
    Path directory =
        root.directoryForWrite(
            parent == null ? relative.getFileSystem().getPath("") : parent, createDirectories);
    Path file = directory.resolve(relative.getFileName().toString());
    boolean replace = checkExisting(file, shown);
    OpenOption[] options =
        replace
            ? new OpenOption[] {
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING,
              LinkOption.NOFOLLOW_LINKS
            }
            : new OpenOption[] {
              StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS
            };
    try {
      Files.write(file, bytes, options);
    } catch (FileAlreadyExistsException e) {
      throw exists(shown); // Created by someone else after the check.
    } catch (IOException e) {
      throw FileRoot.failure("cannot write " + shown, e);
    }
    return (replace ? "replaced " : "created ") + shown + " (" + bytes.length + " bytes)";
  }

  /** Whether the file exists and may be replaced; refuses what may not be written. */
  private boolean checkExisting(Path file, String shown) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return false; // Absent; CREATE_NEW will notice if that changes.
    }
    if (attributes.isSymbolicLink()) {
      throw new ToolRefusedException(
          shown + " is a symbolic link; this tool does not write through links");
    }
    if (attributes.isDirectory()) {
      throw new TaskforceException(shown + " is a directory; give a file path");
    }
    if (!attributes.isRegularFile()) {
      throw new ToolRefusedException(shown + " is not a regular file; only files can be written");
    }
    if (!allowOverwrite) {
      throw exists(shown);
    }
    return true;
  }

  private static ToolRefusedException exists(String shown) {
    return new ToolRefusedException(
        shown + " already exists, and this tool does not replace files; choose a new path");
  }

  @Override
  public String toString() {
    return "FileWriteTool{root="
        + root
        + ", maxWriteBytes="
        + maxWriteBytes
        + ", allowOverwrite="
        + allowOverwrite
        + ", createDirectories="
        + createDirectories
        + "}";
  }

  /** Builds a {@link FileWriteTool}. Not thread-safe. */
  public static final class Builder {
    private @Nullable FileRoot root;
    private int maxWriteBytes = DEFAULT_MAX_WRITE_BYTES;
    private boolean allowOverwrite;
    private boolean createDirectories = true;

    private Builder() {}

    /**
     * Sets the one directory the tool may write under. Required.
     *
     * @param root an existing directory, not the file system root; symbolic links in it are
     *     resolved now
     * @return this builder
     * @throws IllegalArgumentException if it does not exist, is not a directory or is the file
     *     system root
     */
    public Builder root(Path root) {
      this.root = FileRoot.of(root);
      return this;
    }

    /**
     * Sets the largest content written, in UTF-8 bytes; larger content is refused, not cut.
     *
     * @param maxWriteBytes 1 byte to 64 MiB; default 256 KiB
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxWriteBytes(int maxWriteBytes) {
      this.maxWriteBytes = Limits.inRange("maxWriteBytes", maxWriteBytes, 1, MAX_WRITE_BYTES_CAP);
      return this;
    }

    /**
     * Sets whether an existing regular file may be replaced.
     *
     * @param allowOverwrite {@code true} to replace files; default {@code false} (new files only)
     * @return this builder
     */
    public Builder allowOverwrite(boolean allowOverwrite) {
      this.allowOverwrite = allowOverwrite;
      return this;
    }

    /**
     * Sets whether missing parent directories (inside the root) are created.
     *
     * @param createDirectories default {@code true}
     * @return this builder
     */
    public Builder createDirectories(boolean createDirectories) {
      this.createDirectories = createDirectories;
      return this;
    }

    /**
     * Builds the tool.
     *
     * @return the tool
     * @throws IllegalStateException if no root was set
     */
    public FileWriteTool build() {
      if (root == null) {
        throw new IllegalStateException(
            "root is required: FileWriteTool.builder().root(directory); there is no default");
      }
      return new FileWriteTool(this);
    }
  }
}
