package io.s3wire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.s3wire.BucketKey;
import io.s3wire.CallOptions;
import io.s3wire.CustomerKey;
import io.s3wire.GetObjectRequest;
import io.s3wire.PutObjectRequest;
import io.s3wire.Range;
import io.s3wire.config.AwsConfigResolver;
import io.s3wire.error.ClientException;
import io.s3wire.error.ServiceException;
import io.s3wire.http.HttpVersionPolicy;
import io.s3wire.http.TransportConfig;
import io.s3wire.provider.ProviderProfiles;
import io.s3wire.transfer.TransferConfig;
import io.s3wire.transfer.TransferManager;
import io.s3wire.wire.WireEvent;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * The transfer manager's download request against the embedded server over TLS (SSE-C needs it):
 * an old version read by its id, an SSE-C object read with its key, in parallel ranges, to a file
 * and as a stream, the request's extra header, query parameter and call listener on the HEAD and
 * every range; a missing or wrong key fails with the server's typed error and leaves no file. The
 * AWS SDK only sets the bucket up (versioning, the SSE-C allowance).
 */
@Timeout(120)
class DownloadRequestTest {
  static final int MIB = 1024 * 1024;
  static final CustomerKey KEY = CustomerKey.of(CustomerKeyTest.bytes(32, 11));
  static final CustomerKey OTHER = CustomerKey.of(CustomerKeyTest.bytes(32, 12));
  static final byte[] OLD = CustomerKeyTest.bytes(6 * MIB + 17, 1);
  static final byte[] NEW = CustomerKeyTest.bytes(3 * MIB, 2);

  static S3Server server;
  static io.s3wire.S3Client client;
  static TransferManager manager;
  static String oldVersion;
  static final BucketKey OBJ = BucketKey.of("downloads", "doc.bin");
  @TempDir static Path home;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = S3Server.builder().tls(true).start();
    Path ca = home.resolve("ca.pem");
    server.writeCertificatePem(ca);
    client = io.s3wire.S3Client.builder().awsConfig(new AwsConfigResolver(Map.of(), home))
        .endpoint(server.endpoint().toString()).region("us-east-1").credentials(server.accessKey(), server.secretKey())
        .provider(ProviderProfiles.aws()).transportConfig(TransportConfig.builder().trustedCertificates(ca)
            .versionPolicy(HttpVersionPolicy.HTTP_1_1).build()).build();
    client.createBucket(OBJ.bucket());
    try (var sdk = Peers.apache(server)) {
      sdk.putBucketVersioning(r -> r.bucket(OBJ.bucket()).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
      CustomerKeyTest.allowSseC(sdk, OBJ.bucket());
    }
    oldVersion = client.putObject(PutObjectRequest.of(OBJ).withCustomerKey(KEY), OLD).versionId();
    client.putObject(PutObjectRequest.of(OBJ).withCustomerKey(KEY), NEW);
    manager = TransferManager.create(client.async(), TransferConfig.defaults().withPartSize(5L * MIB)
        .withMultipartThreshold(MIB));
  }

  @AfterAll
  static void stop() {
    manager.close();
    client.close();
    server.close();
  }

  @Test
  void anOldVersionWithItsKeyArrivesInRangesCarryingTheRequestsExtras() throws Exception {
    List<WireEvent> heard = new CopyOnWriteArrayList<>();
    GetObjectRequest request = GetObjectRequest.of(OBJ).withVersionId(oldVersion).withCustomerKey(KEY)
        .withOptions(CallOptions.NONE.withHeader("x-amz-request-payer", "requester")
            .withQueryParameter("x-purpose", "audit").withListener(heard::add));
    Path target = dir.resolve("old.bin");

    var info = manager.downloadFile(request, target, null).join();

    assertThat(Files.readAllBytes(target)).isEqualTo(OLD);
    assertThat(info.versionId()).isEqualTo(oldVersion);
    assertThat(info.customerKeyMd5()).isEqualTo(KEY.keyMd5());
    List<WireEvent.Http1Request> sent = heard.stream().filter(WireEvent.Http1Request.class::isInstance)
        .map(WireEvent.Http1Request.class::cast).toList();
    // One HEAD and two ranges (5 MiB, then the rest), each for that version with the extras.
    assertThat(sent).extracting(WireEvent.Http1Request::method).containsExactly("HEAD", "GET", "GET");
    assertThat(sent).allSatisfy(r -> {
      assertThat(r.target()).contains("versionId=" + oldVersion).contains("x-purpose=audit");
      assertThat(r.headers()).contains(new WireEvent.Header("x-amz-request-payer", "requester"));
    });
  }

  @Test
  void theStreamFormTakesTheSameRequest() throws Exception {
    GetObjectRequest request = GetObjectRequest.of(OBJ).withVersionId(oldVersion).withCustomerKey(KEY);
    try (InputStream in = manager.downloadStream(request, null).join()) {
      assertThat(in.readAllBytes()).isEqualTo(OLD);
    }
    try (InputStream in = manager.downloadStream(GetObjectRequest.of(OBJ).withCustomerKey(KEY), null).join()) {
      assertThat(in.readAllBytes()).isEqualTo(NEW);
    }
  }

  @Test
  void aWrongKeyIsAccessDeniedAndAMissingOneABadRequestLeavingNoFile() throws Exception {
    Path target = dir.resolve("never.bin");
    assertThatThrownBy(() -> manager.downloadFile(GetObjectRequest.of(OBJ).withCustomerKey(OTHER), target, null).join())
        .isInstanceOfSatisfying(ServiceException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.isAccessDenied()).isTrue();
        });
    assertThatThrownBy(() -> manager.downloadFile(GetObjectRequest.of(OBJ), target, null).join())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> manager.downloadStream(GetObjectRequest.of(OBJ).withCustomerKey(OTHER), null).join())
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.isAccessDenied()).isTrue());
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aRangeIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> manager.downloadFile(GetObjectRequest.of(OBJ).withRange(Range.of(0, 9)),
        dir.resolve("r"), null).join())
        .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.subject()).isEqualTo("range"));
  }
}
