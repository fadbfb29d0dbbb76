package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed request documents, XXE and billion laughs among them, are 400 MalformedXML and never expanded. */
@Timeout(30)
class XmlSecurityTest {
  static S3Server server;
  static Path secret;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.builder().anonymous(true).start();
    server.store().createBucket("bucket");
    secret = Files.createTempFile("s3wire-xxe", ".txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    Files.deleteIfExists(secret);
  }

  static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file://%s\">]>"
      + "<%s><Object><Key>&x;</Key></Object><Part><PartNumber>1</PartNumber><ETag>&x;</ETag></Part></%s>";
  static final String LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
      + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
      + "<%s><Object><Key>&lol4;</Key></Object><Part><PartNumber>1</PartNumber><ETag>&lol4;</ETag></Part></%s>";

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
        .header("content-md5", java.util.Base64.getEncoder().encodeToString(
            java.security.MessageDigest.getInstance("MD5").digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"xxe", "laughs", "truncated", "empty", "wrong-root", "no-parts"})
  void malformedDocumentsAreRefused(String kind) throws Exception {
    String uploadId = server.store().createMultipartUpload("bucket", "mp", ObjectAttributes.empty(), null, null);
    String[][] targets = {{"/bucket?delete", "Delete"}, {"/bucket/mp?uploadId=" + uploadId, "CompleteMultipartUpload"}};
    for (String[] t : targets) {
      String root = t[1];
      String body = switch (kind) {
        case "xxe" -> String.format(XXE, secret.toAbsolutePath(), root, root);
        case "laughs" -> String.format(LAUGHS, root, root);
        case "truncated" -> "<" + root + "><Object><Key>a</Key>";
        case "empty" -> "";
        case "wrong-root" -> "<Nope><Object><Key>a</Key></Object></Nope>";
        default -> "<" + root + "></" + root + ">";
      };
      HttpResponse<String> r = post(t[0], body);
      assertThat(r.statusCode()).as(kind + " " + root).isEqualTo(400);
      assertThat(r.body()).contains("<Code>MalformedXML</Code>").doesNotContain("TOP-SECRET").doesNotContain("lollol");
    }
    assertThat(server.store().listParts("bucket", "mp", uploadId)).isEmpty();
  }
}
