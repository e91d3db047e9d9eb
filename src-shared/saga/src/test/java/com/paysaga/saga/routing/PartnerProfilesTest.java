package com.paysaga.saga.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.paysaga.formats.Format;

class PartnerProfilesTest {

    @Test
    void theBundledSampleSetHoldsTheFourReferencePartners() {
        PartnerProfiles p = PartnerProfiles.bundled();
        PartnerProfile ach = p.require("acme");
        assertThat(ach.format()).isEqualTo(Format.NACHA);
        assertThat(ach.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(ach.cutOffWindows()).extracting(CutOffWindow::cutOff)
                .containsExactly(LocalTime.of(10, 30), LocalTime.of(14, 45), LocalTime.of(16, 45));
        assertThat(ach.jobQueue()).isEqualTo(JobQueueClass.PRIORITY);
        assertThat(ach.latePolicy()).isEqualTo(LatePolicy.WAIT_FOR_NEXT_WINDOW);
        assertThat(p.require("eurobank").format()).isEqualTo(Format.CAMT_053);
        assertThat(p.require("eurobank").calendar()).isEqualTo(BusinessCalendars.TARGET2);
        assertThat(p.require("cardco").csvMapping()).contains("cardco");
        assertThat(p.require("midbank").format()).isEqualTo(Format.BAI2);
        assertThat(p.all()).extracting(PartnerProfile::latePolicy).contains(LatePolicy.values());
    }

    @Test
    void anUnknownPartnerIsNamedInTheError() {
        assertThatThrownBy(() -> PartnerProfiles.bundled().require("nobody"))
                .isInstanceOf(UnknownPartnerException.class)
                .hasMessageContaining("'nobody'");
    }

    @Test
    void aMissingRequiredFieldNamesTheProfileAndTheField() {
        String json = """
                {"profiles": [{"partner": "x", "profileId": "x-1", "format": "NACHA", "paymentType": "ACH",
                  "timeZone": "UTC", "calendar": "WEEKDAYS", "cutOffWindows": [{"name": "A", "cutOff": "10:00"}],
                  "latePolicy": "REJECT", "chunkSize": 10, "loadConcurrency": 2, "expectedEncryption": "NONE"}]}
                """;
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(ProfileConfigurationException.class)
                .hasMessageContaining("test.json profiles[0] (x-1)")
                .hasMessageContaining("'jobQueue' is required");
    }

    @Test
    void aBadEnumValueListsTheAllowedValues() {
        String json = """
                {"profiles": [{"partner": "x", "profileId": "x-1", "format": "NACHA", "paymentType": "ACH",
                  "timeZone": "UTC", "calendar": "WEEKDAYS", "cutOffWindows": [{"name": "A", "cutOff": "10:00"}],
                  "latePolicy": "LATER", "jobQueue": "STANDARD", "chunkSize": 10, "loadConcurrency": 2,
                  "expectedEncryption": "NONE"}]}
                """;
        assertThatThrownBy(() -> parse(json))
                .hasMessageContaining("'latePolicy' = 'LATER' is not one of [WAIT_FOR_NEXT_WINDOW, PROCESS_AND_FLAG_LATE, REJECT]");
    }

    @Test
    void anUnknownFieldIsRejectedSoThatATypoCannotSilentlyFallBackToADefault() {
        String json = """
                {"profiles": [{"partner": "x", "profileId": "x-1", "format": "NACHA", "paymentType": "ACH",
                  "timeZone": "UTC", "calendar": "WEEKDAYS", "cutOffWindows": [{"name": "A", "cutOff": "10:00"}],
                  "latePolicy": "REJECT", "jobQueue": "STANDARD", "chunkSize": 10, "loadConcurrency": 2,
                  "expectedEncryption": "NONE", "chunksize": 5}]}
                """;
        assertThatThrownBy(() -> parse(json)).hasMessageContaining("chunksize");
    }

    @Test
    void aCsvProfileWithoutMappingIsRefused() {
        String json = """
                {"profiles": [{"partner": "x", "profileId": "x-1", "format": "PROCESSOR_CSV", "paymentType": "CARD",
                  "timeZone": "UTC", "calendar": "EVERY_DAY", "cutOffWindows": [{"name": "A", "cutOff": "06:00"}],
                  "latePolicy": "REJECT", "jobQueue": "STANDARD", "chunkSize": 10, "loadConcurrency": 2,
                  "expectedEncryption": "NONE"}]}
                """;
        assertThatThrownBy(() -> parse(json)).hasMessageContaining("needs a csvMapping");
    }

    @Test
    void aPartnerDefinedTwiceIsAnError() {
        String one = """
                {"partner": "x", "profileId": "x-%d", "format": "NACHA", "paymentType": "ACH",
                  "timeZone": "UTC", "calendar": "WEEKDAYS", "cutOffWindows": [{"name": "A", "cutOff": "10:00"}],
                  "latePolicy": "REJECT", "jobQueue": "STANDARD", "chunkSize": 10, "loadConcurrency": 2,
                  "expectedEncryption": "NONE"}""";
        String json = "{\"profiles\": [" + one.formatted(1) + "," + one.formatted(2) + "]}";
        assertThatThrownBy(() -> parse(json)).hasMessageContaining("partner 'x' is defined twice");
    }

    private static PartnerProfiles parse(String json) {
        return PartnerProfiles.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
