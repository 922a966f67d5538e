package dev.taskforce.test;

import static java.util.Objects.requireNonNull;

import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ModelInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JSON file of recorded model calls, for tests that run once against a real model and then
 * offline, as often as you like, with the same answers.
 *
 * <p>{@link #record(ChatModel)} wraps any model (the OpenRouter client's, for example) so that
 * every call made through it is written to the file: the request, and the response or the failure.
 * {@link #replay()} gives a model that answers from the file, in order, and fails with a readable
 * diff as soon as a request differs from the one recorded. {@link #replayOrRecord(ChatModel)}
 * replays when the file exists and records when it does not: delete the file to record again.
 *
 * <pre>{@code
 * Cassette cassette = Cassette.at(Path.of("src/test/resources/cassettes/weather.json"));
 * ChatModel model = cassette.replayOrRecord(OpenRouterModels.gpt54Mini());
 *
 * Agent agent = Agent.builder().model(model).tools(weatherTools).build();
 * assertThat(agent.run("Weather in Oslo?").output()).contains("Oslo");
 * cassette.assertAllPlayed();
 * }</pre>
 *
 * <p>The file is readable JSON: the models' info (limits, prices, reasoning efforts, so a replay
 * sees what the recording saw), then each call with its request (messages in the {@link
 * dev.taskforce.message.Conversation} JSON format, tools, settings), the pieces a streamed call
 * delivered, and the response (assistant message with reasoning items verbatim, finish reasons,
 * usage with the exact cost, served model, provider, generation id) or the failure (exception type
 * and {@link dev.taskforce.model.ModelError}). API keys and HTTP headers are never part of it: a
 * {@link dev.taskforce.model.ChatRequest} holds neither, and anything shaped like a key ({@code
 * sk-...}) is removed from recorded error texts.
 *
 * <p>Several models may be recorded into one cassette (a planner and its executors, for example);
 * each replays with {@link #replay(String)}. Thread-safe. One cassette object should record a file
 * at a time; recording starts afresh, replacing what the file held.
 */
public final class Cassette {

  private final Path file;
  private final List<ReplayingChatModel> players = new CopyOnWriteArrayList<>();
  private final Map<String, ModelInfo> recordedModels = new LinkedHashMap<>();
  private final List<Interaction> recorded = new ArrayList<>();
  private boolean recording;

  private Cassette(Path file) {
    this.file = file;
  }

  /**
   * A cassette stored in this file; nothing is read or written yet.
   *
   * @param file the file, for example {@code src/test/resources/cassettes/weather.json}
   * @return the cassette
   */
  public static Cassette at(Path file) {
    return new Cassette(requireNonNull(file, "file == null"));
  }

  /**
   * The file the cassette is stored in.
   *
   * @return the path
   */
  public Path file() {
    return file;
  }

  /**
   * Wraps a model so that its calls are recorded. The first call of this method on a cassette
   * replaces the file with an empty recording; then each call through any recording model of this
   * cassette is added to the file as soon as it ends. A failed call is recorded when it fails with
   * a {@link dev.taskforce.model.ModelException}; other exceptions (cancellation, a listener's)
   * pass through unrecorded.
   *
   * @param model the model that really answers; its id and {@link ChatModel#info()} are recorded
   * @return a model that behaves as {@code model} does, thread-safe when it is
   * @throws java.io.UncheckedIOException if the file cannot be written
   */
  public ChatModel record(ChatModel model) {
    requireNonNull(model, "model == null");
    synchronized (this) {
      if (!recording) {
        recording = true;
        recordedModels.clear();
        recorded.clear();
        CassetteFile.write(file, List.of(), List.of());
      }
    }
    return new RecordingChatModel(model, this);
  }

  /**
   * A model that answers from the file, when the file holds the calls of one model.
   *
   * @return the replaying model, with the recorded model's id and info
   * @throws IllegalStateException if there is no file, it is not a cassette, or it holds the calls
   *     of several models (use {@link #replay(String)})
   */
  public ReplayingChatModel replay() {
    CassetteFile.Contents c = contents();
    if (c.models().size() != 1) {
      throw new IllegalStateException(
          "replay(): the cassette "
              + file
              + " holds "
              + c.models().size()
              + " models "
              + c.models().stream().map(ModelInfo::id).toList()
              + "; choose one with replay(modelId)");
    }
    return player(c, c.models().get(0));
  }

  /**
   * A model that answers from the file with the calls recorded for one model.
   *
   * @param modelId the model's id
   * @return the replaying model, with that id and its recorded info
   * @throws IllegalStateException if there is no file, it is not a cassette, or it holds no calls
   *     of that model
   */
  public ReplayingChatModel replay(String modelId) {
    requireNonNull(modelId, "modelId == null");
    CassetteFile.Contents c = contents();
    for (ModelInfo info : c.models()) {
      if (info.id().equals(modelId)) {
        return player(c, info);
      }
    }
    throw new IllegalStateException(
        "replay(\""
            + modelId
            + "\"): the cassette "
            + file
            + " has no calls of that model; it has "
            + c.models().stream().map(ModelInfo::id).toList());
  }

  /**
   * Replays when the file exists, records through {@code model} when it does not.
   *
   * @param model the real model: used only when recording, but its id always chooses the calls to
   *     replay (an OpenRouter model can be made without a key; the key is needed only to call it)
   * @return the replaying or recording model
   */
  public ChatModel replayOrRecord(ChatModel model) {
    requireNonNull(model, "model == null");
    return Files.exists(file) ? replay(model.id()) : record(model);
  }

  /**
   * Checks that every model this cassette replayed served all its recorded calls. Does nothing when
   * nothing was replayed.
   *
   * @throws AssertionError listing, per model, the recorded calls no request asked for
   */
  public void assertAllPlayed() {
    List<String> problems = new ArrayList<>();
    for (ReplayingChatModel p : players) {
      try {
        p.assertAllPlayed();
      } catch (AssertionError e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("\n", problems));
    }
  }

  /** Adds a finished call to the recording and writes the file. */
  synchronized void add(ModelInfo info, Interaction interaction) {
    ModelInfo keyed =
        info.id().equals(interaction.model())
            ? info
            : new ModelInfo(
                interaction.model(),
                info.contextLength(),
                info.maxOutputTokens(),
                info.pricing(),
                info.reasoningEfforts(),
                info.supportsJsonSchema());
    recordedModels.put(keyed.id(), keyed);
    recorded.add(interaction);
    CassetteFile.write(file, recordedModels.values(), recorded);
  }

  private CassetteFile.Contents contents() {
    synchronized (this) {
      if (recording) {
        throw new IllegalStateException(
            "replay(): this cassette is recording " + file + "; use another Cassette to replay");
      }
    }
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          "replay(): there is no cassette at "
              + file.toAbsolutePath()
              + "; record it first with record(model) or replayOrRecord(model)");
    }
    return CassetteFile.read(file);
  }

  private ReplayingChatModel player(CassetteFile.Contents c, ModelInfo info) {
    List<Interaction> mine = new ArrayList<>();
    for (Interaction i : c.interactions()) {
      if (i.model().equals(info.id())) {
        mine.add(i);
      }
    }
    ReplayingChatModel p = new ReplayingChatModel(info, mine, file);
    players.add(p);
    return p;
  }

  /** Shows the file. */
  @Override
  public String toString() {
    return "Cassette[" + file + "]";
  }
}
