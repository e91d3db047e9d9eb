package com.paysaga.saga.routing;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.formats.Format;

/**
 * A set of partner profiles, parsed from the JSON document of docs/contracts.md
 * ({@code {"profiles": [ … ]}}), with errors that name the document, the profile and the field.
 */
public final class PartnerProfiles {

    /** The document bundled in src-shared, used when the config bucket has none. */
    public static final String BUNDLED_RESOURCE = "profiles/partners.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private final String source;
    private final Map<String, PartnerProfile> byPartner;

    private PartnerProfiles(String source, Map<String, PartnerProfile> byPartner) {
        this.source = source;
        this.byPartner = byPartner;
    }

    public static PartnerProfiles bundled() {
        try (InputStream in = PartnerProfiles.class.getClassLoader().getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new ProfileConfigurationException("the bundled " + BUNDLED_RESOURCE + " is missing from the classpath");
            }
            return parse(in, "bundled " + BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new ProfileConfigurationException("cannot read the bundled " + BUNDLED_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static PartnerProfiles parse(InputStream json, String source) {
        Document doc;
        try {
            doc = JSON.readValue(json, Document.class);
        } catch (IOException e) {
            throw new ProfileConfigurationException(source + " is not a valid profile document: " + e.getMessage(), e);
        }
        if (doc.profiles == null || doc.profiles.isEmpty()) {
            throw new ProfileConfigurationException(source + " defines no profiles");
        }
        Map<String, PartnerProfile> byPartner = new LinkedHashMap<>();
        for (int i = 0; i < doc.profiles.size(); i++) {
            PartnerProfile p = toProfile(doc.profiles.get(i), source + " profiles[" + i + "]");
            if (byPartner.put(p.partner(), p) != null) {
                throw new ProfileConfigurationException(source + ": partner '" + p.partner() + "' is defined twice");
            }
        }
        return new PartnerProfiles(source, Map.copyOf(byPartner));
    }

    public String source() {
        return source;
    }

    public Optional<PartnerProfile> forPartner(String partner) {
        return Optional.ofNullable(byPartner.get(partner));
    }

    public PartnerProfile require(String partner) {
        return forPartner(partner).orElseThrow(() -> new UnknownPartnerException(partner, source));
    }

    public Collection<PartnerProfile> all() {
        return byPartner.values();
    }

    private static PartnerProfile toProfile(Raw r, String where) {
        String at = r.profileId == null ? where : where + " (" + r.profileId + ")";
        try {
            List<CutOffWindow> windows = new ArrayList<>();
            for (RawWindow w : required(r.cutOffWindows, at, "cutOffWindows")) {
                windows.add(new CutOffWindow(required(w.name, at, "cutOffWindows[].name"),
                        time(required(w.cutOff, at, "cutOffWindows[].cutOff"), at, "cutOffWindows[].cutOff")));
            }
            return new PartnerProfile(
                    required(r.partner, at, "partner"),
                    required(r.profileId, at, "profileId"),
                    r.description,
                    enumValue(Format.class, required(r.format, at, "format"), at, "format"),
                    required(r.paymentType, at, "paymentType"),
                    zone(required(r.timeZone, at, "timeZone"), at),
                    required(r.calendar, at, "calendar"),
                    r.windowsOpenAt == null ? null : time(r.windowsOpenAt, at, "windowsOpenAt"),
                    windows,
                    enumValue(LatePolicy.class, required(r.latePolicy, at, "latePolicy"), at, "latePolicy"),
                    enumValue(JobQueueClass.class, required(r.jobQueue, at, "jobQueue"), at, "jobQueue"),
                    required(r.chunkSize, at, "chunkSize"),
                    required(r.loadConcurrency, at, "loadConcurrency"),
                    enumValue(ExpectedEncryption.class, required(r.expectedEncryption, at, "expectedEncryption"), at,
                            "expectedEncryption"),
                    Optional.ofNullable(r.pgpSigningKeyId),
                    r.nachaLeniency == null ? Set.of() : Set.copyOf(r.nachaLeniency),
                    Optional.ofNullable(r.csvMapping),
                    r.fileNamePattern == null ? null : pattern(r.fileNamePattern, at),
                    r.maxFileBytes == null ? 2L * 1024 * 1024 * 1024 : r.maxFileBytes);
        } catch (IllegalArgumentException e) {
            throw new ProfileConfigurationException(at + ": " + e.getMessage(), e);
        }
    }

    private static <T> T required(T value, String at, String field) {
        if (value == null) {
            throw new ProfileConfigurationException(at + ": field '" + field + "' is required");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String at, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ProfileConfigurationException(at + ": field '" + field + "' = '" + value + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static LocalTime time(String value, String at, String field) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProfileConfigurationException(at + ": field '" + field + "' = '" + value + "' is not a time (HH:mm)");
        }
    }

    private static ZoneId zone(String value, String at) {
        try {
            return ZoneId.of(value);
        } catch (RuntimeException e) {
            throw new ProfileConfigurationException(at + ": field 'timeZone' = '" + value + "' is not an IANA time zone");
        }
    }

    private static Pattern pattern(String value, String at) {
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new ProfileConfigurationException(at + ": field 'fileNamePattern' is not a valid regex: " + e.getDescription());
        }
    }

    @JsonIgnoreProperties(value = "$comment")
    static final class Document {
        public Integer version;
        public List<Raw> profiles;
    }

    @JsonIgnoreProperties(value = "$comment")
    static final class Raw {
        public String partner;
        public String profileId;
        public String description;
        public String format;
        public String paymentType;
        public String timeZone;
        public String calendar;
        public String windowsOpenAt;
        public List<RawWindow> cutOffWindows;
        public String latePolicy;
        public String jobQueue;
        public Integer chunkSize;
        public Integer loadConcurrency;
        public String expectedEncryption;
        public String pgpSigningKeyId;
        public List<String> nachaLeniency;
        public String csvMapping;
        public String fileNamePattern;
        public Long maxFileBytes;
    }

    static final class RawWindow {
        public String name;
        public String cutOff;
    }
}
