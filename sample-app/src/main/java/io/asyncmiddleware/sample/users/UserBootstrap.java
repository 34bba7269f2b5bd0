package io.asyncmiddleware.sample.users;

import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the user {@code alice} (password {@code wonderland}) at startup when she is
 * missing, as the parity settings require.
 */
@Component
class UserBootstrap implements ApplicationRunner {

	private final AppUserRepository users;

	private final R2dbcEntityTemplate template;

	private final PasswordEncoder passwordEncoder;

	UserBootstrap(AppUserRepository users, R2dbcEntityTemplate template, PasswordEncoder passwordEncoder) {
		this.users = users;
		this.template = template;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Runs on the main thread at startup, where waiting is fine; the password is
		// hashed here too (BCrypt reads SecureRandom), not on an R2DBC thread.
		AppUser alice = new AppUser("alice", this.passwordEncoder.encode("wonderland"), true);
		this.users.existsById(alice.username())
			.filter((exists) -> !exists)
			.flatMap((missing) -> this.template.insert(alice))
			// another instance starting on the same database created her first
			.onErrorResume(DataIntegrityViolationException.class, (ex) -> Mono.empty())
			.block();
	}

}
