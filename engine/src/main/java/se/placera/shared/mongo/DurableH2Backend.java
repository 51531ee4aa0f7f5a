package se.placera.shared.mongo;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongConsumer;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend of mongo-java-server made durable: a write command is answered only after the MVStore has been
 * committed and the file synced to disk. Commits are grouped: a writer that finds a commit under way waits for it
 * and, if that commit did not cover its write, the next writer in line commits everything applied so far, so one
 * {@code commit()} + {@code sync()} covers every write that arrived meanwhile.
 *
 * <p>Until the app is ready ({@link #startSyncing()}) commits are written to the file but not synced: a killed
 * process loses nothing, a power cut may lose start-up's writes (they are imports that the next start repeats).
 *
 * <p>Writes are applied under the read side of a lock and a commit takes the write side only for the
 * {@code commit()} itself (not the sync), so a commit never captures half of a write; backups use the same pause.
 */
class DurableH2Backend extends H2Backend {

    /** The commands that change data or structure (lower case). */
    static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection", "aggregate");

    private final MVStore store;
    private final boolean sync;
    private final ReentrantReadWriteLock pause = new ReentrantReadWriteLock();
    private final AtomicLong applied = new AtomicLong();
    private final Object commitLock = new Object();
    private long durable;
    private volatile LongConsumer afterCommit = version -> { };
    /** False while the app starts: start-up writes are committed (safe from a process crash) but synced once, at ready. */
    private volatile boolean syncing;

    DurableH2Backend(MVStore store, boolean sync) {
        super(store);
        this.store = store;
        this.sync = sync;
        // Every commit is ours, at a point where no write is half applied: no background auto-commit.
        store.setAutoCommitDelay(0);
    }

    /** Collections keep their documents as BSON ({@link BsonDocumentType}), not Java-serialized. */
    @Override
    protected de.bwaldvogel.mongo.MongoDatabase openOrCreateDatabase(String databaseName) {
        // Called from H2Backend's constructor too (for the databases in the file), before this.store is set.
        return BsonH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    /** Told the store version after every commit that made writes durable (for the high-water mark). */
    void afterCommit(LongConsumer listener) {
        this.afterCommit = listener;
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!isWrite(command, query)) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        long ticket;
        pause.readLock().lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            ticket = applied.incrementAndGet();
            pause.readLock().unlock();
            awaitDurable(ticket);
        }
    }

    static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (!WRITE_COMMANDS.contains(name)) {
            return false;
        }
        if (name.equals("aggregate")) {
            // Only pipelines that write ($out, $merge) need a commit.
            Object pipeline = query.get("pipeline");
            return pipeline != null && (pipeline.toString().contains("$out") || pipeline.toString().contains("$merge"));
        }
        return true;
    }

    /** Returns once a commit (and sync) covering write number {@code ticket} has finished. */
    private void awaitDurable(long ticket) {
        synchronized (commitLock) {
            if (durable >= ticket || store.isClosed()) {
                return;
            }
            long target;
            long version;
            pause.writeLock().lock();
            try {
                target = applied.get();
                version = store.commit();
            } finally {
                pause.writeLock().unlock();
            }
            if (sync && syncing) {
                store.sync();
            }
            durable = target;
            if (version >= 0) {
                afterCommit.accept(version);
            }
        }
    }

    /**
     * Called when the app is ready: syncs what start-up wrote and from now on syncs every commit before a write is
     * answered. Until then each write is committed to the file (a killed process loses nothing) but only one
     * {@code fsync} is paid, here, so durable commits do not make start-up slower.
     */
    void startSyncing() throws Exception {
        paused(() -> null);
        syncing = true;
    }

    /**
     * Runs {@code action} with writes paused and everything committed and synced: the file is consistent and
     * nothing changes it except MVStore's own housekeeping (which backup tolerates).
     */
    <T> T paused(java.util.concurrent.Callable<T> action) throws Exception {
        synchronized (commitLock) {
            pause.writeLock().lock();
            try {
                store.commit();
                store.sync();
                durable = applied.get();
                return action.call();
            } finally {
                pause.writeLock().unlock();
            }
        }
    }

    @Override
    public void close() {
        synchronized (commitLock) {
            if (store.isClosed()) {
                return;
            }
            super.close();
            afterCommit.accept(store.getCurrentVersion());
        }
    }

    MVStore store() {
        return store;
    }
}
