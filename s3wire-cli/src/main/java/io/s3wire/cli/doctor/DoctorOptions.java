package io.s3wire.cli.doctor;

import java.net.URI;
import java.nio.file.Path;

/**
 * What {@code s3wire doctor} was asked, as a value (the CLI's arguments, testable without the network).
 *
 * @param endpoint {@code --endpoint}, or {@code null} to use the AWS configuration, or the embedded server
 * @param bucket {@code --bucket}, or {@code null}
 * @param provider {@code --provider} name, or {@code null}
 * @param providerFile {@code --provider-file}, a profile file, or {@code null}
 * @param ca {@code --ca} (or {@code AWS_CA_BUNDLE}), or {@code null}
 * @param json print one JSON document instead of text
 * @param report write a self-contained HTML report here, or {@code null}
 * @param writeProfile write the measured capabilities as a provider profile file here, or {@code null}
 * @param pcap {@code --pcap}: the base name of the captures ({@link DoctorCaptures}), or {@code null} for none
 * @param http3 {@code --http3}: add the h3 rows even when no response advertises HTTP/3 in {@code Alt-Svc}
 */
public record DoctorOptions(URI endpoint, String bucket, String provider, Path providerFile, Path ca, boolean json, Path report,
    Path writeProfile, Path pcap, boolean http3) {
  /** The options without {@code --http3}. */
  public DoctorOptions(URI endpoint, String bucket, String provider, Path providerFile, Path ca, boolean json, Path report,
      Path writeProfile, Path pcap) {
    this(endpoint, bucket, provider, providerFile, ca, json, report, writeProfile, pcap, false);
  }

  /** The options without captures. */
  public DoctorOptions(URI endpoint, String bucket, String provider, Path providerFile, Path ca, boolean json, Path report,
      Path writeProfile) {
    this(endpoint, bucket, provider, providerFile, ca, json, report, writeProfile, null, false);
  }
}
