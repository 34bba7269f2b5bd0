package io.asyncmiddleware.sample.users;

import reactor.core.publisher.Mono;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Service;

/**
 * Spring Security's user lookup over the R2DBC {@code users} table.
 */
@Service
public class R2dbcUserDetailsService implements ReactiveUserDetailsService {

	private final AppUserRepository users;

	public R2dbcUserDetailsService(AppUserRepository users) {
		this.users = users;
	}

	@Override
	public Mono<UserDetails> findByUsername(String username) {
		return this.users.findById(username)
			.map((user) -> User.withUsername(user.username())
				.password(user.password())
				.disabled(!user.enabled())
				.roles("USER")
				.build());
	}

}
