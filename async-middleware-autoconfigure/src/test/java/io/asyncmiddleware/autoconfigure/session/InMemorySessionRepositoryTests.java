package io.asyncmiddleware.autoconfigure.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

class InMemorySessionRepositoryTests {

	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

	private final InMemorySessionRepository repository = new InMemorySessionRepository(this.sessions, this.clock);

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
