package dev.taskforce.tools.builtin;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;
import dev.taskforce.tools.Param;
import dev.taskforce.tools.Tool;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tools that list and read UTF-8 text files under one root directory, and nothing else.
 *
 * <pre>{@code
 * FileTools files = FileTools.builder().root(Path.of("/srv/agent/workspace")).build();
 * Tools.from(files);                  // the tools "list_files" and "read_file"
 * }</pre>
 *
 * <p>Safety, all on by default and not switchable off:
 *
 * <ul>
 *   <li>There is no default root: {@link Builder#build()} fails without one, and the root may not
 *       be the file system root.
 *   <li>Paths are relative to the root. Absolute paths and any {@code ..} component are refused; so
 *       is any path whose real path (symbolic links resolved) leaves the root.
 *   <li>Only regular files are read, up to {@link Builder#maxReadBytes} (default 256 KiB), and only
 *       when they are UTF-8 text without NUL bytes.
 *   <li>These tools never write. Writing is a separate tool, {@link FileWriteTool}, that exists
 *       only when you build it; a read-only agent is never even offered a write tool.
 *   <li>Error messages name paths relative to the root, never host paths.
 * </ul>
 *
 * <p>Limit: the path checks and the open are not one atomic step. A process that can change the
 * tree under the root at the same moment (swap a checked directory for a symbolic link) could race
 * them; the final path component is opened without following links, intermediate ones are not
 * protected. Do not point the root at a directory that untrusted processes write to. Immutable and
 * thread-safe.
 */
public final class FileTools {

  /** Default {@link Builder#maxReadBytes}: 256 KiB. */
  public static final int DEFAULT_MAX_READ_BYTES = 256 * 1024;

  /** Default {@link Builder#maxEntries}. */
  public static final int DEFAULT_MAX_ENTRIES = 500;

  private static final int MAX_READ_BYTES_CAP = 64 * 1024 * 1024;
  private static final int MAX_ENTRIES_CAP = 100_000;

  private final FileRoot root;
  private final int maxReadBytes;
  private final int maxEntries;

  private FileTools(Builder b) {
    this.root = requireNonNull(b.root, "root == null");
    this.maxReadBytes = b.maxReadBytes;
    this.maxEntries = b.maxEntries;
  }

  /**
   * Starts file tools; a root is required.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Lists a directory under the root, not recursively, sorted by path.
   *
   * @param directory the directory relative to the root, e.g. {@code notes}; {@code null}, blank or
   *     {@code "."} for the root itself
   * @return the entries, at most {@link Builder#maxEntries} of them
   * @throws ToolRefusedException if the path is absolute, contains {@code ..} or leads outside the
   *     root
   * @throws TaskforceException if it does not exist, is not a directory or cannot be read
   */
  @Tool(
      name = "list_files",
      value =
          "Lists the files and directories in a directory (not recursively). Paths are relative"
              + " to the workspace root; pass them to read_file.")
  public Listing listFiles(
      @Param(
              value = "Directory relative to the workspace root, e.g. notes; the root when omitted",
              optional = true)
          @Nullable String directory) {
    Path relative = root.relative(directory == null ? "" : directory);
    String shown = root.display(relative);
    Path real = root.existing(relative);
    if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
      throw new TaskforceException(shown + " is not a directory; read it with read_file");
    }
    List<Entry> entries = new ArrayList<>();
    boolean truncated = false;
    try (DirectoryStream<Path> children = Files.newDirectoryStream(real)) {
      for (Path child : children) {
        if (entries.size() == maxEntries) {
          truncated = true;
          break;
        }
        entries.add(entry(relative.resolve(child.getFileName().toString()), child));
      }
    } catch (IOException e) {
      throw FileRoot.failure("cannot list " + shown, e);
    }
    entries.sort(Comparator.comparing(Entry::path));
    return new Listing(shown, entries, truncated);
  }

  /**
   * Reads a UTF-8 text file under the root.
   *
   * @param path the file relative to the root, e.g. {@code notes/todo.txt}
   * @return the file's text (a leading byte order mark removed)
   * @throws ToolRefusedException if the path is absolute, contains {@code ..}, leads outside the
   *     root, is not a regular file, or the file is larger than {@link Builder#maxReadBytes}
   * @throws TaskforceException if it does not exist, is a directory, is not UTF-8 text, or cannot
   *     be read
   */
  @Tool(
      name = "read_file",
      value =
          "Reads a UTF-8 text file. The path is relative to the workspace root, as list_files"
              + " shows it.")
  public String readFile(
      @Param("File path relative to the workspace root, e.g. notes/todo.txt") @NotBlank
          String path) {
    Path relative = root.relative(path);
    String shown = root.display(relative);
    Path real = root.existing(relative);
    byte[] bytes;
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (attributes.isDirectory()) {
        throw new TaskforceException(shown + " is a directory; list it with list_files");
      }
      if (!attributes.isRegularFile()) {
        throw new ToolRefusedException(shown + " is not a regular file; only files can be read");
      }
      if (attributes.size() > maxReadBytes) {
        throw tooLarge(shown, attributes.size());
      }
      try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
        bytes = in.readNBytes(maxReadBytes + 1);
      }
    } catch (IOException e) {
      throw FileRoot.failure("cannot read " + shown, e);
    }
    if (bytes.length > maxReadBytes) {
      throw tooLarge(shown, bytes.length); // It grew after the size check.
    }
    return Utf8.decode(bytes, shown);
  }

  private Entry entry(Path relative, Path child) throws IOException {
    BasicFileAttributes a =
        Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Kind kind =
        a.isSymbolicLink()
            ? Kind.SYMLINK
            : a.isDirectory() ? Kind.DIRECTORY : a.isRegularFile() ? Kind.FILE : Kind.OTHER;
    return new Entry(root.display(relative), kind, kind == Kind.FILE ? a.size() : null);
  }

  private ToolRefusedException tooLarge(String shown, long size) {
    return new ToolRefusedException(
        shown + " is " + size + " bytes; the read limit is " + maxReadBytes + " bytes");
  }

  @Override
  public String toString() {
    return "FileTools{root="
        + root
        + ", maxReadBytes="
        + maxReadBytes
        + ", maxEntries="
        + maxEntries
        + "}";
  }

  /** What a directory entry is; symbolic links are reported as links, not followed. */
  public enum Kind {
    /** A regular file. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link; reading it is allowed only when its target is inside the root. */
    SYMLINK,
    /** Anything else (a device, a pipe, a socket); never read. */
    OTHER
  }

  /**
   * One entry of a listing.
   *
   * @param path the entry's path relative to the root, e.g. {@code notes/todo.txt}
   * @param kind what it is
   * @param size its size in bytes for a {@link Kind#FILE}, else {@code null}
   */
  public record Entry(String path, Kind kind, @Nullable Long size) {
    /** Checks the path and kind are present. */
    public Entry {
      requireNonNull(path, "path == null");
      requireNonNull(kind, "kind == null");
    }
  }

  /**
   * A directory's entries.
   *
   * @param directory the directory listed, relative to the root ({@code "."} for the root)
   * @param entries its entries, sorted by path
   * @param truncated whether the directory has more entries than the listing limit (the entries
   *     shown are then an arbitrary subset)
   */
  public record Listing(String directory, List<Entry> entries, boolean truncated) {
    /** Checks the parts are present and copies the entries. */
    public Listing {
      requireNonNull(directory, "directory == null");
      entries = List.copyOf(entries);
    }
  }

  /** Builds {@link FileTools}. Not thread-safe. */
  public static final class Builder {
    private @Nullable FileRoot root;
    private int maxReadBytes = DEFAULT_MAX_READ_BYTES;
    private int maxEntries = DEFAULT_MAX_ENTRIES;

    private Builder() {}

    /**
     * Sets the one directory the tools may read under. Required.
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
     * Sets the largest file {@code read_file} reads; larger files are refused, not cut.
     *
     * @param maxReadBytes 1 byte to 64 MiB; default 256 KiB
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxReadBytes(int maxReadBytes) {
      this.maxReadBytes = Limits.inRange("maxReadBytes", maxReadBytes, 1, MAX_READ_BYTES_CAP);
      return this;
    }

    /**
     * Sets the most entries {@code list_files} returns for one directory.
     *
     * @param maxEntries 1 to 100,000; default {@value FileTools#DEFAULT_MAX_ENTRIES}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxEntries(int maxEntries) {
      this.maxEntries = Limits.inRange("maxEntries", maxEntries, 1, MAX_ENTRIES_CAP);
      return this;
    }

    /**
     * Builds the tools.
     *
     * @return the tools
     * @throws IllegalStateException if no root was set
     */
    public FileTools build() {
      if (root == null) {
        throw new IllegalStateException(
            "root is required: FileTools.builder().root(directory); there is no default");
      }
      return new FileTools(this);
    }
  }
}
