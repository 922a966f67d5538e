package dev.taskforce.tools.builtin;

import static java.util.Objects.requireNonNull;

import dev.taskforce.TaskforceException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one directory the file tools may use, and the checks that keep every path the model names
 * inside it.
 *
 * <p>A path from the model must be relative, must not contain {@code ..}, and must not lead outside
 * the root once symbolic links are resolved: {@link #existing} checks the real path of the entry,
 * {@link #directoryForWrite} the real path of the nearest existing ancestor. Messages name paths
 * relative to the root only. Immutable and thread-safe.
 *
 * <p>Limit: the checks and the later open are not one atomic step. A process that can change the
 * tree under the root at the same moment (replace a checked directory with a symbolic link) could
 * race them; the final component is opened without following links, intermediate ones are not
 * protected. Do not point the root at a directory that untrusted processes write to.
 */
final class FileRoot {

  /** Longest path the model may give, in characters. */
  static final int MAX_PATH_LENGTH = 1_024;

  private final Path root;

  private FileRoot(Path root) {
    this.root = root;
  }

  /**
   * Checks and resolves the configured root.
   *
   * @throws IllegalArgumentException if it does not exist, is not a directory, or is the file
   *     system root
   */
  static FileRoot of(Path configured) {
    requireNonNull(configured, "root == null");
    Path real;
    try {
      real = configured.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("root does not exist or cannot be read: " + configured);
    }
    if (!Files.isDirectory(real)) {
      throw new IllegalArgumentException("root is not a directory: " + configured);
    }
    if (real.getParent() == null) {
      throw new IllegalArgumentException(
          "root must not be the file system root: " + configured + "; give a dedicated directory");
    }
    return new FileRoot(real);
  }

  /** The real path of the root. */
  Path path() {
    return root;
  }

  /**
   * Parses a path the model gave into a normalized path relative to the root; the empty path means
   * the root itself.
   *
   * @throws ToolRefusedException if it is absolute, contains {@code ..} or is too long
   */
  Path relative(String path) {
    requireNonNull(path, "path == null");
    if (path.length() > MAX_PATH_LENGTH) {
      throw new ToolRefusedException(
          "path is " + path.length() + " characters long; the limit is " + MAX_PATH_LENGTH);
    }
    if (path.indexOf('\0') >= 0) {
      throw new ToolRefusedException("path contains a NUL character");
    }
    Path parsed;
    try {
      parsed = root.getFileSystem().getPath(path.strip());
    } catch (InvalidPathException e) {
      throw new TaskforceException("not a valid path: \"" + path + "\"");
    }
    if (parsed.isAbsolute() || parsed.getRoot() != null) {
      throw new ToolRefusedException(
          "absolute paths are not allowed; give a path relative to the root directory, such as"
              + " \"notes/todo.txt\"");
    }
    for (Path name : parsed) {
      if (name.toString().equals("..")) {
        throw new ToolRefusedException(
            "path \"" + path + "\" is refused: \"..\" is not allowed; give a path inside the root");
      }
    }
    return parsed.normalize();
  }

  /** How the model sees a relative path: forward slashes, {@code "."} for the root. */
  String display(Path relative) {
    if (relative.toString().isEmpty()) {
      return ".";
    }
    StringBuilder shown = new StringBuilder();
    for (Path name : relative) {
      if (shown.length() > 0) {
        shown.append('/');
      }
      shown.append(name);
    }
    return shown.toString();
  }

  /**
   * The real path of an existing file or directory, checked to be inside the root.
   *
   * @throws TaskforceException if it does not exist or cannot be accessed
   * @throws ToolRefusedException if its real path leaves the root
   */
  Path existing(Path relative) {
    Path real;
    try {
      real = root.resolve(relative).toRealPath();
    } catch (NoSuchFileException e) {
      throw new TaskforceException("no such file or directory: " + display(relative));
    } catch (IOException e) {
      throw failure("cannot access " + display(relative), e);
    }
    requireInside(real, relative);
    return real;
  }

  /**
   * The real path of the directory a new file goes in, created when missing and allowed. The
   * nearest existing ancestor's real path is checked to be inside the root before anything is
   * created, and the result is checked again after.
   *
   * @throws TaskforceException if the directory is missing and may not be created, or a component
   *     is a file
   * @throws ToolRefusedException if a real path leaves the root
   */
  Path directoryForWrite(Path relativeDirectory, boolean create) {
    Path wanted = root.resolve(relativeDirectory);
    Path existing = wanted;
    while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent(); // Stops at the root, which exists.
    }
    Path existingRelative = root.relativize(existing);
    Path real;
    try {
      real = existing.toRealPath();
    } catch (NoSuchFileException e) {
      throw new ToolRefusedException(
          display(existingRelative) + " is a symbolic link that points nowhere");
    } catch (IOException e) {
      throw failure("cannot access " + display(existingRelative), e);
    }
    requireInside(real, existingRelative);
    if (!Files.isDirectory(real)) {
      throw new TaskforceException(display(existingRelative) + " is not a directory");
    }
    if (existing.equals(wanted)) {
      return real;
    }
    if (!create) {
      throw new TaskforceException(
          "directory "
              + display(relativeDirectory)
              + " does not exist, and this tool does not create directories");
    }
    try {
      Path created = Files.createDirectories(real.resolve(existing.relativize(wanted)));
      Path realCreated = created.toRealPath();
      requireInside(realCreated, relativeDirectory);
      return realCreated;
    } catch (IOException e) {
      throw failure("cannot create directory " + display(relativeDirectory), e);
    }
  }

  private void requireInside(Path real, Path relative) {
    if (!real.startsWith(root)) {
      throw new ToolRefusedException(
          display(relative)
              + " leads outside the root directory through a symbolic link; only files under the"
              + " root can be used");
    }
  }

  /**
   * A failure whose message says what went wrong without the JDK's message, which holds absolute
   * paths.
   */
  static TaskforceException failure(String what, IOException e) {
    return new TaskforceException(what + ": " + reason(e));
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException) {
      String reason = ((FileSystemException) e).getReason();
      if (reason != null && !reason.contains("/") && !reason.contains("\\")) {
        return reason;
      }
    }
    return "I/O error";
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
