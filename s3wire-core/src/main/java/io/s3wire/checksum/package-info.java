/** Checksums as S3 carries them ({@code x-amz-checksum-*}): the five algorithms, CRC64NVME, and the arithmetic to join parts. */
package io.s3wire.checksum;
