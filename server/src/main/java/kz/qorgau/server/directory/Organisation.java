package kz.qorgau.server.directory;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An organisation, identified by a stable code (e.g. {@code kzo-school-1}) that appears in the API,
 * in credentials files and in the ledger.
 *
 * @param parentCode the organisation that supervises this one (the next rung of its escalation
 *     ladder), if known
 * @param schoolNumber for schools, the number in "School No. N", used to recognise the school in a
 *     report
 */
public record Organisation(
        String code,
        OrganisationKind kind,
        String nameKk,
        String nameRu,
        String nameEn,
        String region,
        @Nullable String city,
        @Nullable Integer schoolNumber,
        @Nullable String parentCode,
        @Nullable String email) {

    /** The name in the given language (Kazakh, Russian, otherwise English). */
    public String name(Locale locale) {
        return switch (locale.getLanguage()) {
            case "kk" -> nameKk;
            case "ru" -> nameRu;
            default -> nameEn;
        };
    }
}
