package dev.taskforce.bench.perturn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The model server of the per-turn benchmark, run in a JVM of its own so that its CPU time is not
 * the client's: {@code ScriptServer} prints {@code PORT <n>} on standard output and serves until
 * its standard input closes.
 *
 * <p>It speaks just enough HTTP/1.1 (keep-alive, {@code Content-Length} or chunked request bodies,
 * {@code Content-Length} responses) and answers instantly, with a pre-rendered body per turn.
 * {@code POST .../chat/completions} answers the turn the request is for ({@link Script#turnFor});
 * {@code GET /stats} returns and resets the counters the benchmark checks after each batch.
 */
public final class ScriptServer {

  private static final JsonFactory JSON = new JsonFactory();

  private final byte[][] responses = new byte[Script.TURNS + 1][];
  private final byte[][] heads = new byte[Script.TURNS + 1][];
  private final Counters counters = new Counters();

  /** What the server saw since the last {@code GET /stats}. */
  static final class Counters {
    long requests;
    final long[] byTurn = new long[Script.TURNS + 1];
    long reasoningBack;
    long rejected;

    synchronized void count(RequestFacts facts) {
      requests++;
      if (facts.turn() == 0) {
        rejected++;
        return;
      }
      byTurn[facts.turn()]++;
      if (facts.turn() > 1
          && facts.assistantMessages() == facts.turn() - 1
          && facts.assistantWithReasoning() == facts.assistantMessages()) {
        reasoningBack++;
      }
    }

    synchronized String drain() {
      StringBuilder b = new StringBuilder();
      b.append("{\"requests\":").append(requests).append(",\"byTurn\":[");
      for (int t = 1; t <= Script.TURNS; t++) {
        b.append(t > 1 ? "," : "").append(byTurn[t]);
      }
      b.append("],\"reasoningBack\":").append(reasoningBack);
      b.append(",\"rejected\":").append(rejected).append('}');
      requests = 0;
      java.util.Arrays.fill(byTurn, 0);
      reasoningBack = 0;
      rejected = 0;
      return b.toString();
    }
  }

  /**
   * What the server reads from a request body.
   *
   * @param turn the turn it is for, or 0 when it fits no turn of the script
   * @param assistantMessages how many assistant messages it carries
   * @param assistantWithReasoning how many of those carry a non-empty {@code reasoning_details}
   */
  record RequestFacts(int turn, int assistantMessages, int assistantWithReasoning) {}

  ScriptServer() {
    for (int turn = 1; turn <= Script.TURNS; turn++) {
      responses[turn] = Script.responseBody(turn);
      heads[turn] =
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                  + responses[turn].length
                  + "\r\nKeep-Alive: timeout=600\r\nX-Generation-Id: gen-1773323924-57QbnghbXm2GvzEpq"
                  + turn
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
    }
  }

  public static void main(String[] args) throws Exception {
    ScriptServer server = new ScriptServer();
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> server.accept(socket), "script-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
    System.out.println("PORT " + socket.getLocalPort());
    System.out.flush();
    // The benchmark closes our stdin (or dies): that is the signal to stop.
    while (System.in.read() >= 0) {
      // ignore anything written to us
    }
    System.exit(0);
  }

  private void accept(ServerSocket socket) {
    while (true) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        Thread t = new Thread(() -> serve(s), "script-server-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
        OutputStream out = socket.getOutputStream()) {
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        long length = 0;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
          String line = lines[i].toLowerCase(Locale.ROOT);
          if (line.startsWith("content-length:")) {
            length = Long.parseLong(line.substring(15).trim());
          } else if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
            chunked = true;
          } else if (line.startsWith("expect:") && line.contains("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
          }
        }
        byte[] body = chunked ? readChunked(in) : in.readNBytes((int) length);
        String method = requestLine[0];
        String path = requestLine.length > 1 ? requestLine[1] : "/";
        if (method.equals("GET") && path.startsWith("/stats")) {
          write(out, 200, counters.drain().getBytes(StandardCharsets.UTF_8));
        } else if (method.equals("POST") && path.endsWith("/chat/completions")) {
          RequestFacts facts = read(body);
          counters.count(facts);
          if (facts.turn() == 0) {
            write(
                out,
                400,
                "{\"error\":{\"message\":\"request fits no turn of the script\",\"code\":400}}"
                    .getBytes(StandardCharsets.UTF_8));
          } else {
            out.write(heads[facts.turn()]);
            out.write(responses[facts.turn()]);
            out.flush();
          }
        } else {
          write(
              out,
              404,
              "{\"error\":{\"message\":\"not found\",\"code\":404}}"
                  .getBytes(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  /** Reads the turn and the reasoning carried back from a Chat Completions request body. */
  static RequestFacts read(byte[] body) throws IOException {
    int tools = 0;
    int assistants = 0;
    int withReasoning = 0;
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new RequestFacts(0, 0, 0);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (!field.equals("messages") || value != JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
          String role = null;
          boolean reasoning = false;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("role") && t == JsonToken.VALUE_STRING) {
              role = p.getText();
            } else if (name.equals("reasoning_details") && t == JsonToken.START_ARRAY) {
              reasoning = p.nextToken() != JsonToken.END_ARRAY;
              if (reasoning) {
                p.skipChildren();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                  p.skipChildren();
                }
              }
            } else {
              p.skipChildren();
            }
          }
          if ("tool".equals(role)) {
            tools++;
          } else if ("assistant".equals(role)) {
            assistants++;
            withReasoning += reasoning ? 1 : 0;
          }
        }
      }
    }
    return new RequestFacts(Script.turnFor(tools), assistants, withReasoning);
  }

  private static void write(OutputStream out, int status, byte[] body) throws IOException {
    out.write(
        ("HTTP/1.1 "
                + status
                + (status == 200 ? " OK" : " Error")
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length
                + "\r\nKeep-Alive: timeout=600\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** The request line and headers, without the blank line; {@code null} at end of stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int last4 = 0;
    while (last4 != 0x0D0A0D0A) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      last4 = (last4 << 8) | b;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    return text.substring(0, text.length() - 4);
  }

  private static byte[] readChunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine(in);
      int semicolon = sizeLine.indexOf(';');
      int size =
          Integer.parseInt(
              (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        while (!readLine(in).isEmpty()) {
          // trailers
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      readLine(in);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c; (c = in.read()) >= 0; ) {
      if (c == '\n') {
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
      }
      b.append((char) c);
    }
    throw new IOException("end of stream in a chunked body");
  }
}
