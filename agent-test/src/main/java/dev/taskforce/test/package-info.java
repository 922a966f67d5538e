/**
 * The test kit: what users need to test their agents offline, with no API key and no network.
 *
 * <ul>
 *   <li>{@link dev.taskforce.test.ScriptedModel}: a {@link dev.taskforce.model.ChatModel} that
 *       answers from a script of {@link dev.taskforce.test.ScriptedTurn}s, exact responses and
 *       failures, records every request, checks {@link dev.taskforce.test.RequestExpectation}s and
 *       streams its answers in realistic pieces.
 *   <li>{@link dev.taskforce.test.FakeOpenRouter}: a local server that speaks OpenRouter's Chat
 *       Completions wire format. It answers from a script of {@link
 *       dev.taskforce.test.ScriptedTurn}s and {@link dev.taskforce.test.Fault}s, checks requests as
 *       the real service does (including that reasoning is sent back unchanged), and records every
 *       request for assertions.
 *   <li>{@link dev.taskforce.test.TaskforceExtension} and {@link dev.taskforce.test.TaskforceTest}:
 *       a JUnit 5 extension that gives each test a fresh server, a client for it, scripted models
 *       and a cassette as parameters, and fails a test whose script was not followed.
 *   <li>{@link dev.taskforce.test.Cassette}: records a real model's calls to a JSON file once, then
 *       replays them offline with {@link dev.taskforce.test.ReplayingChatModel}, failing with a
 *       field-by-field diff when a request drifts from the recording.
 * </ul>
 */
@NullMarked
package dev.taskforce.test;

import org.jspecify.annotations.NullMarked;
