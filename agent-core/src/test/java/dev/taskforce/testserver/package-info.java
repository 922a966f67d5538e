/**
 * A scriptable HTTP server on 127.0.0.1 for client tests: it serves exact scripted bytes (status,
 * headers, whole bodies, SSE chunks with flushes, pauses, abrupt closes) and records every request.
 * Published in agent-core's test-jar for other modules' tests.
 */
@NullMarked
package dev.taskforce.testserver;

import org.jspecify.annotations.NullMarked;
