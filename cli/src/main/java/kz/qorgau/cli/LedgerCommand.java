package kz.qorgau.cli;

import picocli.CommandLine.Command;

/** {@code qorgau ledger …}: the tamper-evident ledger. */
@Command(
        name = "ledger",
        mixinStandardHelpOptions = true,
        description = "The tamper-evident ledger: verify the stored log and its checkpoints.",
        subcommands = {LedgerVerifyCommand.class})
final class LedgerCommand {}
