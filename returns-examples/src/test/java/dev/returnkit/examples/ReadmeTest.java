package dev.returnkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.examples.demo.Demo;
import dev.returnkit.examples.demo.DemoListener;
import dev.returnkit.examples.report.ReportWriter;
import dev.returnkit.examples.report.ReturnsReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the README says about the demo and the examples is true: the excerpt is what
 * {@code returnkit demo} prints with its defaults, and the classes and files it names exist.
 */
@DisplayName("The README on the demo and the examples")
class ReadmeTest {

  private static final Path ROOT =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("..")
          .normalize();
  private static final Pattern EXCERPT = Pattern.compile(
      "<!-- demo-excerpt:start -->\\s*```\\n(.*?)```\\s*<!-- demo-excerpt:end -->",
      Pattern.DOTALL);

  private final String readme = read(ROOT.resolve("README.md"));

  @Test
  @DisplayName("shows an excerpt of what the demo prints with its defaults")
  void demoExcerptIsCurrent() {
    Matcher excerpt = EXCERPT.matcher(readme);
    assertThat(excerpt.find()).as("README has a demo excerpt").isTrue();

    String printed = ReportWriter.text(ReturnsReport.of(
        Demo.run(Demo.Options.defaults(), DemoListener.SILENT)));

    for (String table : excerpt.group(1).strip().split("\n\n")) {
      assertThat(printed).contains(table);
    }
  }

  @Test
  @DisplayName("names example classes by the full names java runs them by, each with a main")
  void exampleClassesExist() throws ClassNotFoundException {
    Matcher names = Pattern.compile("`(dev\\.returnkit\\.examples\\.howto\\.[a-z]+\\."
        + "[A-Za-z]+)`").matcher(readme);
    List<String> classes = new ArrayList<>();
    while (names.find()) {
      classes.add(names.group(1));
    }

    assertThat(classes).hasSizeGreaterThanOrEqualTo(4);
    for (String name : classes) {
      assertThat(Class.forName(name).getMethods()).as(name)
          .anyMatch(method -> method.getName().equals("main"));
    }
    // A short name would fail as written: "java -cp ... howto.rules.X" finds no class.
    assertThat(readme).doesNotContainPattern("`howto\\.[a-z]+\\.[A-Z]");
  }

  @Test
  @DisplayName("points the command examples at files that exist")
  void commandPathsExist() {
    Matcher paths = Pattern.compile("(returns-examples/src/main/resources/policies/\\S+)")
        .matcher(readme);
    List<Path> found = new ArrayList<>();
    while (paths.find()) {
      found.add(ROOT.resolve(paths.group(1)));
    }

    assertThat(found).hasSizeGreaterThanOrEqualTo(2).allSatisfy(path ->
        assertThat(path).exists());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
