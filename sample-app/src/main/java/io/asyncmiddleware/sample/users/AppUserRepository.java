package io.asyncmiddleware.sample.users;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

/**
 * Users, read over R2DBC.
 */
public interface AppUserRepository extends ReactiveCrudRepository<AppUser, String> {
}
