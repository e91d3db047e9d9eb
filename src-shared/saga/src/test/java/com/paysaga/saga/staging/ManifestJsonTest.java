package com.paysaga.saga.staging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * manifest.json and chunks.json as docs/contracts.md shows them: Transform writes them with
 * {@link StagingJson}, the checkpoint function and Load read them back with the same types.
 */
class ManifestJsonTest {

    static final String FILE_ID = "ab".repeat(32);

    private final ObjectMapper json = StagingJson.mapper();

    private static Manifest manifest() {
        Map<String, Manifest.Totals> totals = new LinkedHashMap<>();
        totals.put("USD", new Manifest.Totals(200_000_000, 0));
        totals.put("EUR", new Manifest.Totals(1250, 99));
        return new Manifest(FILE_ID, "NACHA", "acme", 1000, 2500, "v1", totals,
                List.of(new ChunkDescriptor(1, ObjectLayout.chunkKey(FILE_ID, 1), 1000, "cd".repeat(32)),
                        new ChunkDescriptor(2, ObjectLayout.chunkKey(FILE_ID, 2), 1000, "ef".repeat(32)),
                        new ChunkDescriptor(3, ObjectLayout.chunkKey(FILE_ID, 3), 500, "01".repeat(32))));
    }

    /** The example under "## manifest.json" in docs/contracts.md. */
    private static JsonNode documentedManifest() throws IOException {
        String doc = Files.readString(TransformPipelineTest.projectRoot().resolve("docs/contracts.md"));
        Matcher m = Pattern.compile("## manifest\\.json\\s+```json\\s+(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/contracts.md has a manifest.json example").isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    /** Every object's field names, depth first, in document order; map keys (currencies) as {@code *}. */
    private static List<String> shape(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            boolean currencies = path.endsWith("/totals");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = currencies ? "*" : e.getKey();
                out.add(path + "/" + name);
                shape(e.getValue(), path + "/" + name, out);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            shape(node.get(0), path + "[]", out);
        }
        return out;
    }

    @Test
    void manifestHasTheFieldsOfDocsContractsInTheSameOrder() throws IOException {
        JsonNode written = json.readTree(json.writeValueAsBytes(manifest()));

        List<String> documented = shape(documentedManifest(), "", new ArrayList<>());
        assertThat(documented).startsWith("/fileId", "/format", "/partner", "/chunkSize", "/transactions",
                "/tokenKeyVersion", "/totals", "/totals/*", "/totals/*/debit", "/totals/*/credit", "/chunks",
                "/chunks[]/index", "/chunks[]/key", "/chunks[]/transactions", "/chunks[]/sha256");
        List<String> actual = shape(written, "", new ArrayList<>());
        assertThat(actual.stream().distinct().toList()).isEqualTo(documented);
    }

    @Test
    void manifestBytesAreCompactWithCurrenciesSortedAndDebitBeforeCredit() throws IOException {
        String c1 = ObjectLayout.chunkKey(FILE_ID, 1);
        String c2 = ObjectLayout.chunkKey(FILE_ID, 2);
        String c3 = ObjectLayout.chunkKey(FILE_ID, 3);
        assertThat(json.writeValueAsString(manifest())).isEqualTo("{\"fileId\":\"" + FILE_ID + "\",\"format\":\"NACHA\","
                + "\"partner\":\"acme\",\"chunkSize\":1000,\"transactions\":2500,\"tokenKeyVersion\":\"v1\","
                + "\"totals\":{\"EUR\":{\"debit\":1250,\"credit\":99},\"USD\":{\"debit\":200000000,\"credit\":0}},"
                + "\"chunks\":[{\"index\":1,\"key\":\"" + c1 + "\",\"transactions\":1000,\"sha256\":\"" + "cd".repeat(32) + "\"},"
                + "{\"index\":2,\"key\":\"" + c2 + "\",\"transactions\":1000,\"sha256\":\"" + "ef".repeat(32) + "\"},"
                + "{\"index\":3,\"key\":\"" + c3 + "\",\"transactions\":500,\"sha256\":\"" + "01".repeat(32) + "\"}]}");
    }

    @Test
    void chunkListIsTheManifestsChunksArray() throws IOException {
        Manifest m = manifest();
        JsonNode list = json.readTree(json.writeValueAsBytes(m.chunks()));
        assertThat(list).isEqualTo(json.readTree(json.writeValueAsBytes(m)).get("chunks"));
        assertThat(List.of(json.readValue(json.writeValueAsBytes(m.chunks()), ChunkDescriptor[].class)))
                .isEqualTo(m.chunks());
    }

    @Test
    void whatTransformWritesReadsBackAsTheSameManifest() throws IOException {
        assertThat(json.readValue(json.writeValueAsBytes(manifest()), Manifest.class)).isEqualTo(manifest());
    }

    @Test
    void fieldsThisVersionDoesNotKnowAreIgnoredAndMissingTotalsReadAsNone() throws IOException {
        String newer = "{\"fileId\":\"" + FILE_ID + "\",\"format\":\"BAI2\",\"schema\":2,\"chunkSize\":10,"
                + "\"transactions\":1,\"chunks\":[{\"index\":1,\"key\":\"k\",\"transactions\":1,\"sha256\":\"s\","
                + "\"bytes\":42}]}";
        Manifest m = json.readValue(newer, Manifest.class);
        assertThat(m.totals()).isEmpty();
        assertThat(m.chunks()).containsExactly(new ChunkDescriptor(1, "k", 1, "s"));

        String totalsWithMore = "{\"fileId\":\"f\",\"totals\":{\"USD\":{\"debit\":5,\"credit\":7,\"count\":2}}}";
        assertThat(json.readValue(totalsWithMore, Manifest.class).totals())
                .containsExactly(Map.entry("USD", new Manifest.Totals(5, 7)));
    }
}
