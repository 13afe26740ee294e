package kz.qorgau.cli;

import picocli.CommandLine.Command;

/** {@code qorgau ledger …}: The tamper-evident ledger: verify the stored log and its checkpoints. */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = "The tamper-evident ledger: verify the stored log and its checkpoints.",
        subcommands = {})
final class LedgerCommand {}
