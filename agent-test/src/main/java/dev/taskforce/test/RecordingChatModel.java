package dev.taskforce.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.taskforce.model.ChatModel;
import dev.taskforce.model.ChatRequest;
import dev.taskforce.model.ChatResponse;
import dev.taskforce.model.ModelException;
import dev.taskforce.model.ModelInfo;
import dev.taskforce.model.StreamListener;

/**
 * Passes every call to the real model and adds it to a {@link Cassette} when it ends: the response,
 * or the {@link ModelException} it failed with.
 */
final class RecordingChatModel implements ChatModel {

  private final ChatModel model;
  private final Cassette cassette;

  RecordingChatModel(ChatModel model, Cassette cassette) {
    this.model = model;
    this.cassette = cassette;
  }

  @Override
  public String id() {
    return model.id();
  }

  @Override
  public ModelInfo info() {
    return model.info();
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    JsonNode tree = RequestJson.of(request);
    ChatResponse response;
    try {
      response = model.chat(request);
    } catch (ModelException e) {
      cassette.add(model.info(), new Interaction(id(), tree, null, FailureJson.write(e), null));
      throw e;
    }
    cassette.add(model.info(), new Interaction(id(), tree, response, null, null));
    return response;
  }

  @Override
  public ChatResponse stream(ChatRequest request, StreamListener listener) {
    JsonNode tree = RequestJson.of(request);
    StreamPiece.Recorder recorder = new StreamPiece.Recorder(listener);
    ChatResponse response;
    try {
      response = model.stream(request, recorder);
    } catch (ModelException e) {
      cassette.add(
          model.info(), new Interaction(id(), tree, null, FailureJson.write(e), recorder.pieces()));
      throw e;
    }
    cassette.add(model.info(), new Interaction(id(), tree, response, null, recorder.pieces()));
    return response;
  }

  @Override
  public String toString() {
    return "RecordingChatModel[" + model.id() + " -> " + cassette.file() + "]";
  }
}
