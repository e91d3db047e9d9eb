package com.paysaga.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import com.paysaga.testing.AwsEmulator;
import com.paysaga.testing.ProjectRoot;

import picocli.CommandLine;

class UpCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = PaySagaCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void upProvisionsEveryEmulatorResourceOfTheTemplateAndIsIdempotent() {
        String stack = "up" + Long.toString(ProcessHandle.current().pid(), 36);
        String[] args = {"up", "--stack", stack, "--template", ProjectRoot.resolve("template.yaml").toString(),
                "--endpoint-url", AwsEmulator.endpoint().uri().toString()};

        Run first = run(args);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("endpoint: " + AwsEmulator.endpoint().uri())
                .contains(stack + "-runs").contains(stack + "-transactions").contains(stack + "-tokens")
                .contains("alias/" + stack + "/token").contains(stack + "-notifications")
                .containsPattern(stack + "-inbound-\\d{12}-");

        Run second = run(args);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("0 created");
        try (var dynamo = AwsEmulator.endpoint().clients().dynamoDb()) {
            assertThat(dynamo.listTables().tableNames()).contains(stack + "-runs");
        }
    }

    @Test
    void upRefusesToRunWithoutAnEmulatorEndpoint() {
        Run r = run("up", "--endpoint-url", "", "--template", ProjectRoot.resolve("template.yaml").toString());
        assertThat(r.exit()).isEqualTo(PaySagaCli.EXIT_USAGE);
        assertThat(r.err()).contains("AWS_ENDPOINT_URL is not set");
    }
}
