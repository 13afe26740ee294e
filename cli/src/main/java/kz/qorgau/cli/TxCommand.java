package kz.qorgau.cli;

import picocli.CommandLine.Command;

/** {@code qorgau tx …}: Payment signals over transactions (CSV, camt.053 XML, JSON lines). */
@Command(
        name = "tx",
        mixinStandardHelpOptions = true,
        description = "Payment signals over transactions (CSV, camt.053 XML, JSON lines).",
        subcommands = {TxScreenCommand.class})
final class TxCommand {}
