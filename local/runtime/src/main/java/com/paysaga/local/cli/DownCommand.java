package com.paysaga.local.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * Stopping the emulator is the launcher's job (local/emulator.sh stop), because the JVM did not
 * start it; this command exists so that {@code paysaga --help} lists it and says so.
 */
@Command(name = "down", description = "Stop the local AWS emulator (handled by the local/paysaga launcher).")
public final class DownCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("paysaga down: run it as `local/paysaga down`; the launcher stops the emulator");
        return PaySagaCli.EXIT_USAGE;
    }
}
