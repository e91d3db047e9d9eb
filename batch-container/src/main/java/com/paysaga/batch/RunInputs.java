package com.paysaga.batch;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.paysaga.formats.Format;
import com.paysaga.saga.routing.ExpectedEncryption;
import com.paysaga.saga.routing.PartnerProfile;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.staging.ObjectRef;
import com.paysaga.saga.store.RunRecord;

/**
 * What a command needs to know about its file, from (in this order) the state machine's
 * overrides ({@code PARTNER}, {@code FORMAT}, {@code CHUNK_SIZE}, {@code SOURCE_*}), the route
 * decision recorded on the run, and the partner profile.
 */
record RunInputs(RunRecord run, String partner, PartnerProfile profile, JobConfig config) {

    ObjectRef source() {
        String bucket = config.sourceBucket().filter(s -> !s.isBlank()).orElse(run.bucket());
        String key = config.sourceKey().filter(s -> !s.isBlank()).orElse(run.key());
        if (bucket == null || key == null) {
            throw new JobSetupException("the run of " + run.fileId() + " records no source object, and SOURCE_BUCKET/SOURCE_KEY are not set");
        }
        String version = config.sourceVersion().filter(s -> !s.isBlank())
                .orElse(config.sourceKey().filter(s -> !s.isBlank()).isPresent() ? null : run.versionId());
        return new ObjectRef(bucket, key, version);
    }

    ExpectedEncryption expectedEncryption() {
        return route("expectedEncryption").map(ExpectedEncryption::valueOf).orElse(profile.expectedEncryption());
    }

    Optional<String> signingKeyId() {
        return route("pgpSigningKeyId").or(profile::pgpSigningKeyId);
    }

    Format expectedFormat() {
        return route("format").map(Format::valueOf).orElse(profile.format());
    }

    Optional<Format> forcedFormat() {
        return config.format().filter(s -> !s.isBlank()).map(f -> {
            try {
                return Format.valueOf(f.strip());
            } catch (IllegalArgumentException e) {
                throw new JobSetupException("FORMAT '" + f + "' is not one of " + java.util.Arrays.toString(Format.values()));
            }
        });
    }

    int chunkSize() {
        int size = config.chunkSize().orElseGet(() -> route("chunkSize").map(Integer::parseInt).orElse(profile.chunkSize()));
        if (size < 1 || size > 100_000) {
            throw new JobSetupException("chunk size " + size + " is outside 1..100000");
        }
        return size;
    }

    Set<String> leniencies() {
        Object v = run.route().get("nachaLeniency");
        if (v instanceof Collection<?> c) {
            Set<String> out = new LinkedHashSet<>();
            c.forEach(x -> out.add(String.valueOf(x)));
            return out;
        }
        return profile.nachaLeniency();
    }

    Optional<String> csvMapping() {
        return route("csvMapping").or(profile::csvMapping);
    }

    private Optional<String> route(String field) {
        Object v = run.route().get(field);
        if (v == null || String.valueOf(v).isBlank()) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            return Optional.of(Long.toString(n.longValue()));
        }
        return Optional.of(String.valueOf(v));
    }

    String fileName() {
        return ObjectLayout.fileNameOf(source().key());
    }
}
