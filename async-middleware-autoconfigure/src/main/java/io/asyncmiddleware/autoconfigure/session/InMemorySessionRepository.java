package io.asyncmiddleware.autoconfigure.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Mono;

import org.springframework.session.MapSession;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.Session;

/**
 * The {@code session} entry's store when the application has no
 * {@link ReactiveSessionRepository}: Spring Session's map repository, plus what it lacks
 * for a long-running application: expired sessions whose key never comes back are swept
 * out, at most once a minute, when a session is saved (as WebFlux's in-memory store
 * does on access).
 */
final class InMemorySessionRepository implements ReactiveSessionRepository<MapSession> {

	private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

	private final Map<String, Session> sessions;

	private final ReactiveMapSessionRepository delegate;

	private final Clock clock;

	private final AtomicReference<Instant> nextSweep;

	InMemorySessionRepository(Clock clock) {
		this(new ConcurrentHashMap<>(), clock);
	}

	InMemorySessionRepository(Map<String, Session> sessions, Clock clock) {
		this.sessions = sessions;
		this.delegate = new ReactiveMapSessionRepository(sessions);
		this.clock = clock;
		this.nextSweep = new AtomicReference<>(clock.instant().plus(SWEEP_INTERVAL));
	}

	@Override
	public Mono<MapSession> createSession() {
		return this.delegate.createSession();
	}

	@Override
	public Mono<Void> save(MapSession session) {
		return Mono.fromRunnable(this::sweepIfDue).then(this.delegate.save(session));
	}

	@Override
	public Mono<MapSession> findById(String id) {
		return this.delegate.findById(id);
	}

	@Override
	public Mono<Void> deleteById(String id) {
		return this.delegate.deleteById(id);
	}

	private void sweepIfDue() {
		Instant now = this.clock.instant();
		Instant due = this.nextSweep.get();
		// one sweeper at a time: the thread that moves the deadline does the work
		if (now.isBefore(due) || !this.nextSweep.compareAndSet(due, now.plus(SWEEP_INTERVAL))) {
			return;
		}
		this.sessions.values().removeIf(Session::isExpired);
	}

}
