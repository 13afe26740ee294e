package kz.qorgau.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qorgau} command; {@code ./qorgau} at the repository root builds it and runs it. */
@Command(
        name = "qorgau",
        mixinStandardHelpOptions = true,
        version = "qorgau 0.1.0",
        description = "Qorgau child-safeguarding platform.",
        subcommands = {
            ServeCommand.class,
            DemoCommand.class,
            LedgerCommand.class,
            AdsCommand.class,
            TxCommand.class,
            SchoolCommand.class,
            UserCommand.class,
            TokenCommand.class
        })
public final class QorgauCommand {

    public static void main(String[] args) {
        int exit = new CommandLine(new QorgauCommand()).execute(args);
        if (exit != ServeCommand.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
