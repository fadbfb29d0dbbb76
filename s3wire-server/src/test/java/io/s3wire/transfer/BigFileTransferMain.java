package io.s3wire.transfer;

import io.s3wire.BucketKey;
import io.s3wire.ObjectInfo;
import io.s3wire.PutObjectResult;
import io.s3wire.S3AsyncClient;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.server.ObjectStore;
import io.s3wire.server.S3Server;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Uploads and downloads one large file through the embedded server (file store) with the transfer
 * manager, in a JVM whose heap is far smaller than the file, then compares the files byte for byte.
 * The source is sparse with random blocks written at scattered offsets, so it costs little disk but
 * a misplaced range shows.
 *
 * <p>Arguments: size in bytes, work directory. Prints {@code UPLOAD|DOWNLOAD <bytes> <seconds>
 * <MiB/s>} and {@code COMPARE ok|BAD}; exits non-zero on any failure.
 */
public final class BigFileTransferMain {
  private BigFileTransferMain() {}

  public static void main(String[] args) throws Exception {
    long size = Long.parseLong(args[0]);
    Path dir = Path.of(args[1]);
    Path source = dir.resolve("source.bin");
    Path target = dir.resolve("target.bin");
    try (RandomAccessFile f = new RandomAccessFile(source.toFile(), "rw")) {
      f.setLength(size);
      Random r = new Random(size);
      byte[] block = new byte[64 * 1024];
      for (long off = 0; off + block.length <= size; off += 97L * 1024 * 1024 + 12_345) {
        r.nextBytes(block);
        f.seek(off);
        f.write(block);
      }
    }
    boolean ok;
    try (ObjectStore store = ObjectStore.file(dir.resolve("store"));
        S3Server server = S3Server.builder().store(store).credentials("AKIDBIG", "big-secret-key").start();
        S3AsyncClient client = S3AsyncClient.builder()
            .awsConfig(new AwsConfigResolver(Map.of(), dir.resolve("no-aws-home")))
            .endpoint(server.endpoint()).region("us-east-1").credentials(server.accessKey(), server.secretKey())
            .provider(ProviderProfiles.generic())
            // The file store concatenates 5 GiB of parts before it answers CompleteMultipartUpload.
            .transportConfig(TransportConfig.builder().versionPolicy(HttpVersionPolicy.HTTP_1_1)
                .responseHeadersTimeout(java.time.Duration.ofMinutes(10)).build())
            .buildAsync();
        TransferManager tm = TransferManager.create(client)) {
      client.createBucket("big").join();
      BucketKey key = BucketKey.of("big", "five-gib.bin");
      long start = System.nanoTime();
      PutObjectResult put = tm.uploadFile(key, source, null).join();
      line("UPLOAD", size, start, put.parts());
      start = System.nanoTime();
      ObjectInfo got = tm.downloadFile(key, target, null).join();
      line("DOWNLOAD", got.contentLength(), start, 0);
      ok = got.contentLength() == size && same(source, target);
      System.out.println("COMPARE " + (ok ? "ok" : "BAD"));
    }
    System.exit(ok ? 0 : 1);
  }

  private static boolean same(Path a, Path b) throws Exception {
    if (Files.size(a) != Files.size(b)) {
      return false;
    }
    try (FileChannel x = FileChannel.open(a, StandardOpenOption.READ);
        FileChannel y = FileChannel.open(b, StandardOpenOption.READ)) {
      ByteBuffer bx = ByteBuffer.allocateDirect(1 << 20);
      ByteBuffer by = ByteBuffer.allocateDirect(1 << 20);
      long pos = 0;
      long size = x.size();
      while (pos < size) {
        bx.clear();
        by.clear();
        int n = x.read(bx, pos);
        int m = y.read(by, pos);
        if (n != m || n <= 0) {
          return false;
        }
        if (!bx.flip().equals(by.flip())) {
          System.out.println("first difference in the MiB at byte " + pos);
          return false;
        }
        pos += n;
      }
    }
    return true;
  }

  private static void line(String what, long bytes, long startNanos, int parts) {
    double secs = (System.nanoTime() - startNanos) / 1e9;
    System.out.println(String.format(Locale.ROOT, "%s %d bytes %d parts %.1f s %.0f MiB/s", what, bytes, parts, secs,
        bytes / 1048576.0 / secs));
  }
}
