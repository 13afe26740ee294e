package kz.qorgau.signals.archfixture;

/** Breaks the rules on purpose: signals reaching into core. */
public class SignalsUsingCore {
    public String name() {
        return kz.qorgau.core.archfixture.CoreUsingTheServerAndTheLedger.class.getName();
    }
}
