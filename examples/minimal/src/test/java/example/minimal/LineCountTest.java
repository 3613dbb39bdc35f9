package example.minimal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The promise of the README's "Integrate Tollgate": an application with an OAuth 2.0 server, a login, a consent
 * page and a protected resource in at most 30 lines of its own, counted as a user counts them: every line of
 * its Java, XML and configuration, without imports and blank lines.
 */
class LineCountTest {

    static final int PROMISED = 30;

    @Test
    void theApplicationIsAtMostThirtyLines() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(System.getProperty("minimal.sources", "src/main")))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        long total = 0;
        StringBuilder report = new StringBuilder();
        for (Path file : files) {
            long lines = countedLines(Files.readAllLines(file));
            total += lines;
            report.append(String.format("%4d %s%n", lines, file.getFileName()));
        }
        assertTrue(files.size() >= 4, "the application's files: " + files);
        assertTrue(total <= PROMISED, total + " lines, more than " + PROMISED + ":\n" + report);
        System.out.printf("The minimal application: %d lines%n%s", total, report);
    }

    static long countedLines(List<String> lines) {
        return lines.stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("import ")).count();
    }

    @Test
    void importsAndBlankLinesAloneAreLeftOut() {
        assertTrue(countedLines(List.of("package a;", "", "import b.C;", "  ", "class D {}")) == 2);
    }
}
