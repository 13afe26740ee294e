package kz.qorgau.ledger;

/** The in-memory store keeps the store contract. */
class InMemoryHashStoreTest extends HashStoreContractTest {

    @Override
    protected HashStore newEmptyStore() {
        return HashStore.inMemory();
    }
}
