package io.asyncmiddleware.sample.users;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code users} table.
 *
 * @param username the user name (primary key)
 * @param password the encoded password ({@code {bcrypt}...})
 * @param enabled whether the user may log in
 */
@Table("users")
public record AppUser(@Id String username, String password, boolean enabled) {
}
