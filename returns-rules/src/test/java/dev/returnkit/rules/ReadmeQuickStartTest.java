package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the quick-start program exactly as the README shows it, runs it, and checks it prints
 * what the README says it prints: the front door cannot rot.
 */
@DisplayName("The README quick start")
class ReadmeQuickStartTest {

  private static final Pattern QUICK_START = Pattern.compile(
      "<!-- quickstart:start -->\\s*```java\\n(.*?)```\\s*<!-- quickstart:end -->", Pattern.DOTALL);
  private static final Pattern PROMISED_OUTPUT = Pattern.compile("It prints `([^`]+)`");

  @Test
  @DisplayName("compiles, runs and prints what the README promises")
  void quickStartRuns(@TempDir Path work) throws Exception {
    String readme = Files.readString(readme(), StandardCharsets.UTF_8);
    Matcher code = QUICK_START.matcher(readme);
    assertThat(code.find()).as("README has a quick-start block").isTrue();
    Matcher promised = PROMISED_OUTPUT.matcher(readme);
    assertThat(promised.find()).as("README says what the quick start prints").isTrue();

    Path source = work.resolve("QuickStart.java");
    Files.writeString(source, code.group(1), StandardCharsets.UTF_8);
    compile(source, work);

    String printed = run(work);

    assertThat(printed.strip()).isEqualTo(promised.group(1));
  }

  @Test
  @DisplayName("needs no more than twelve imports")
  void fewImports() throws IOException {
    Matcher code = QUICK_START.matcher(Files.readString(readme(), StandardCharsets.UTF_8));
    assertThat(code.find()).isTrue();
    assertThat(code.group(1).lines().filter(line -> line.startsWith("import ")))
        .hasSizeLessThanOrEqualTo(12)
        .noneMatch(line -> line.endsWith("*;"));
  }

  private static Path readme() {
    Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    return moduleDir.resolve("..").resolve("README.md").normalize();
  }

  private static void compile(Path source, Path outputDir) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      boolean ok = javac.getTask(null, files, diagnostics,
          List.of("-classpath", testClassPath(), "-d", outputDir.toString(), "--release", "17",
              "-Xlint:all", "-Werror"),
          null, files.getJavaFileObjects(source)).call();
      assertThat(ok).as("the quick start compiles without warnings: %s",
          diagnostics.getDiagnostics()).isTrue();
    }
  }

  private static String testClassPath() {
    // Surefire may hide the real class path behind a manifest-only jar; it publishes it here.
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire
        : System.getProperty("java.class.path");
  }

  private static String run(Path classesDir) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classesDir.toUri().toURL()},
        ReadmeQuickStartTest.class.getClassLoader())) {
      Method main = loader.loadClass("QuickStart").getMethod("main", String[].class);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
