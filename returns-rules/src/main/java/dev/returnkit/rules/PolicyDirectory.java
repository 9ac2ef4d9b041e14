package dev.returnkit.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A policy directory read as one snapshot: every file's text, taken through the directory's real
 * path (so a symbolic link switched meanwhile is followed once, not half-way), and read again
 * until no file changed while it was being read. A reload builds from the snapshot only, so no
 * decision runs on a mix of two versions of the directory as far as the files can show it.
 *
 * <p>What a reader alone cannot see: a writer that changed one file, paused, and has not yet
 * changed the next. To change several files together, publish them as a new directory and
 * switch a symbolic link to it (docs/policies.md shows how); the snapshot is then either all
 * old or all new. Stateless and thread-safe.
 */
final class PolicyDirectory {

  /** How often a directory that keeps changing while it is read is read again. */
  static final int ATTEMPTS = 20;

  private PolicyDirectory() {}

  /**
   * The files of a directory, each as read, by their path relative to it.
   *
   * @param realPath the directory the snapshot was read from, links resolved
   * @param files the bytes of every regular file below it, by relative path with {@code /}
   *     (bytes, as a decision table may be a workbook)
   */
  record Snapshot(Path realPath, Map<String, byte[]> files) {
    Snapshot {
      Objects.requireNonNull(realPath, "realPath");
      files = Map.copyOf(files);
    }
  }

  /**
   * Reads a directory as one snapshot.
   *
   * @param directory the directory, or a link to it
   * @return the snapshot
   * @throws IOException if it cannot be read, or keeps changing over {@value #ATTEMPTS} reads
   */
  static Snapshot read(Path directory) throws IOException {
    Path real = directory.toRealPath();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Map<String, Stamp> before = stamps(real);
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (String name : before.keySet()) {
        files.put(name, Files.readAllBytes(real.resolve(name)));
      }
      if (stamps(real).equals(before)) {
        return new Snapshot(real, files);
      }
      try {
        // A writer is at work: give it a moment, more each time.
        Thread.sleep(5L * attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading " + directory, e);
      }
    }
    throw new IOException("it kept changing while it was read (" + ATTEMPTS + " attempts); "
        + "publish changes by switching a symbolic link to a new directory");
  }

  /** What tells a file's version apart: its size and its modification time, by name. */
  private record Stamp(long size, FileTime modified) {}

  private static Map<String, Stamp> stamps(Path real) throws IOException {
    Map<String, Stamp> stamps = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(real)) {
      List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
      for (Path file : files) {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        stamps.put(real.relativize(file).toString().replace('\\', '/'),
            new Stamp(attributes.size(), attributes.lastModifiedTime()));
      }
    }
    return stamps;
  }
}
