package io.asyncmiddleware.autoconfigure.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.session.MapSession;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;
import org.springframework.util.Assert;

/**
 * The {@code session} entry's store when the application has no
 * {@link ReactiveSessionRepository}: Spring Session's map repository, plus what it lacks
 * for a long-running application: expired sessions whose key never comes back are swept
 * out, at most once a minute, when a session is saved (as WebFlux's in-memory store
 * does on access); and a cap on the number of sessions, since anonymous requests that write
 * to the session create one each: when a new session would go over it, expired sessions
 * are swept at once and, if that is not enough, the least recently used tenth is evicted
 * (as Django's local-memory cache culls its oldest entries).
 */
final class InMemorySessionRepository implements ReactiveSessionRepository<MapSession> {

	private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(InMemorySessionRepository.class);

	private final Map<String, Session> sessions;

	private final ReactiveMapSessionRepository delegate;

	private final Clock clock;

	private final AtomicReference<Instant> nextSweep;

	private final int maxSessions;

	// last use of each key (a find or a save), as a sequence number: what eviction orders by
	private final Map<String, Long> lastUse = new ConcurrentHashMap<>();

	private final AtomicLong uses = new AtomicLong();

	private final AtomicBoolean evicting = new AtomicBoolean();

	InMemorySessionRepository(Clock clock, int maxSessions) {
		this(new ConcurrentHashMap<>(), clock, maxSessions);
	}

	InMemorySessionRepository(Map<String, Session> sessions, Clock clock, int maxSessions) {
		Assert.isTrue(maxSessions > 0, () -> "The in-memory session cap must be positive, got " + maxSessions
				+ " (async-middleware.session.max-in-memory-sessions)");
		this.sessions = sessions;
		this.delegate = new ReactiveMapSessionRepository(sessions);
		this.clock = clock;
		this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
		this.maxSessions = maxSessions;
	}

	@Override
	public Mono<MapSession> createSession() {
		return this.delegate.createSession();
	}

	@Override
	public Mono<Void> save(MapSession session) {
		return Mono.fromRunnable(() -> {
			sweepIfDue();
			if (!this.sessions.containsKey(session.getId()) && this.sessions.size() >= this.maxSessions) {
				makeRoom();
			}
			used(session.getId());
		}).then(this.delegate.save(session));
	}

	@Override
	public Mono<MapSession> findById(String id) {
		return this.delegate.findById(id).doOnNext((found) -> used(id));
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return this.delegate.deleteById(id).doOnSuccess((done) -> this.lastUse.remove(id));
	}

	private void used(String id) {
		this.lastUse.put(id, this.uses.incrementAndGet());
	}

	/**
	 * Sweeps expired sessions now and, if still at the cap, evicts the least recently used
	 * tenth (at least one). One thread at a time; others go on, briefly over the cap.
	 */
	private void makeRoom() {
		if (!this.evicting.compareAndSet(false, true)) {
			return;
		}
		try {
			this.sessions.values().removeIf(Session::isExpired);
			this.lastUse.keySet().retainAll(this.sessions.keySet());
			int excess = this.sessions.size() - this.maxSessions + 1;
			if (excess <= 0) {
				return;
			}
			int evict = Math.max(excess, this.maxSessions / 10);
			List<String> oldest = this.sessions.keySet()
				.stream()
				.sorted(Comparator.comparingLong((String id) -> this.lastUse.getOrDefault(id, 0L)))
				.limit(evict)
				.toList();
			oldest.forEach((id) -> {
				this.sessions.remove(id);
				this.lastUse.remove(id);
			});
			logger.warn("In-memory sessions reached async-middleware.session.max-in-memory-sessions ("
					+ this.maxSessions + "): evicted the " + oldest.size()
					+ " least recently used; use a shared store (Redis) or raise the cap");
		}
		finally {
			this.evicting.set(false);
		}
	}

	private void sweepIfDue() {
		Instant now = this.clock.instant();
		Instant due = this.nextSweep.get();
		// one sweeper at a time: the thread that moves the deadline does the work
		if (now.isBefore(due) || !this.nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
			return;
		}
		this.sessions.values().removeIf(Session::isExpired);
		this.lastUse.keySet().retainAll(this.sessions.keySet());
	}

}
