package dev.taskforce.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksTest {

  @Test
  void theDefaultIsAFullRunOfEveryBenchmarkOnTheDefaultJdks() {
    Benchmarks.Options options = Benchmarks.parse(new String[0]);

    assertThat(options.mode()).isEqualTo(Mode.FULL);
    assertThat(options.only()).isEmpty();
    assertThat(options.jdks()).isEmpty();
  }

  @Test
  void smokeOnlyAndJdkArgumentsAreRead() {
    Benchmarks.Options options = Benchmarks.parse(new String[] {"smoke", "only=a,b", "jdk=/x,/y"});

    assertThat(options.mode()).isEqualTo(Mode.SMOKE);
    assertThat(options.only()).containsExactly("a", "b");
    assertThat(options.jdks()).containsExactly(Path.of("/x"), Path.of("/y"));
  }

  @Test
  void anUnknownArgumentIsRejectedWithTheUsage() {
    assertThatThrownBy(() -> Benchmarks.parse(new String[] {"--fast"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'--fast'")
        .hasMessageContaining("usage: [smoke|full]");
  }

  @Test
  void java17AndTheNewestJdk21PlusAreChosenOnce() {
    Benchmarks.Jdk current = new Benchmarks.Jdk(Path.of("/jvm/17a"), 17);
    List<Benchmarks.Jdk> found =
        List.of(
            current,
            new Benchmarks.Jdk(Path.of("/jvm/11"), 11),
            new Benchmarks.Jdk(Path.of("/jvm/17b"), 17),
            new Benchmarks.Jdk(Path.of("/jvm/21"), 21),
            new Benchmarks.Jdk(Path.of("/jvm/25"), 25));

    assertThat(Benchmarks.choose(current, found))
        .extracting(Benchmarks.Jdk::home)
        .containsExactly(Path.of("/jvm/17a"), Path.of("/jvm/25"));
  }

  @Test
  void withoutJava17OrAnyJdk21PlusTheCurrentJdkIsUsed() {
    Benchmarks.Jdk current = new Benchmarks.Jdk(Path.of("/jvm/19"), 19);

    assertThat(Benchmarks.choose(current, List.of(current))).containsExactly(current);
  }

  @Test
  void theMajorVersionIsReadFromTheReleaseFile(@TempDir Path home) throws Exception {
    Files.createDirectories(home.resolve("bin"));
    Path java = Files.createFile(home.resolve("bin/java"));
    java.toFile().setExecutable(true);
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"25.0.1\"\n");

    assertThat(Benchmarks.major(home)).contains(25);
    assertThat(Benchmarks.major(home.resolve("missing"))).isEmpty();
  }

  @Test
  void figuresSurviveTheTripFromForkToLauncherIncludingMissingPeers() throws Exception {
    ObjectMapper json = Fork.JSON;
    Figure figure = new Figure("x", 1.5, "µs", Double.NaN, 2, "t", Verdict.FAIL);

    Figure back = json.readValue(json.writeValueAsString(figure), Figure.class);

    assertThat(back).isEqualTo(figure);
    assertThat(back.peerRatio()).isNaN();
  }
}
