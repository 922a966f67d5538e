/**
 * HTTP for model clients, with no third-party dependency.
 *
 * <p>A {@link dev.taskforce.transport.Transport} sends one request and hands back the status,
 * headers and a streaming body. {@link dev.taskforce.transport.TransportFactory} creates the three
 * built-in implementations (Taskforce's own HTTP/1.1 over sockets, the default; over {@link
 * java.net.HttpURLConnection}; over {@link java.net.http.HttpClient}) from a {@link
 * dev.taskforce.transport.TransportConfig} holding the connect timeout and the read (idle) timeout.
 * Every call is cancellable through a {@link dev.taskforce.cancel.CancellationToken}. {@link
 * dev.taskforce.transport.SseReader} reads server-sent events from a body. Nothing here knows any
 * particular provider.
 */
@NullMarked
package dev.taskforce.transport;

import org.jspecify.annotations.NullMarked;
