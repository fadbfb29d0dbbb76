package io.s3wire.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.s3wire.auth.internal.Crypto;
import io.s3wire.http.HttpHeaders;
import io.s3wire.http.HttpRequest;
import io.s3wire.http.RequestBody;
import java.net.URI;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * aws-chunked chunk signatures against the example of AWS's S3 documentation ("Signature
 * calculations for the Authorization header: transferring payload in multiple chunks").
 */
class SigV4ChunkedTest {
  @Test
  void documentationExampleChunkedPut() {
    HttpRequest req = new HttpRequest("PUT", URI.create("https://s3.amazonaws.com/examplebucket/chunkObject.txt"),
        HttpHeaders.of(
            "x-amz-storage-class", "REDUCED_REDUNDANCY",
            "Content-Encoding", "aws-chunked",
            "x-amz-decoded-content-length", "66560",
            "Content-Length", "66824"),
        RequestBody.empty());
    SigningResult seed = SigV4Signer.s3().signWithDetails(req, SigV4SignerTest.DOC, "us-east-1", "s3",
        SigV4SignerTest.DOC_TIME, PayloadHash.of(SigV4.STREAMING_PAYLOAD));
    assertThat(seed.signature()).isEqualTo("4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");

    CredentialScope scope = seed.stringToSign().scope();
    String date = seed.stringToSign().amzDate();
    byte[] first = new byte[65536];
    Arrays.fill(first, (byte) 'a');
    byte[] second = new byte[1024];
    Arrays.fill(second, (byte) 'a');
    String s1 = SigV4.chunkSignature("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", date, scope, seed.signature(),
        Crypto.sha256Hex(first));
    assertThat(s1).isEqualTo("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
    String s2 = SigV4.chunkSignature("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", date, scope, s1,
        Crypto.sha256Hex(second));
    assertThat(s2).isEqualTo("0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497");
    String last = SigV4.chunkSignature("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", date, scope, s2,
        SigV4.EMPTY_SHA256);
    assertThat(last).isEqualTo("b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");
  }
}
