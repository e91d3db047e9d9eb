package com.paysaga.local.runtime;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.security.KmsMessages;
import com.paysaga.saga.keys.PartnerKeys;
import com.paysaga.security.PgpKeyGenerator;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.staging.S3ObjectStore;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Partner configuration as an operator installs it: the profile set in the config bucket
 * ({@code profiles/partners.json}) and each PGP partner's key ring, sealed under the
 * PartnerSecretsKey. Profiles built here put "now" at midday in the partner's zone, so whether
 * a file is on time or late does not depend on when the demo or a test runs.
 */
public final class PartnerConfig {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PartnerConfig() {
    }

    /**
     * A profile whose only window closes at {@code cutOff} (local time; "now" is about 12:00
     * there), on a calendar where every day is a business day.
     */
    public static ObjectNode profile(String partner, String format, String encryption, String cutOff, String latePolicy) {
        int offset = Math.floorMod(12 - ZonedDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        ObjectNode p = JSON.createObjectNode();
        p.put("partner", partner);
        p.put("profileId", partner + "-profile");
        p.put("description", "local profile for " + partner);
        p.put("format", format);
        p.put("paymentType", format.equals("NACHA") ? "ACH" : format);
        p.put("timeZone", ZoneOffset.ofHours(offset).getId());
        p.put("calendar", "EVERY_DAY");
        p.put("windowsOpenAt", "00:00");
        p.putArray("cutOffWindows").addObject().put("name", "DAY").put("cutOff", cutOff);
        p.put("latePolicy", latePolicy);
        p.put("jobQueue", "STANDARD");
        p.put("chunkSize", 1000);
        p.put("loadConcurrency", 4);
        p.put("expectedEncryption", encryption);
        p.putArray("nachaLeniency");
        if (format.equals("PROCESSOR_CSV")) {
            p.put("csvMapping", "cardproc-daily-settlement");
        }
        p.put("fileNamePattern", "^[A-Za-z0-9._-]+$");
        p.put("maxFileBytes", 2L * 1024 * 1024 * 1024);
        return p;
    }

    /** An on-time profile without encryption. */
    public static ObjectNode onTime(String partner, String format) {
        return profile(partner, format, "NONE", "23:30", "PROCESS_AND_FLAG_LATE");
    }

    public static void writeProfiles(LocalRuntime runtime, List<ObjectNode> profiles) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("version", 1);
        doc.put("$comment", "written by local/paysaga at " + Instant.now());
        profiles.forEach(doc.putArray("profiles")::add);
        try (S3Client s3 = runtime.clients().s3()) {
            s3.putObject(b -> b.bucket(runtime.stack().ref("ConfigBucket")).key(ObjectLayout.PROFILES_KEY)
                    .contentType("application/json"), RequestBody.fromString(doc.toPrettyString()));
        }
    }

    /** Generates PaySaga's key ring for {@code partner} and stores its secret half sealed; returns it. */
    public static PgpKeyGenerator.KeyRing installPgpKey(LocalRuntime runtime, String partner) throws IOException {
        PgpKeyGenerator.KeyRing ring = new PgpKeyGenerator().generate("PaySaga <payments+" + partner + "@example.com>", 2048);
        try (S3Client s3 = runtime.clients().s3(); KmsClient kms = runtime.clients().kms()) {
            PartnerKeys keys = new PartnerKeys(new S3ObjectStore(s3), runtime.stack().ref("ConfigBucket"),
                    new KmsMessages(kms, runtime.stack().attribute("PartnerSecretsKey", "Arn")));
            keys.storePrivateKey(partner, ring.armoredSecret());
        }
        return ring;
    }
}
