package dev.taskforce.bench.perturn;

/** One way of having the scripted conversation: a framework, or a hand-written floor. */
interface Driver extends AutoCloseable {

  /** What the table calls it, such as {@code "LangChain4j AiServices"}. */
  String label();

  /**
   * Has the whole conversation once, on the calling thread, and checks the final answer.
   *
   * @throws IllegalStateException when the answer is not the script's
   */
  void converse() throws Exception;

  @Override
  default void close() throws Exception {}

  static void check(String answer, String driver) {
    if (!Script.FINAL_TEXT.equals(answer)) {
      throw new IllegalStateException(
          driver + " answered '" + answer + "', not the script's answer");
    }
  }
}
