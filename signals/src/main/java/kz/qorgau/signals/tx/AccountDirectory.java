package kz.qorgau.signals.tx;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The known accounts, looked up by identifier. Accounts missing from it are screened all the same;
 * only the rules that need a holder's age cannot judge them.
 */
public final class AccountDirectory {

    private static final AccountDirectory EMPTY = new AccountDirectory(Map.of());

    private final Map<String, AccountProfile> profiles;

    private AccountDirectory(Map<String, AccountProfile> profiles) {
        this.profiles = profiles;
    }

    /** A directory that knows no account. */
    public static AccountDirectory empty() {
        return EMPTY;
    }

    /**
     * A directory of the given profiles; a later profile for the same account replaces an earlier one.
     * O(n) time and memory.
     */
    public static AccountDirectory of(Collection<AccountProfile> profiles) {
        Map<String, AccountProfile> map = HashMap.newHashMap(profiles.size());
        for (AccountProfile profile : profiles) {
            map.put(profile.account(), profile);
        }
        return new AccountDirectory(map);
    }

    /** A directory built one profile at a time, refusing duplicates. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects profiles; not thread-safe. */
    public static final class Builder {
        private final Map<String, AccountProfile> profiles = new HashMap<>();

        private Builder() {}

        /** Adds a profile; false (and nothing changes) when the account is already known. */
        public boolean add(AccountProfile profile) {
            return profiles.putIfAbsent(profile.account(), profile) == null;
        }

        /** The directory; the builder must not be used afterwards. */
        public AccountDirectory build() {
            return new AccountDirectory(profiles);
        }
    }

    /** The profile of an account, if the directory knows it. O(1). */
    public Optional<AccountProfile> find(String account) {
        return Optional.ofNullable(profiles.get(account));
    }

    /** Like {@link #find(String)} without the allocation, for the screening loop. */
    @Nullable
    AccountProfile get(String account) {
        return profiles.get(account);
    }

    /** How many accounts the directory knows. */
    public int size() {
        return profiles.size();
    }
}
