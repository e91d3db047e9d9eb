package com.paysaga.saga.staging;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The source of a stage: counts bytes, computes their SHA-256 (the fileId of an object as
 * received), and remembers a transport failure of the underlying stream, so that decoders layered
 * on top can tell "the network broke" from "the bytes are bad".
 */
public final class TrackingInputStream extends FilterInputStream {

    private final MessageDigest sha256;
    private long bytes;
    private IOException failure;

    public TrackingInputStream(InputStream in) {
        super(in);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (b >= 0) {
            sha256.update((byte) b);
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n;
        try {
            n = in.read(buf, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (n > 0) {
            sha256.update(buf, off, n);
            bytes += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = read(discard, 0, (int) Math.min(discard.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    public long bytes() {
        return bytes;
    }

    /** The transport failure of the underlying stream, if one happened. */
    public IOException failure() {
        return failure;
    }

    /** Lowercase hex SHA-256 of the bytes read so far; call once, at the end. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** Reads what is left, so that the digest covers the whole object. */
    public void drain() throws IOException {
        byte[] buf = new byte[64 * 1024];
        while (read(buf, 0, buf.length) >= 0) {
            // digest only
        }
    }
}
