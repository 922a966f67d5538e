/**
 * The test kit: what users need to test their agents offline, with no API key and no network.
 *
 * <p>{@link dev.taskforce.test.FakeOpenRouter} is a local server that speaks OpenRouter's Chat
 * Completions wire format. It answers from a script of {@link dev.taskforce.test.ScriptedTurn}s and
 * {@link dev.taskforce.test.Fault}s, checks requests as the real service does (including that
 * reasoning is sent back unchanged), and records every request for assertions.
 */
@NullMarked
package dev.taskforce.test;

import org.jspecify.annotations.NullMarked;
