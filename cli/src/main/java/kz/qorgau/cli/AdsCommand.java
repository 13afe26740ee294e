package kz.qorgau.cli;

import picocli.CommandLine.Command;

/** {@code qorgau ads …}: Online exploitation screening of ads (JSON lines). */
@Command(
        name = "ads",
        mixinStandardHelpOptions = true,
        description = "Online exploitation screening of ads (JSON lines).",
        subcommands = {})
final class AdsCommand {}
