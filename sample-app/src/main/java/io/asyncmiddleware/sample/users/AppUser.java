package io.asyncmiddleware.sample.users;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code users} table. Column names are explicit so that they are quoted
 * in lower case, as both H2 (with {@code DATABASE_TO_LOWER}) and PostgreSQL store them.
 *
 * @param username the user name (primary key)
 * @param password the encoded password ({@code {bcrypt}...})
 * @param enabled whether the user may log in
 */
@Table("users")
public record AppUser(@Id @Column("username") String username, @Column("password") String password,
		@Column("enabled") boolean enabled) {
}
