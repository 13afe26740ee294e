package kz.qorgau.signals.ads;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ads linked to each other by shared contacts, pictures or near-duplicate texts: a probable
 * operator, for a person to review. A cluster is a hypothesis with its evidence, not an
 * identification.
 *
 * @param id a stable name derived from the member ids ({@code C-} and 12 hex digits): the same ads
 *     give the same id in every run
 * @param adIds the ads, in input order
 * @param phones all phone numbers the ads give
 * @param handles all handles the ads give
 * @param images all image hashes the ads carry
 * @param cities the cities of the ads, most frequent first
 * @param firstPostedAt the earliest publication time, if any ad has one
 * @param lastPostedAt the latest publication time, if any ad has one
 * @param links the direct links that join the ads, each with its evidence
 */
public record AdCluster(
        String id,
        List<String> adIds,
        List<String> phones,
        List<String> handles,
        List<PdqHash> images,
        List<String> cities,
        @Nullable OffsetDateTime firstPostedAt,
        @Nullable OffsetDateTime lastPostedAt,
        List<AdLink> links) {

    /** Checks the fields and copies the lists. */
    public AdCluster {
        Objects.requireNonNull(id, "id");
        adIds = List.copyOf(adIds);
        phones = List.copyOf(phones);
        handles = List.copyOf(handles);
        images = List.copyOf(images);
        cities = List.copyOf(cities);
        links = List.copyOf(links);
    }

    /** Number of ads. */
    public int size() {
        return adIds.size();
    }
}
