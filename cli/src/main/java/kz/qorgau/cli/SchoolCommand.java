package kz.qorgau.cli;

import picocli.CommandLine.Command;

/** {@code qorgau school …}: School early-warning signals from attendance, grades and observations. */
@Command(
        name = "school",
        mixinStandardHelpOptions = true,
        description = "School early-warning signals from attendance, grades and observations.",
        subcommands = {SchoolScanCommand.class})
final class SchoolCommand {}
