package com.paysaga.saga.replay;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.paysaga.saga.Stage;

/**
 * {@code {"replay": {"fileId", "fromStage", "onlyFailedChunks", "reason"}}}: DESIGN.md §4.
 *
 * @param startedBy who asked (an operator, {@code replay-lambda}, {@code local-cli}); recorded on the EXEC# item
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplayRequest(String fileId, String fromStage, Boolean onlyFailedChunks, String reason, String startedBy) {

    private static final Pattern FILE_ID = Pattern.compile("[0-9a-f]{64}");

    /** The request checked: every problem in one message, so an operator fixes it in one go. */
    public Valid validate() {
        StringBuilder problems = new StringBuilder();
        if (fileId == null || !FILE_ID.matcher(fileId).matches()) {
            problems.append("fileId must be the 64 lowercase hex digits of the file's SHA-256, got '")
                    .append(fileId).append("'; ");
        }
        Stage stage = null;
        try {
            stage = Stage.parse(fromStage);
        } catch (IllegalArgumentException e) {
            problems.append("fromStage: ").append(e.getMessage()).append("; ");
        }
        if (Boolean.TRUE.equals(onlyFailedChunks) && stage != null && stage != Stage.Load) {
            problems.append("onlyFailedChunks applies to a replay from Load only, not from ").append(stage).append("; ");
        }
        if (problems.length() > 0) {
            throw new InvalidReplayRequestException("invalid replay request: "
                    + problems.substring(0, problems.length() - 2));
        }
        return new Valid(fileId, stage, Boolean.TRUE.equals(onlyFailedChunks),
                reason == null || reason.isBlank() ? "not given" : reason.strip(),
                startedBy == null || startedBy.isBlank() ? "unknown" : startedBy.strip());
    }

    public record Valid(String fileId, Stage fromStage, boolean onlyFailedChunks, String reason, String startedBy) {
    }
}
