package dev.gatehouse.hazelcast;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.PartitionService;
import com.hazelcast.partition.ReplicaMigrationEvent;
import dev.gatehouse.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a {@link RevocationMirror} current from one scheduled thread: a full reload while the copy
 * is not valid, otherwise a probe of the {@link RevocationRevision} every {@link #PROBE}. A probe
 * that finds more or fewer writes than the node heard of is repeated after {@link #RECHECK} (an
 * event may be on its way); a mismatch still there then means events were lost, and the copy is
 * reloaded. Membership changes, partition migrations and lost partitions invalidate the copy, since
 * events of writes made meanwhile may never arrive; so does a client's reconnect ({@link
 * #invalidate}).
 */
final class MirrorKeeper implements MembershipListener, MigrationListener, AutoCloseable {

  /** How often the revision is read while the copy agrees with it. */
  static final Duration PROBE = Duration.ofMillis(250);

  /** How soon a probe that disagreed is repeated before the copy is reloaded. */
  static final Duration RECHECK = Duration.ofMillis(50);

  private record Snapshot(long revision, Map<String, long[]> entries) {}

  private final RevocationMirror mirror;
  private final LazyMap<String, long[]> map;
  private final RevocationRevision revision;
  private final Remote remote;
  private final Clock clock;
  private final long maxEntries;
  private final ScheduledThreadPoolExecutor scheduler;
  private final List<Runnable> removals = new CopyOnWriteArrayList<>();
  private volatile boolean disagreed;
  private volatile boolean readOnce;
  private final ReentrantLock ticking = new ReentrantLock();

  MirrorKeeper(
      RevocationMirror mirror,
      LazyMap<String, long[]> map,
      RevocationRevision revision,
      Remote remote,
      Clock clock,
      long maxEntries) {
    this.mirror = mirror;
    this.map = map;
    this.revision = revision;
    this.remote = remote;
    this.clock = clock;
    this.maxEntries = maxEntries;
    this.scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "gatehouse-revocation-mirror");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the scheduled probes and reloads. */
  @SuppressWarnings(
      "FutureReturnValueIgnored") // nothing waits for a probe; each schedules the next
  void start() {
    scheduler.schedule(this::scheduled, 0, TimeUnit.MILLISECONDS);
  }

  /**
   * Registers the cluster listeners, once the map proxy exists (a client not yet connected cannot
   * make one). A client has no migration events; its reconnect reaches {@link #invalidate}. Not
   * synchronized: a reload making the proxy calls it from the store's pool while holding the lock.
   */
  void listen(HazelcastInstance instance, IMap<String, long[]> proxy) {
    UUID members = instance.getCluster().addMembershipListener(this);
    removals.add(() -> instance.getCluster().removeMembershipListener(members));
    PartitionService partitions = instance.getPartitionService();
    try {
      UUID lost = partitions.addPartitionLostListener(e -> mirror.invalidate());
      removals.add(() -> partitions.removePartitionLostListener(lost));
      UUID migrations = partitions.addMigrationListener(this);
      removals.add(() -> partitions.removeMigrationListener(migrations));
    } catch (UnsupportedOperationException client) {
      // Clients do not see migrations; the events of a partition's new owner reach them, and one
      // lost on the way shows in the revision.
    }
    // Last: should a registration above fail, the next use of the map registers everything again,
    // and an entry listener registered twice would hear every write twice.
    UUID entries = proxy.addEntryListener(mirror, true);
    removals.add(() -> proxy.removeEntryListener(entries));
  }

  /** Events may have been lost: answer from the map until the next reload. */
  void invalidate() {
    mirror.invalidate();
  }

  /**
   * Before the store answers its first lookup: loads the copy on the caller's thread, so that the
   * answer can come from it; throws {@link StoreUnavailableException} when the cluster does not
   * answer.
   */
  void loadIfNeverLoaded() {
    // Not behind a load already running: the caller then asks the map, within one timeout.
    if (!readOnce && ticking.tryLock()) {
      try {
        if (!readOnce) {
          tick();
        }
      } finally {
        ticking.unlock();
      }
    }
  }

  @SuppressWarnings("FutureReturnValueIgnored")
  private void scheduled() {
    ticking.lock();
    try {
      tick();
    } catch (StoreUnavailableException e) {
      // The copy stays unconfirmed and ages past its bound; lookups then go to the map.
    } finally {
      ticking.unlock();
      if (!scheduler.isShutdown()) {
        Duration next = disagreed ? RECHECK : PROBE;
        scheduler.schedule(this::scheduled, next.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }

  /** One probe or reload; called holding the ticking lock. */
  private void tick() {
    if (!mirror.valid()) {
      reload();
      return;
    }
    long started = System.nanoTime();
    long held = remote.call(revision::read, "revocation probe");
    mirror.prune(clock.instant());
    if (mirror.confirm(held, started)) {
      disagreed = false;
    } else if (disagreed) {
      reload();
    } else {
      disagreed = true;
    }
  }

  private void reload() {
    long started = System.nanoTime();
    long epoch = mirror.startReload();
    @Nullable Snapshot snapshot;
    try {
      snapshot = remote.call(this::read, "revocation reload");
    } catch (RuntimeException e) {
      mirror.abortReload();
      throw e;
    }
    readOnce = true;
    if (snapshot == null) {
      // More entries than the bound: the copy could not hold them all, the map answers.
      mirror.abortReload();
      return;
    }
    mirror.finishReload(epoch, started, snapshot.revision(), snapshot.entries());
    mirror.prune(clock.instant());
    disagreed = false;
  }

  private @Nullable Snapshot read() {
    IMap<String, long[]> entries = map.get();
    if (entries.size() > maxEntries) {
      return null;
    }
    // The revision first: a write counted in it is in the entries read after it.
    long held = revision.read();
    Map<String, long[]> copy = new HashMap<>();
    for (Map.Entry<String, long[]> entry : entries.entrySet()) {
      copy.put(entry.getKey(), entry.getValue());
    }
    return new Snapshot(held, copy);
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    mirror.invalidate();
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    mirror.invalidate();
  }

  @Override
  public void migrationStarted(MigrationState state) {
    mirror.invalidate();
  }

  @Override
  public void migrationFinished(MigrationState state) {
    mirror.invalidate();
  }

  @Override
  public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
    // The process as a whole is handled by migrationStarted and migrationFinished.
  }

  @Override
  public void replicaMigrationFailed(ReplicaMigrationEvent event) {
    mirror.invalidate();
  }

  /** Call after the store's calls stopped ({@link Remote#close}), so no listener is added after. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    Remote.awaitStopped(scheduler, remote.timeout());
    for (Runnable removal : removals) {
      if (!remote.reachable()) {
        break;
      }
      try {
        removal.run();
      } catch (RuntimeException gone) {
        // The cluster went away meanwhile; the listener goes with the instance or its connection.
      }
    }
    removals.clear();
  }
}
