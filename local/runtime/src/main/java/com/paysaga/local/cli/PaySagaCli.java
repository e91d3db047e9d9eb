package com.paysaga.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code local/paysaga}: the one entry point of the local runtime. The launcher script builds
 * what is missing, starts the emulator where a command needs AWS, and calls this class.
 * Standard output carries only a command's result; diagnostics go to standard error.
 */
@Command(name = "paysaga", mixinStandardHelpOptions = true, version = "PaySaga local runtime 0.1.0",
        description = "Runs PaySaga on one machine against the local AWS emulator.",
        subcommands = {
                DemoCommand.class,
                UpCommand.class,
                DownCommand.class,
                RunAslCommand.class,
                ParseCommand.class,
                IngestCommand.class,
                WatchCommand.class,
                StatusCommand.class,
                HistoryCommand.class,
                ReplayCommand.class,
        })
public final class PaySagaCli implements Runnable {

    /** Exit code for a usage error, shared by every command (picocli's default is 2 as well). */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static CommandLine commandLine() {
        return new CommandLine(new PaySagaCli())
                .setExecutionExceptionHandler((ex, cl, parsed) -> {
                    cl.getErr().println("paysaga " + cl.getCommandName() + ": " + ex.getMessage());
                    return 1;
                });
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
