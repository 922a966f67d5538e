/**
 * Implementation shared by the model clients (OpenRouter Chat Completions, the Responses API):
 * sending requests with a key, keeping secrets out of texts, and turning error bodies into typed
 * {@link dev.taskforce.model.ModelException}s. <strong>No compatibility guarantees:</strong> any
 * type here may change or disappear in any release; do not use it from application code.
 */
@NullMarked
package dev.taskforce.model.internal;

import org.jspecify.annotations.NullMarked;
