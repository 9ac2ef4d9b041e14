package dev.returnkit.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every public type in every module's main code has a javadoc comment (javac checks that the
 * javadoc which is there is well-formed; this checks that it is there).
 */
@DisplayName("Javadoc")
class JavadocPresenceTest {

  private static final Path ROOT =
      Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("..")
          .normalize();
  private static final Pattern PUBLIC_TYPE = Pattern.compile(
      "^\\s*public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
          + "(?:class|interface|record|enum|@interface)\\s+(\\w+)");

  @Test
  @DisplayName("documents every public type of the library's main code")
  void everyPublicTypeHasJavadoc() throws IOException {
    List<String> undocumented = new ArrayList<>();
    int checked = 0;
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(JavadocPresenceTest::isMainSource).toList()) {
        List<String> lines = read(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher type = PUBLIC_TYPE.matcher(lines.get(i));
          if (type.find()) {
            checked++;
            if (!documented(lines, i)) {
              undocumented.add(ROOT.relativize(file) + ": " + type.group(1));
            }
          }
        }
      }
    }
    assertThat(checked).as("public types found").isGreaterThan(100);
    assertThat(undocumented).isEmpty();
  }

  private static boolean isMainSource(Path file) {
    String path = file.toString().replace('\\', '/');
    return path.endsWith(".java") && path.contains("/src/main/java/")
        && !path.contains("/target/");
  }

  /** The nearest non-annotation line above the declaration closes a javadoc comment. */
  private static boolean documented(List<String> lines, int declaration) {
    int openArguments = 0;
    for (int i = declaration - 1; i >= 0; i--) {
      String line = lines.get(i).strip();
      // Walking up, a line with more ')' than '(' starts inside an annotation's arguments
      // spread over several lines; the line with the '@' closes the group again.
      openArguments += count(line, ')') - count(line, '(');
      if (openArguments > 0 || line.isEmpty() || line.startsWith("@")) {
        continue;
      }
      if (!line.endsWith("*/")) {
        return false;
      }
      for (int j = i; j >= 0; j--) {
        String opening = lines.get(j).strip();
        if (opening.startsWith("/**")) {
          return true;
        }
        if (opening.startsWith("/*")) {
          return false;
        }
      }
      return false;
    }
    return false;
  }

  private static int count(String line, char c) {
    return (int) line.chars().filter(ch -> ch == c).count();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
