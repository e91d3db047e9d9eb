package com.paysaga.saga.staging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * {@link ObjectStore} on S3 with the synchronous client. Writes of unknown length stream as a
 * multipart upload in {@link #PART_BYTES} parts (one part buffered at a time); an object smaller
 * than one part is a single PutObject. An aborted writer aborts its multipart upload, so a
 * half-written object never becomes visible (the buckets' lifecycle rule also aborts leftovers).
 */
public final class S3ObjectStore implements ObjectStore {

    /** S3's minimum part size is 5 MiB; 8 MiB keeps one buffer per open writer small. */
    public static final int PART_BYTES = 8 * 1024 * 1024;

    private final S3Client s3;
    private final int partBytes;

    public S3ObjectStore(S3Client s3) {
        this(s3, PART_BYTES);
    }

    S3ObjectStore(S3Client s3, int partBytes) {
        this.s3 = s3;
        this.partBytes = partBytes;
    }

    @Override
    public StoredObject open(ObjectRef ref) throws IOException {
        GetObjectRequest.Builder req = GetObjectRequest.builder().bucket(ref.bucket()).key(ref.key());
        if (ref.versionId() != null) {
            req.versionId(ref.versionId());
        }
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(req.build());
            GetObjectResponse r = in.response();
            return new StoredObject(new ObjectRef(ref.bucket(), ref.key(), r.versionId()),
                    r.contentLength() == null ? -1 : r.contentLength(), r.metadata(), in);
        } catch (NoSuchKeyException e) {
            throw new MissingObjectException(ref);
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || (e.statusCode() == 400 && ref.versionId() != null && isNoSuchVersion(e))) {
                throw new MissingObjectException(ref);
            }
            throw e;
        }
    }

    private static boolean isNoSuchVersion(S3Exception e) {
        return e.awsErrorDetails() != null && "NoSuchVersion".equals(e.awsErrorDetails().errorCode());
    }

    @Override
    public Optional<Head> head(ObjectRef ref) {
        HeadObjectRequest.Builder req = HeadObjectRequest.builder().bucket(ref.bucket()).key(ref.key());
        if (ref.versionId() != null) {
            req.versionId(ref.versionId());
        }
        try {
            HeadObjectResponse r = s3.headObject(req.build());
            return Optional.of(new Head(r.contentLength() == null ? -1 : r.contentLength(), r.metadata(), r.versionId()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public ObjectWriter create(ObjectRef ref, WriteOptions options) {
        return new MultipartWriter(ref, options);
    }

    @Override
    public List<String> list(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder req = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (token != null) {
                req.continuationToken(token);
            }
            ListObjectsV2Response page = s3.listObjectsV2(req.build());
            for (S3Object o : page.contents()) {
                keys.add(o.key());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        keys.sort(null);
        return keys;
    }

    @Override
    public void delete(ObjectRef ref) {
        s3.deleteObject(b -> b.bucket(ref.bucket()).key(ref.key()));
    }

    private final class MultipartWriter extends ObjectWriter {
        private final ObjectRef ref;
        private final WriteOptions options;
        private final byte[] buffer;
        private int filled;
        private long written;
        private String uploadId;
        private final List<CompletedPart> parts = new ArrayList<>();
        private boolean done;

        MultipartWriter(ObjectRef ref, WriteOptions options) {
            this.ref = ref;
            this.options = options;
            this.buffer = new byte[partBytes];
        }

        @Override
        public void write(int b) {
            if (filled == buffer.length) {
                uploadPart();
            }
            buffer[filled++] = (byte) b;
            written++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensureOpen();
            while (len > 0) {
                if (filled == buffer.length) {
                    uploadPart();
                }
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                written += n;
            }
        }

        @Override
        public long written() {
            return written;
        }

        @Override
        public String commit() {
            ensureOpen();
            done = true;
            if (uploadId == null) {
                return s3.putObject(b -> {
                    b.bucket(ref.bucket()).key(ref.key()).contentType(options.contentType()).metadata(options.metadata());
                    options.kmsKeyId().ifPresent(k -> b.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(k));
                }, RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled))).versionId();
            }
            if (filled > 0) {
                uploadPart();
            }
            try {
                return s3.completeMultipartUpload(b -> b.bucket(ref.bucket()).key(ref.key()).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts))).versionId();
            } catch (RuntimeException e) {
                abortUpload();
                throw e;
            }
        }

        @Override
        public void abort() {
            if (!done) {
                done = true;
                abortUpload();
            }
        }

        private void abortUpload() {
            if (uploadId != null) {
                String id = uploadId;
                uploadId = null;
                s3.abortMultipartUpload(b -> b.bucket(ref.bucket()).key(ref.key()).uploadId(id));
            }
        }

        private void uploadPart() {
            try {
                if (uploadId == null) {
                    uploadId = s3.createMultipartUpload(b -> {
                        b.bucket(ref.bucket()).key(ref.key()).contentType(options.contentType()).metadata(options.metadata());
                        options.kmsKeyId().ifPresent(k -> b.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(k));
                    }).uploadId();
                }
                int number = parts.size() + 1;
                UploadPartResponse r = s3.uploadPart(b -> b.bucket(ref.bucket()).key(ref.key()).uploadId(uploadId)
                        .partNumber(number), RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled)));
                parts.add(CompletedPart.builder().partNumber(number).eTag(r.eTag()).checksumCRC32(r.checksumCRC32())
                        .checksumCRC32C(r.checksumCRC32C()).checksumCRC64NVME(r.checksumCRC64NVME()).build());
                filled = 0;
            } catch (RuntimeException e) {
                done = true;
                try {
                    abortUpload();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }

        private void ensureOpen() {
            if (done) {
                throw new IllegalStateException("writer of " + ref + " is already committed or aborted");
            }
        }
    }
}
