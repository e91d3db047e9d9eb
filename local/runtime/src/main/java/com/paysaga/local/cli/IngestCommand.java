package com.paysaga.local.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.paysaga.local.runtime.Ingestion;
import com.paysaga.local.runtime.LocalRuntime;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Upload files as a partner would, let the rules start the saga, wait, and report. */
@Command(name = "ingest", description = "Upload files to inbound/<partner>/, run the pipeline, wait and report.")
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--partner", required = true, description = "Partner (the inbound/<partner>/ prefix and its profile).")
    String partner;

    @Option(names = "--timeout", defaultValue = "PT30M", description = "How long to wait for the runs (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Ingestion.Upload> uploads = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                spec.commandLine().getErr().println("paysaga ingest: no such file " + f);
                return PaySagaCli.EXIT_USAGE;
            }
            uploads.add(Ingestion.Upload.of(f.getFileName().toString(), partner, f.getFileName().toString(),
                    Files.readAllBytes(f)));
        }
        try (LocalRuntime rt = runtime.start()) {
            List<Ingestion.Outcome> outcomes = Ingestion.run(rt, uploads, spec.commandLine().getErr(), timeout);
            return report(spec.commandLine().getOut(), outcomes, o -> o.status().equals("COMPLETED"));
        }
    }

    /** The final table; exit 0 only when every outcome is the expected one. */
    static int report(PrintWriter out, List<Ingestion.Outcome> outcomes, java.util.function.Predicate<Ingestion.Outcome> expected) {
        Table t = new Table("FILE", "FORMAT", "STATUS", "LOADED", "TIME", "FILE ID", "ERROR");
        int unexpected = 0;
        for (Ingestion.Outcome o : outcomes) {
            boolean ok = expected.test(o);
            unexpected += ok ? 0 : 1;
            t.row(o.upload().label(), o.run().map(r -> r.format()).orElse(null), o.status() + (ok ? "" : " (unexpected)"),
                    o.loaded(), String.format("%.1f s", o.elapsed().toMillis() / 1000.0),
                    o.upload().fileId().substring(0, 16), o.result().error());
        }
        t.print(out);
        out.println(outcomes.size() + " file(s), " + (outcomes.size() - unexpected) + " as expected"
                + (unexpected == 0 ? "" : ", " + unexpected + " not"));
        out.flush();
        return unexpected == 0 ? 0 : 1;
    }
}
