package com.paysaga.saga.routing;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.paysaga.formats.Format;

/**
 * How PaySaga handles one partner's files: configuration, loaded from
 * {@code profiles/partners.json} (docs/contracts.md), never code.
 *
 * @param partner            the path segment after {@code inbound/} in the upload's key
 * @param profileId          stable id recorded on the run
 * @param format             the format the partner sends
 * @param paymentType        business kind: SAME_DAY_ACH, SEPA_STATEMENT, CARD_SETTLEMENT, …
 * @param timeZone           zone of the cut-off times and of the business date
 * @param calendar           a {@link BusinessCalendars} name
 * @param windowsOpenAt      when the first window of a business day starts to accept files;
 *                           {@link LatePolicy#WAIT_FOR_NEXT_WINDOW} waits until then
 * @param cutOffWindows      the business day's windows, any order (kept sorted by cut-off)
 * @param latePolicy         what a file after the day's last cut-off gets
 * @param jobQueue           which Batch queue runs Decrypt/Transform/Archive
 * @param chunkSize          transactions per staging chunk (and per Load invocation)
 * @param loadConcurrency    Load Map's MaxConcurrency
 * @param expectedEncryption what Validate requires and Decrypt undoes
 * @param pgpSigningKeyId    the partner's PGP signing key id (hex) whose signature Decrypt requires, if any
 * @param nachaLeniency      NACHA leniency option names passed to the parser
 * @param csvMapping         processor CSV column mapping name
 * @param fileNamePattern    regex the upload's file name must match
 * @param maxFileBytes       largest accepted upload
 */
public record PartnerProfile(
        String partner,
        String profileId,
        String description,
        Format format,
        String paymentType,
        ZoneId timeZone,
        String calendar,
        LocalTime windowsOpenAt,
        List<CutOffWindow> cutOffWindows,
        LatePolicy latePolicy,
        JobQueueClass jobQueue,
        int chunkSize,
        int loadConcurrency,
        ExpectedEncryption expectedEncryption,
        Optional<String> pgpSigningKeyId,
        Set<String> nachaLeniency,
        Optional<String> csvMapping,
        Pattern fileNamePattern,
        long maxFileBytes) {

    public PartnerProfile {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(latePolicy, "latePolicy");
        Objects.requireNonNull(jobQueue, "jobQueue");
        Objects.requireNonNull(expectedEncryption, "expectedEncryption");
        BusinessCalendars.named(calendar);
        if (cutOffWindows == null || cutOffWindows.isEmpty()) {
            throw new IllegalArgumentException("profile " + profileId + ": at least one cut-off window is required");
        }
        List<CutOffWindow> sorted = new ArrayList<>(cutOffWindows);
        sorted.sort(Comparator.comparing(CutOffWindow::cutOff));
        cutOffWindows = List.copyOf(sorted);
        windowsOpenAt = windowsOpenAt == null ? LocalTime.MIDNIGHT : windowsOpenAt;
        if (chunkSize < 1 || chunkSize > 100_000) {
            throw new IllegalArgumentException("profile " + profileId + ": chunkSize " + chunkSize + " is outside 1..100000");
        }
        // Step Functions' Map accepts MaxConcurrency 0 (unbounded); unbounded writers would only
        // throttle the transactions table, so a profile must name a bound.
        if (loadConcurrency < 1 || loadConcurrency > 1_000) {
            throw new IllegalArgumentException("profile " + profileId + ": loadConcurrency " + loadConcurrency + " is outside 1..1000");
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("profile " + profileId + ": maxFileBytes must be positive");
        }
        if (format == Format.PROCESSOR_CSV && (csvMapping == null || csvMapping.isEmpty())) {
            throw new IllegalArgumentException("profile " + profileId + ": a PROCESSOR_CSV profile needs a csvMapping");
        }
        pgpSigningKeyId = pgpSigningKeyId == null ? Optional.empty() : pgpSigningKeyId;
        csvMapping = csvMapping == null ? Optional.empty() : csvMapping;
        nachaLeniency = nachaLeniency == null ? Set.of() : Set.copyOf(nachaLeniency);
        fileNamePattern = fileNamePattern == null ? Pattern.compile(".+") : fileNamePattern;
    }

    public BusinessCalendar businessCalendar() {
        return BusinessCalendars.named(calendar);
    }
}
