package kz.qorgau.server.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Remembers a lookup for the rest of the current transaction, so that a bulk job (the escalation
 * sweep sends a thousand notices to the same few organisations) reads the same row once, not once
 * per use. Outside a transaction, or in one without synchronisation, it simply looks up.
 *
 * <p>For reads of data the transaction does not change itself: a value changed later in the same
 * transaction would not be seen.
 */
public final class TransactionMemo {

    private TransactionMemo() {}

    /** The value for {@code key} as first looked up in this transaction by {@code owner}. */
    @SuppressWarnings("unchecked")
    public static <K, V> V get(Object owner, K key, Function<K, V> lookup) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return lookup.apply(key);
        }
        Map<Object, Object> memo = (Map<Object, Object>) TransactionSynchronizationManager.getResource(owner);
        if (memo == null) {
            Map<Object, Object> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(owner, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
            memo = fresh;
        }
        if (memo.containsKey(key)) {
            return (V) memo.get(key);
        }
        V value = lookup.apply(key);
        memo.put(key, value);
        return value;
    }
}
