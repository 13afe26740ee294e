package kz.qorgau.signals.tx.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Parses on a second thread while the caller screens: the rows of another reader, handed over in
 * batches through a small bounded queue, in the same order. Memory stays bounded (at most
 * {@code QUEUED + 2} batches in flight). A failure of the underlying reader ends the rows with an
 * {@link InputRow.Aborted}.
 */
final class ReadAheadTransactionReader implements TransactionReader {

    private static final int BATCH = 2048;
    private static final int QUEUED = 8;

    private final TransactionReader source;
    private final BlockingQueue<List<InputRow>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread parser;
    private List<InputRow> batch = List.of();
    private int position;
    private boolean finished;
    private volatile boolean closed;

    ReadAheadTransactionReader(TransactionReader source) {
        this.source = source;
        this.parser = new Thread(this::parse, "qorgau-tx-read-ahead");
        parser.setDaemon(true);
        parser.start();
    }

    private void parse() {
        List<InputRow> rows = new ArrayList<>(BATCH);
        try {
            while (!closed && source.hasNext()) {
                rows.add(source.next());
                if (rows.size() == BATCH) {
                    queue.put(rows);
                    rows = new ArrayList<>(BATCH);
                }
            }
        } catch (InterruptedException e) {
            return;
        } catch (RuntimeException e) {
            rows.add(new InputRow.Aborted(0, "reading failed: " + e));
        }
        try {
            queue.put(rows);
            queue.put(List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        while (position == batch.size()) {
            if (finished) {
                return false;
            }
            List<InputRow> next = take();
            if (next.isEmpty()) {
                finished = true;
                return false;
            }
            batch = next;
            position = 0;
        }
        return true;
    }

    private List<InputRow> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read-ahead thread", e);
        }
    }

    @Override
    public InputRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batch.get(position++);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        parser.interrupt();
        try {
            parser.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
