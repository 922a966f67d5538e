/**
 * Shared implementation details of Taskforce. <strong>No compatibility guarantees:</strong> any
 * type here may change or disappear in any release; do not use it from application code.
 */
@NullMarked
package dev.taskforce.internal;

import org.jspecify.annotations.NullMarked;
