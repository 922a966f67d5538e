package dev.taskforce.test;

/**
 * What {@link FakeOpenRouter} answers to one chat request: a {@link ScriptedTurn} (the model's
 * answer) or a {@link Fault} (a failure of the service or its provider).
 *
 * <p>Replies are immutable and may be queued on several servers or served more than once by a rule.
 */
public sealed interface Reply permits ScriptedTurn, Fault {}
