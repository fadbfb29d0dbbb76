package io.s3wire.transfer.internal;

import io.s3wire.BucketKey;
import io.s3wire.CompletedPart;
import java.io.IOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state file of a resumable upload: a header naming the upload and its source, then one line per
 * completed part, appended as parts finish (a torn last line after a crash is ignored). It never
 * holds credentials: bucket, key, upload id, part size, the source's size and modification time,
 * and each part's number, ETag and size.
 *
 * <pre>
 * s3wire-upload-state 1
 * bucket my-bucket
 * key a%2Fb.bin
 * upload-id 2~abc
 * part-size 8388608
 * source-size 104857600
 * source-modified 1700000000000
 * part 1 9e107d9d372bb6826bd81d3542a419d6 8388608
 * </pre>
 */
final class UploadJournal {
  private static final String MAGIC = "s3wire-upload-state 1";

  /** What a journal says. */
  record Header(BucketKey object, String uploadId, long partSize, long sourceSize, long sourceModified) {}

  private final Path file;
  private final Header header;
  private final Map<Integer, CompletedPart> parts;

  private UploadJournal(Path file, Header header, Map<Integer, CompletedPart> parts) {
    this.file = file;
    this.header = header;
    this.parts = parts;
  }

  Header header() {
    return header;
  }

  /** Completed parts by number. */
  Map<Integer, CompletedPart> parts() {
    return parts;
  }

  /** Writes a new journal (replacing any) for an upload just created. */
  static UploadJournal create(Path file, Header h) throws IOException {
    String text = MAGIC + "\n" + "bucket " + enc(h.object().bucket()) + "\n" + "key " + enc(h.object().key()) + "\n"
        + "upload-id " + enc(h.uploadId()) + "\n" + "part-size " + h.partSize() + "\n" + "source-size " + h.sourceSize()
        + "\n" + "source-modified " + h.sourceModified() + "\n";
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new UploadJournal(file, h, new TreeMap<>());
  }

  /** Whether {@code file} starts as a journal does (read no further). */
  static boolean isJournal(Path file) {
    try (java.io.BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return MAGIC.equals(r.readLine());
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /** The journal at {@code file}, or {@code null} when there is none or it is not one. */
  static UploadJournal load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.size() < 7 || !lines.get(0).equals(MAGIC)) {
      return null;
    }
    try {
      Header h = new Header(BucketKey.of(dec(value(lines.get(1), "bucket")), dec(value(lines.get(2), "key"))),
          dec(value(lines.get(3), "upload-id")), Long.parseLong(value(lines.get(4), "part-size")),
          Long.parseLong(value(lines.get(5), "source-size")), Long.parseLong(value(lines.get(6), "source-modified")));
      Map<Integer, CompletedPart> parts = new TreeMap<>();
      for (String line : lines.subList(7, lines.size())) {
        String[] f = line.split(" ");
        if (f.length == 4 && f[0].equals("part")) {
          int n = Integer.parseInt(f[1]);
          parts.put(n, new CompletedPart(n, f[2], Long.parseLong(f[3])));
        }
      }
      return new UploadJournal(file, h, parts);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Records a completed part. */
  synchronized void append(CompletedPart p) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      w.write("part " + p.partNumber() + " " + p.eTag() + " " + p.size() + "\n");
    }
    parts.put(p.partNumber(), p);
  }

  void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  private static String value(String line, String name) {
    if (!line.startsWith(name + " ")) {
      throw new IllegalArgumentException("expected " + name);
    }
    return line.substring(name.length() + 1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
