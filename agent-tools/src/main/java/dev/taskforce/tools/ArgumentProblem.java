package dev.taskforce.tools;

/**
 * One thing wrong with a model's tool arguments.
 *
 * @param path where, such as {@code $.lines[0].sku} ({@code $} for the arguments object)
 * @param message what is wrong, for the model
 */
record ArgumentProblem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
