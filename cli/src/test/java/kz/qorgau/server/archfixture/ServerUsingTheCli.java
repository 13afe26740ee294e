package kz.qorgau.server.archfixture;

/** Breaks the rules on purpose: the server reaching into the CLI. */
public class ServerUsingTheCli {
    public String name() {
        return kz.qorgau.cli.QorgauCommand.class.getName();
    }
}
