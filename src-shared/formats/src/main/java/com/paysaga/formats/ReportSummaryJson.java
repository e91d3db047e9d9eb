package com.paysaga.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The summary of a {@link ValidationReport} as one JSON object, the shape of
 * {@code local/paysaga parse --summary} and of the Transform job's validation report:
 *
 * <pre>{"format": "NACHA", "valid": true, "transactions": 2, "batches": 1, "entries": 2, "addenda": 0,
 *  "totals": {"USD": {"debit": 200000000, "credit": 0}},
 *  "errors": [], "warnings": [{"location": "line 3", "field": "", "message": "…"}]}</pre>
 *
 * Format-specific counters (ACH: batches, entries, addenda) appear between {@code transactions}
 * and {@code totals}, in the order the parser set them, followed by the control records' figures
 * as the file states them (NACHA: {@code "fileControl": {"batchCount": 1, …, "debit": 0,
 * "credit": 200000000, "entries": 2}}) and {@code totalsDirection}, the account the canonical
 * {@code totals} speak for where a format's own debit/credit could be read the other way round
 * (NACHA: {@code ORIGINATOR_ACCOUNT}: a payroll file's credit entries are the originator's
 * {@code debit}); amounts are minor units. A file whose
 * format could not be recognised has {@code "format": "UNKNOWN"}. Only the first
 * {@link ParseOptions#maxIssues()} errors and warnings are listed; {@code valid} counts them all.
 */
public final class ReportSummaryJson {

    public static final String UNKNOWN_FORMAT = "UNKNOWN";

    private final ObjectMapper mapper;

    public ReportSummaryJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ReportSummaryJson() {
        this(new ObjectMapper());
    }

    public ObjectNode toJson(ValidationReport report) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", report.format() == null ? UNKNOWN_FORMAT : report.format().name());
        root.put("valid", report.valid());
        root.put("transactions", report.transactions());
        for (Map.Entry<String, Long> c : report.counters().entrySet()) {
            root.put(c.getKey(), c.getValue());
        }
        for (Map.Entry<String, Map<String, Long>> control : report.statedControls().entrySet()) {
            ObjectNode figures = root.putObject(control.getKey());
            control.getValue().forEach(figures::put);
        }
        if (report.totalsDirection() != null) {
            root.put("totalsDirection", report.totalsDirection());
        }
        ObjectNode totals = root.putObject("totals");
        for (Map.Entry<String, ValidationReport.Totals> t : report.totals().entrySet()) {
            ObjectNode currency = totals.putObject(t.getKey());
            currency.put("debit", t.getValue().debit());
            currency.put("credit", t.getValue().credit());
        }
        issues(root.putArray("errors"), report.errors());
        issues(root.putArray("warnings"), report.warnings());
        return root;
    }

    /** Writes the summary and a line end; leaves the stream open. */
    public void write(ValidationReport report, OutputStream out) throws IOException {
        mapper.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, toJson(report));
        out.write('\n');
        out.flush();
    }

    private static void issues(ArrayNode array, List<Issue> issues) {
        for (Issue issue : issues) {
            ObjectNode node = array.addObject();
            node.put("location", issue.location());
            node.put("field", issue.field());
            node.put("message", issue.message());
        }
    }
}
