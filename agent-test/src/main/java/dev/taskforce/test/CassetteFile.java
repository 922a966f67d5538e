package dev.taskforce.test;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.taskforce.internal.Json;
import dev.taskforce.model.ModelInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads and writes cassette files: pretty-printed JSON, two-space indents, {@code \n} line ends, so
 * that they read well and diff well in version control.
 */
final class CassetteFile {

  static final String FORMAT = "taskforce-cassette";
  static final int VERSION = 1;

  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
  private static final ObjectWriter PRETTY =
      Json.MAPPER.writer(
          new DefaultPrettyPrinter()
              .withObjectIndenter(INDENT)
              .withArrayIndenter(INDENT)
              .withSeparators(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  /** What a cassette holds: the models called and every call, in the order they ended. */
  record Contents(List<ModelInfo> models, List<Interaction> interactions) {
    Contents {
      models = List.copyOf(models);
      interactions = List.copyOf(interactions);
    }
  }

  private CassetteFile() {}

  static Contents read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cassette " + file, e);
    }
    try {
      JsonNode root = Json.parse(text);
      if (!FORMAT.equals(root.path("format").asText())) {
        throw new IllegalArgumentException("\"format\" is not \"" + FORMAT + "\"");
      }
      if (root.path("version").asInt() != VERSION) {
        throw new IllegalArgumentException(
            "version " + root.path("version") + " (this release reads " + VERSION + ")");
      }
      List<ModelInfo> models = new ArrayList<>();
      for (JsonNode m : root.path("models")) {
        models.add(InfoJson.read(m));
      }
      List<Interaction> interactions = new ArrayList<>();
      int i = 0;
      for (JsonNode n : root.path("interactions")) {
        try {
          interactions.add(Interaction.fromJson(n));
        } catch (RuntimeException e) {
          throw new IllegalArgumentException("interaction " + (i + 1) + ": " + e.getMessage(), e);
        }
        i++;
      }
      return new Contents(models, interactions);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "the cassette " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  /** Writes the whole cassette, replacing the file in one move where the file system allows. */
  static void write(Path file, Collection<ModelInfo> models, List<Interaction> interactions) {
    ObjectNode root = Wire.F.objectNode().put("format", FORMAT).put("version", VERSION);
    ArrayNode m = root.putArray("models");
    models.forEach(info -> m.add(InfoJson.write(info)));
    ArrayNode a = root.putArray("interactions");
    interactions.forEach(i -> a.add(i.toJson()));
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      Files.writeString(tmp, PRETTY.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cassette " + file, e);
    }
  }
}
