package io.asyncmiddleware.autoconfigure.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

class InMemorySessionRepositoryTests {

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

	private final InMemorySessionRepository repository = new InMemorySessionRepository(this.sessions, this.clock,
			10_000);

	@Test
	void newSessionsOverTheCapEvictTheLeastRecentlyUsed() {
		InMemorySessionRepository capped = new InMemorySessionRepository(this.sessions, this.clock, 20);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			MapSession session = capped.createSession().block();
			capped.save(session).block();
			keys.add(session.getId());
		}
		// the two oldest are used again: the next two oldest go first
		capped.findById(keys.get(0)).block();
		capped.findById(keys.get(1)).block();
		MapSession newcomer = capped.createSession().block();
		capped.save(newcomer).block();
		assertThat(this.sessions).hasSize(19)
			.containsKeys(keys.get(0), keys.get(1), newcomer.getId())
			.doesNotContainKeys(keys.get(2), keys.get(3));
	}

	@Test
	void expiredSessionsMakeRoomBeforeLiveOnesAreEvicted() {
		InMemorySessionRepository capped = new InMemorySessionRepository(this.sessions, this.clock, 3);
		MapSession abandoned = expired();
		this.sessions.put(abandoned.getId(), abandoned);
		MapSession first = capped.createSession().block();
		capped.save(first).block();
		MapSession second = capped.createSession().block();
		capped.save(second).block();
		MapSession third = capped.createSession().block();
		capped.save(third).block();
		assertThat(this.sessions).containsOnlyKeys(first.getId(), second.getId(), third.getId());
	}

	@Test
	void savingAKnownSessionAtTheCapEvictsNothing() {
		InMemorySessionRepository capped = new InMemorySessionRepository(this.sessions, this.clock, 2);
		MapSession first = capped.createSession().block();
		capped.save(first).block();
		MapSession second = capped.createSession().block();
		capped.save(second).block();
		first.setAttribute("n", 2);
		capped.save(first).block();
		assertThat(this.sessions).containsOnlyKeys(first.getId(), second.getId());
	}

	@Test
	void expiredSessionsAreSweptOnSaveOnceAMinute() {
		MapSession abandoned = expired();
		this.sessions.put(abandoned.getId(), abandoned);
		this.repository.save(this.repository.createSession().block()).block();
		assertThat(this.sessions).containsKey(abandoned.getId());
		this.clock.advance(Duration.ofMinutes(1));
		MapSession live = this.repository.createSession().block();
		this.repository.save(live).block();
		assertThat(this.sessions).doesNotContainKey(abandoned.getId()).containsKey(live.getId());
	}

	@Test
	void liveSessionsSurviveTheSweep() {
		MapSession live = this.repository.createSession().block();
		this.repository.save(live).block();
		this.clock.advance(Duration.ofMinutes(5));
		this.repository.save(this.repository.createSession().block()).block();
		assertThat(this.repository.findById(live.getId()).block()).isNotNull();
	}

	@Test
	void expiredSessionIsNotFound() {
		MapSession abandoned = expired();
		this.sessions.put(abandoned.getId(), abandoned);
		assertThat(this.repository.findById(abandoned.getId()).block()).isNull();
	}

	private static MapSession expired() {
		MapSession session = new MapSession();
		session.setMaxInactiveInterval(Duration.ofMinutes(1));
		session.setLastAccessedTime(Instant.now().minus(Duration.ofHours(1)));
		return session;
	}

	private static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
