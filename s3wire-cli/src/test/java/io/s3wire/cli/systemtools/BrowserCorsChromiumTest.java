package io.s3wire.cli.systemtools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.s3wire.cli.CliRun;
import io.s3wire.server.S3Server;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A browser is the peer for CORS: a page on one origin (a JDK HTTP server on {@code localhost})
 * has headless Chromium PUT and GET an object through {@code s3wire presign} URLs on the embedded
 * server ({@code 127.0.0.1}, another origin). Chromium sends the PUT's preflight itself, enforces
 * the answers, hides headers the rule does not expose, and refuses a bucket without CORS rules.
 */
@Tag("system-tools")
@Timeout(180)
class BrowserCorsChromiumTest {
  private static final String ACCESS = "cors-access";
  private static final String SECRET = "cors-secret-0123456789abcdef";

  @TempDir Path dir;

  @Test
  void chromiumUploadsAndDownloadsThroughPresignedUrlsUnderTheBucketsCorsRules() throws Exception {
    Path chromium = SystemTool.find("chromium") != null ? SystemTool.require("chromium")
        : SystemTool.require("chromium-browser");
    List<String> operations = new CopyOnWriteArrayList<>();
    CompletableFuture<String> result = new CompletableFuture<>();
    HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    try (S3Server s3 = S3Server.builder().credentials(ACCESS, SECRET)
        .observer(r -> operations.add(r.operation() + " " + r.method() + " " + r.path())).start()) {
      String origin = "http://localhost:" + web.getAddress().getPort();
      s3.store().createBucket("web");
      s3.store().createBucket("closed");
      s3.store().putBucketConfig("web", "cors", ("<CORSConfiguration><CORSRule><AllowedOrigin>" + origin
          + "</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod>"
          + "<AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>60</MaxAgeSeconds>"
          + "</CORSRule></CORSConfiguration>").getBytes(StandardCharsets.UTF_8));
      Map<String, String> env = Map.of("HOME", dir.toString(), "AWS_ACCESS_KEY_ID", ACCESS, "AWS_SECRET_ACCESS_KEY",
          SECRET, "AWS_REGION", "us-east-1");
      String putUrl = presign(env, s3, "s3://web/from-browser.txt", "PUT");
      String getUrl = presign(env, s3, "s3://web/from-browser.txt", "GET");
      String closedUrl = presign(env, s3, "s3://closed/anything.txt", "GET");

      String page = """
          <!doctype html><html><body><pre id="result">pending</pre><script>
          (async () => {
            const out = {};
            try {
              const put = await fetch(%s, {method: 'PUT', body: 'from chromium',
                  headers: {'Content-Type': 'text/plain', 'x-amz-meta-by': 'browser'}});
              out.put = put.status;
              out.putEtag = put.headers.get('ETag');
              const get = await fetch(%s);
              out.get = get.status;
              out.body = await get.text();
              out.getEtag = get.headers.get('ETag');
              out.unexposed = get.headers.get('x-amz-request-id');
            } catch (e) { out.error = String(e); }
            try { await fetch(%s); out.closed = 'readable'; } catch (e) { out.closed = 'blocked'; }
            document.getElementById('result').textContent = JSON.stringify(out);
            await fetch('/result', {method: 'POST', body: JSON.stringify(out)});
          })();
          </script></body></html>
          """.formatted(js(putUrl), js(getUrl), js(closedUrl));
      web.createContext("/", exchange -> {
        try (exchange) {
          if (exchange.getRequestMethod().equals("POST")) {
            try (InputStream in = exchange.getRequestBody()) {
              result.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            return;
          }
          byte[] b = page.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, b.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(b);
          }
        }
      });
      web.start();

      Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=30000", "--dump-dom", origin + "/")
          .redirectOutput(dir.resolve("dom.html").toFile()).redirectError(dir.resolve("chromium.err").toFile())
          .start();
      String json;
      try {
        json = result.get(90, TimeUnit.SECONDS);
      } finally {
        SystemTool.stop(browser);
      }
      String etag = "\\\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest("from chromium".getBytes(StandardCharsets.UTF_8))) + "\\\"";
      assertThat(json).isEqualTo("{\"put\":200,\"putEtag\":\"" + etag + "\",\"get\":200,\"body\":\"from chromium\","
          + "\"getEtag\":\"" + etag + "\",\"unexposed\":null,\"closed\":\"blocked\"}");
      assertThat(operations).contains("OptionsObject OPTIONS /web/from-browser.txt",
          "PutObject PUT /web/from-browser.txt", "GetObject GET /web/from-browser.txt");
      assertThat(s3.store().headObject("web", "from-browser.txt").attributes().userMetadata()).containsEntry("by", "browser");
    } finally {
      web.stop(0);
    }
  }

  private static String presign(Map<String, String> env, S3Server s3, String uri, String method) {
    CliRun run = CliRun.run(env, "presign", uri, "--method", method, "--expires", "5m", "--endpoint",
        s3.endpoint().toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run.out().strip();
  }

  /** A JavaScript string literal for {@code s} (URLs: no quotes or backslashes to escape beyond these). */
  private static String js(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

}
