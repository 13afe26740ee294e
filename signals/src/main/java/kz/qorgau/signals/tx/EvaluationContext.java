package kz.qorgau.signals.tx;

/** What the rules need besides the window: the configuration, the money format and peer volumes. */
record EvaluationContext(ScreeningRules rules, Money money, PeerVolumes peers) {

    String dates(WindowView window) {
        return window.start.toLocalDate() + " and " + window.lastDay;
    }
}
