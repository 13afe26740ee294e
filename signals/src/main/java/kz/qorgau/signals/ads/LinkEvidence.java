package kz.qorgau.signals.ads;

import java.util.Locale;
import java.util.Objects;

/**
 * Why two ads were linked. One shared phone number is a link, not an identification: escort sites
 * carry fake profiles with real third parties' numbers.
 */
public sealed interface LinkEvidence {

    /** A short machine-readable kind: {@code phone}, {@code handle}, {@code image} or {@code text}. */
    String kind();

    /** One line for a person. */
    String describe();

    /**
     * Both ads give this phone number.
     *
     * @param phone E.164
     */
    record SharedPhone(String phone) implements LinkEvidence {
        /** Checks the field. */
        public SharedPhone {
            Objects.requireNonNull(phone, "phone");
        }

        @Override
        public String kind() {
            return "phone";
        }

        @Override
        public String describe() {
            return "both give the phone number " + phone;
        }
    }

    /**
     * Both ads give this messenger handle.
     *
     * @param handle {@code @name}
     */
    record SharedHandle(String handle) implements LinkEvidence {
        /** Checks the field. */
        public SharedHandle {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String kind() {
            return "handle";
        }

        @Override
        public String describe() {
            return "both give the handle " + handle;
        }
    }

    /**
     * The ads carry pictures whose PDQ hashes differ in few bits: probably the same picture.
     *
     * @param imageA the hash in the first ad
     * @param imageB the hash in the second ad
     * @param distance differing bits, 0..256
     */
    record SimilarImage(PdqHash imageA, PdqHash imageB, int distance) implements LinkEvidence {
        /** Checks the fields. */
        public SimilarImage {
            Objects.requireNonNull(imageA, "imageA");
            Objects.requireNonNull(imageB, "imageB");
        }

        @Override
        public String kind() {
            return "image";
        }

        @Override
        public String describe() {
            return distance == 0
                    ? "the same picture (identical PDQ hash)"
                    : "probably the same picture (PDQ hashes " + distance + " bits apart of 256)";
        }
    }

    /**
     * The texts are near-duplicates: they share most of their word pairs, and most of those that few
     * other ads use (boilerplate many ads copy is not evidence of one author).
     *
     * @param jaccard Jaccard similarity of the two texts' word-pair sets, 0..1
     * @param distinctiveJaccard the same over word pairs that are not boilerplate in the ads linked
     */
    record SimilarText(double jaccard, double distinctiveJaccard) implements LinkEvidence {
        @Override
        public String kind() {
            return "text";
        }

        @Override
        public String describe() {
            return String.format(
                    Locale.ROOT,
                    "near-duplicate texts (%.0f%% of word pairs shared, %.0f%% of the distinctive ones)",
                    jaccard * 100,
                    distinctiveJaccard * 100);
        }
    }
}
