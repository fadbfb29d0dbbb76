/** Checksums as S3 carries them ({@code x-amz-checksum-*}), with the arithmetic to join parts. */
package io.s3wire.checksum;
