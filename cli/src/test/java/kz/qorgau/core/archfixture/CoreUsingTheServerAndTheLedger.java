package kz.qorgau.core.archfixture;

/** Breaks the rules on purpose: core reaching into the server and the ledger. */
public class CoreUsingTheServerAndTheLedger {
    public String names() {
        return kz.qorgau.server.QorgauApplication.class.getName()
                + kz.qorgau.ledger.archfixture.LedgerUsingSpringAndTheClock.class;
    }
}
