package dev.taskforce.bench;

/** Whether a figure meets its target. */
public enum Verdict {
  PASS,
  FAIL,
  /** The figure has no target (reported for information), or the run was a smoke run. */
  NONE
}
