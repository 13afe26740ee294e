package kz.qorgau.ledger;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Hashes in pages of 1024 nodes per level (32 KiB), so a million leaves cost two million node slots and no
 * object per node; pages are found through a map (any index works) with the last page cached, since appends
 * write neighbouring nodes. Synchronised: appends are rare compared with the hashing around them.
 */
final class InMemoryHashStore implements HashStore {

    private static final int PAGE_BITS = 10;
    private static final int PAGE_NODES = 1 << PAGE_BITS;

    private final @Nullable Level[] levels = new Level[NodeAddress.MAX_LEVEL + 1];

    @Override
    public synchronized void write(List<TreeNode> nodes) {
        // An append writes one or two nodes on average: compare pairs rather than build a set.
        for (int i = 0; i < nodes.size(); i++) {
            TreeNode node = nodes.get(i);
            boolean repeated = false;
            for (int j = 0; j < i && !repeated; j++) {
                repeated = nodes.get(j).level() == node.level() && nodes.get(j).index() == node.index();
            }
            if (repeated || contains(node.level(), node.index())) {
                throw new IllegalStateException("node (level " + node.level() + ", index " + node.index()
                        + ") already exists; stored nodes are never overwritten, so this write was refused whole");
            }
        }
        for (TreeNode node : nodes) {
            level(node.level()).put(node.index(), node.hash().bytes());
        }
    }

    @Override
    public synchronized Optional<Hash> read(NodeAddress address) {
        return Optional.ofNullable(find(address));
    }

    @Override
    public synchronized Map<NodeAddress, Hash> readAll(Collection<NodeAddress> addresses) {
        Map<NodeAddress, Hash> found = new HashMap<>();
        for (NodeAddress address : addresses) {
            @Nullable Hash hash = find(address);
            if (hash != null) {
                found.put(address, hash);
            }
        }
        return found;
    }

    private boolean contains(int level, long index) {
        @Nullable Level nodes = levels[level];
        return nodes != null && nodes.contains(index);
    }

    private @Nullable Hash find(NodeAddress address) {
        @Nullable Level level = levels[address.level()];
        return level == null ? null : level.get(address.index());
    }

    private Level level(int level) {
        Level existing = levels[level];
        if (existing != null) {
            return existing;
        }
        Level created = new Level();
        levels[level] = created;
        return created;
    }

    private static final class Level {
        private final Map<Long, Page> pages = new HashMap<>();
        private long cachedNumber = -1;
        private @Nullable Page cached;

        boolean contains(long index) {
            Page page = page(index >>> PAGE_BITS, false);
            int slot = (int) (index & (PAGE_NODES - 1));
            return page != null && (page.present[slot >>> 6] & (1L << slot)) != 0;
        }

        @Nullable
        Hash get(long index) {
            Page page = page(index >>> PAGE_BITS, false);
            if (page == null) {
                return null;
            }
            int slot = (int) (index & (PAGE_NODES - 1));
            if ((page.present[slot >>> 6] & (1L << slot)) == 0) {
                return null;
            }
            return Hash.wrap(Arrays.copyOfRange(page.hashes, slot * Hash.SIZE, (slot + 1) * Hash.SIZE));
        }

        void put(long index, byte[] hash) {
            Page page = page(index >>> PAGE_BITS, true);
            int slot = (int) (index & (PAGE_NODES - 1));
            System.arraycopy(hash, 0, page.hashes, slot * Hash.SIZE, Hash.SIZE);
            page.present[slot >>> 6] |= 1L << slot;
        }

        private @Nullable Page page(long number, boolean create) {
            if (number == cachedNumber) {
                return cached;
            }
            Page page = pages.get(number);
            if (page == null && create) {
                page = new Page();
                pages.put(number, page);
            }
            if (page != null) {
                cachedNumber = number;
                cached = page;
            }
            return page;
        }
    }

    private static final class Page {
        final byte[] hashes = new byte[PAGE_NODES * Hash.SIZE];
        final long[] present = new long[PAGE_NODES / 64];
    }
}
