package kz.qorgau.signals.school;

/** Binomial tail probabilities and log-likelihoods for the detectors' tests. */
final class Binomial {

    private Binomial() {}

    /**
     * P(X ≥ k) for X ~ Binomial(n, p), summed from the mass at k in log space so that large n and
     * small p do not underflow. O(n − k).
     */
    static double upperTail(int k, int n, double p) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        double logMass = k * Math.log(p) + (n - k) * Math.log1p(-p);
        for (int j = 1; j <= k; j++) {
            logMass += Math.log((double) (n - k + j) / j);
        }
        double mass = Math.exp(logMass);
        double sum = 0;
        double odds = p / (1 - p);
        for (int i = k; i <= n; i++) {
            sum += mass;
            mass *= (double) (n - i) / (i + 1) * odds;
            if (mass < sum * 1e-17) {
                break;
            }
        }
        return Math.min(1, sum);
    }

    /** The maximised Bernoulli log-likelihood of k successes in n trials. */
    static double logLikelihood(int k, int n) {
        if (n == 0 || k == 0 || k == n) {
            return 0;
        }
        double p = (double) k / n;
        return k * Math.log(p) + (n - k) * Math.log1p(-p);
    }
}
