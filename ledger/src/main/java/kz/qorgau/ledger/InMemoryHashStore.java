package kz.qorgau.ledger;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Hashes in pages of 1024 nodes per level (32 KiB), so a million leaves cost two million node slots and no
 * object per node. Synchronised: appends are rare compared with the hashing around them.
 */
final class InMemoryHashStore implements HashStore {

    private static final int PAGE_BITS = 10;
    private static final int PAGE_NODES = 1 << PAGE_BITS;
    private static final int MAX_PAGES = Integer.MAX_VALUE - 8;

    private final @Nullable Level[] levels = new Level[NodeAddress.MAX_LEVEL + 1];

    @Override
    public synchronized void write(List<TreeNode> nodes) {
        Set<NodeAddress> inThisCall = new HashSet<>();
        for (TreeNode node : nodes) {
            NodeAddress address = node.address();
            if (!inThisCall.add(address) || find(address) != null) {
                throw new IllegalStateException("node (level " + node.level() + ", index " + node.index()
                        + ") already exists; stored nodes are never overwritten, so this write was refused whole");
            }
            pageNumber(address);
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

    private static int pageNumber(NodeAddress address) {
        long page = address.index() >>> PAGE_BITS;
        if (page >= MAX_PAGES) {
            throw new IllegalArgumentException("the in-memory store holds at most " + MAX_PAGES + " pages of "
                    + PAGE_NODES + " nodes per level; node index " + address.index() + " is beyond that");
        }
        return (int) page;
    }

    private static final class Level {
        private byte[] @Nullable [] pages = new byte[1][];
        private long[] @Nullable [] present = new long[1][];

        @Nullable
        Hash get(long index) {
            int page = (int) (index >>> PAGE_BITS);
            if (page >= pages.length || pages[page] == null) {
                return null;
            }
            int slot = (int) (index & (PAGE_NODES - 1));
            if ((present[page][slot >>> 6] & (1L << slot)) == 0) {
                return null;
            }
            return Hash.wrap(Arrays.copyOfRange(pages[page], slot * Hash.SIZE, (slot + 1) * Hash.SIZE));
        }

        void put(long index, byte[] hash) {
            int page = (int) (index >>> PAGE_BITS);
            if (page >= pages.length) {
                int capacity = (int) Math.min(MAX_PAGES, Math.max((long) page + 1, 2L * pages.length));
                pages = Arrays.copyOf(pages, capacity);
                present = Arrays.copyOf(present, capacity);
            }
            if (pages[page] == null) {
                pages[page] = new byte[PAGE_NODES * Hash.SIZE];
                present[page] = new long[PAGE_NODES / 64];
            }
            int slot = (int) (index & (PAGE_NODES - 1));
            System.arraycopy(hash, 0, pages[page], slot * Hash.SIZE, Hash.SIZE);
            present[page][slot >>> 6] |= 1L << slot;
        }
    }
}
