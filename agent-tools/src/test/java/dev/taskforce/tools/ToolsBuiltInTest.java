package dev.taskforce.tools;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.taskforce.internal.Json;
import dev.taskforce.schema.JsonSchemas;
import dev.taskforce.tool.ToolContext;
import dev.taskforce.tool.ToolHandler;
import dev.taskforce.tool.ToolResult;
import dev.taskforce.tools.builtin.CalculatorTool;
import dev.taskforce.tools.builtin.ClockTool;
import dev.taskforce.tools.builtin.FileTools;
import dev.taskforce.tools.builtin.FileWriteTool;
import dev.taskforce.tools.builtin.HttpGetTool;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in tools, wired through Tools.from and called once each through their handlers. */
class ToolsBuiltInTest {

  @TempDir Path root;
  private HttpServer server;
  private final ToolContext context = ToolContext.builder().build();

  @BeforeEach
  void startServer() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    server.createContext(
        "/hello",
        ex -> {
          byte[] body = "hello".getBytes(UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void everyBuiltInToolWorksThroughItsHandler() throws IOException {
    Files.writeString(root.resolve("notes.txt"), "remember the milk");
    InetAddress loopback = InetAddress.getLoopbackAddress();
    List<ToolHandler> tools =
        Tools.from(
            CalculatorTool.create(),
            ClockTool.builder()
                .clock(Clock.fixed(Instant.parse("2026-08-14T08:15:30Z"), ZoneOffset.UTC))
                .build(),
            FileTools.builder().root(root).build(),
            FileWriteTool.builder().root(root).build(),
            HttpGetTool.builder()
                .allowInternalHost("local.test")
                .allowPlainHttp(true)
                .resolver(host -> List.of(InetAddress.getByAddress(host, loopback.getAddress())))
                .build());
    Map<String, ToolHandler> byName =
        tools.stream().collect(Collectors.toMap(t -> t.spec().name(), Function.identity()));
    assertThat(byName.keySet())
        .containsExactlyInAnyOrder(
            "calculate", "current_time", "list_files", "read_file", "write_file", "http_get");
    assertThat(tools)
        .allSatisfy(t -> assertThat(JsonSchemas.checkStrict(t.spec().parameters())).isEmpty());

    assertThat(call(byName, "calculate", "{\"expression\":\"0.1 + 0.2\"}"))
        .isEqualTo(ToolResult.success("0.3"));
    assertThat(Json.parse(call(byName, "current_time", "{\"zone\":null}").content()))
        .isEqualTo(
            Json.parse(
                "{\"zone\":\"UTC\",\"dateTime\":\"2026-08-14T08:15:30Z\",\"dayOfWeek\":\"Friday\","
                    + "\"utcOffset\":\"Z\",\"epochSecond\":1786695330}"));
    assertThat(call(byName, "write_file", "{\"path\":\"out/a.txt\",\"content\":\"hi\"}").isError())
        .isFalse();
    assertThat(root.resolve("out/a.txt")).hasContent("hi");
    assertThat(
            Json.parse(call(byName, "list_files", "{\"directory\":null}").content()).get("entries"))
        .extracting(e -> e.get("path").asText())
        .containsExactly("notes.txt", "out");
    assertThat(call(byName, "read_file", "{\"path\":\"notes.txt\"}"))
        .isEqualTo(ToolResult.success("remember the milk"));
    String url = "http://local.test:" + server.getAddress().getPort() + "/hello";
    assertThat(Json.parse(call(byName, "http_get", "{\"url\":\"" + url + "\"}").content()))
        .isEqualTo(
            Json.parse(
                "{\"url\":\""
                    + url
                    + "\",\"status\":200,"
                    + "\"contentType\":\"text/plain; charset=utf-8\",\"body\":\"hello\","
                    + "\"truncated\":false}"));
  }

  @Test
  void aBuiltInToolsRefusalAndBlankArgumentsReachTheModelAsFailures() {
    Map<String, ToolHandler> byName =
        Tools.from(FileTools.builder().root(root).build(), CalculatorTool.create()).stream()
            .collect(Collectors.toMap(t -> t.spec().name(), Function.identity()));
    ToolResult refused = call(byName, "read_file", "{\"path\":\"/etc/passwd\"}");
    assertThat(refused.isError()).isTrue();
    assertThat(refused.content()).contains("absolute paths are not allowed");
    assertThat(call(byName, "calculate", "{\"expression\":\"  \"}").content())
        .contains("$.expression: must not be blank");
  }

  private ToolResult call(Map<String, ToolHandler> tools, String name, String json) {
    return tools.get(name).call(json, context);
  }
}
