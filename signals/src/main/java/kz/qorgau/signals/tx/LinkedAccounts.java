package kz.qorgau.signals.tx;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which tracked accounts share a holder's phone number: one person's (or one household's) several
 * accounts, whose windows the screener also evaluates together. An account's number is its
 * holder's from the accounts file, else the first number seen with it in the transactions.
 *
 * <p>The index holds one entry per tracked account with a number and forgets an account when the
 * screener drops it, so it grows with the active accounts, like the rest of the screener's memory.
 * A number shared by more than {@code maxAccounts} accounts is a business's or a placeholder; its
 * group is kept (so that it is recognised as such) but not {@link Group#pooled() pooled}.
 */
final class LinkedAccounts {

    /** Accounts of one phone number, in the order they were first seen. */
    static final class Group {
        final long phoneKey;
        final List<AccountState> members = new ArrayList<>(2);
        private final int maxAccounts;

        Group(long phoneKey, int maxAccounts) {
            this.phoneKey = phoneKey;
            this.maxAccounts = maxAccounts;
        }

        /** Whether the accounts are few enough to be one holder's and are evaluated together. */
        boolean pooled() {
            return members.size() >= 2 && members.size() <= maxAccounts;
        }
    }

    /** phone key → the one {@link AccountState} with it, or the {@link Group} of several. */
    private final PhoneIndex byPhone = new PhoneIndex();

    private final Set<Group> groups = new LinkedHashSet<>();
    private final int maxAccounts;

    LinkedAccounts(int maxAccounts) {
        this.maxAccounts = maxAccounts;
    }

    /** Records the account's number; the first number recorded for an account is the one kept. */
    void note(AccountState state, @Nullable String phone) {
        if (state.phoneKey != PhoneKeys.NONE) {
            return;
        }
        long key = PhoneKeys.of(phone);
        if (key == PhoneKeys.NONE) {
            return;
        }
        state.phoneKey = key;
        Object there = byPhone.get(key);
        if (there == null) {
            byPhone.put(key, state);
            return;
        }
        if (there == state) {
            return;
        }
        Group group;
        if (there instanceof Group existing) {
            group = existing;
        } else {
            AccountState first = (AccountState) there;
            group = new Group(key, maxAccounts);
            group.members.add(first);
            first.group = group;
            byPhone.put(key, group);
            groups.add(group);
        }
        group.members.add(state);
        state.group = group;
    }

    /** Forgets an account the screener drops. */
    void forget(AccountState state) {
        long key = state.phoneKey;
        if (key == PhoneKeys.NONE) {
            return;
        }
        Object there = byPhone.get(key);
        if (there == state) {
            byPhone.remove(key);
        } else if (there instanceof Group group) {
            group.members.remove(state);
            if (group.members.size() == 1) {
                AccountState last = group.members.get(0);
                last.group = null;
                byPhone.put(key, last);
                groups.remove(group);
            }
        }
        state.group = null;
    }

    /** The groups of two or more tracked accounts, pooled or not. */
    Set<Group> groups() {
        return groups;
    }
}
