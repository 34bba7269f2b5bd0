package io.asyncmiddleware.middleware.session.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SessionJsonRedisSerializerTests {

	private final SessionJsonRedisSerializer serializer = new SessionJsonRedisSerializer();

	@Test
	void securityContextOfALoggedInUserRoundTrips() {
		UserDetails alice = User.withUsername("alice").password("{noop}secret").roles("USER").build();
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(alice, null,
				alice.getAuthorities());
		byte[] json = this.serializer.serialize(new SecurityContextImpl(authentication));
		assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("\u00ac\u00ed");
		Object read = this.serializer.deserialize(json);
		assertThat(read).isInstanceOf(SecurityContextImpl.class);
		Authentication back = ((SecurityContext) read).getAuthentication();
		assertThat(back).isInstanceOf(UsernamePasswordAuthenticationToken.class);
		assertThat(back.isAuthenticated()).isTrue();
		assertThat(back.getName()).isEqualTo("alice");
		assertThat(back.getPrincipal()).isInstanceOf(User.class);
		assertThat(back.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_USER");
	}

	@Test
	void sessionBookkeepingKeepsItsJavaTypes() {
		// Spring Session casts creationTime to Long and maxInactiveInterval to Integer
		assertThat(this.serializer.deserialize(this.serializer.serialize(1_700_000_000_000L))).isEqualTo(1_700_000_000_000L);
		assertThat(this.serializer.deserialize(this.serializer.serialize(5L))).isInstanceOf(Long.class).isEqualTo(5L);
		assertThat(this.serializer.deserialize(this.serializer.serialize(1209600))).isEqualTo(1209600);
		assertThat(this.serializer.deserialize(this.serializer.serialize("csrf-secret"))).isEqualTo("csrf-secret");
		assertThat(this.serializer.deserialize(this.serializer.serialize(true))).isEqualTo(true);
		assertThat(this.serializer.deserialize(this.serializer.serialize((short) 3))).isEqualTo((short) 3);
		assertThat(this.serializer.deserialize(this.serializer.serialize(1.5f))).isEqualTo(1.5f);
		assertThat(this.serializer.deserialize(this.serializer.serialize(new ArrayList<>(List.of("a", 1L)))))
			.isEqualTo(List.of("a", 1L));
	}

	@Test
	void typeOutsideTheAllowListIsRefused() {
		byte[] hostile = "{\"@class\":\"java.net.URL\",\"val\":\"http://attacker.example/\"}"
			.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(UnreadableSessionDataException.class)
			.isThrownBy(() -> this.serializer.deserialize(hostile))
			.withMessageContaining("java.net.URL");
		byte[] nested = "[\"java.util.ArrayList\",[[\"javax.management.BadAttributeValueExpException\",{}]]]"
			.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(UnreadableSessionDataException.class)
			.isThrownBy(() -> this.serializer.deserialize(nested));
	}

	@Test
	void javaSerializedDataIsRefused() {
		byte[] javaSerialized = new JdkSerializationRedisSerializer().serialize(1_700_000_000_000L);
		assertThatExceptionOfType(UnreadableSessionDataException.class)
			.isThrownBy(() -> this.serializer.deserialize(javaSerialized))
			.withMessageContaining("Java serialization");
	}

	@Test
	void customizerExtendsTheAllowList() {
		byte[] cart = new SessionJsonRedisSerializer((types, mapper) -> types.allowIfSubType(Cart.class))
			.serialize(new Cart(new ArrayList<>(List.of("book"))));
		assertThatExceptionOfType(UnreadableSessionDataException.class)
			.isThrownBy(() -> this.serializer.deserialize(cart));
		assertThat(new SessionJsonRedisSerializer((types, mapper) -> types.allowIfSubType(Cart.class))
			.deserialize(cart)).isEqualTo(new Cart(List.of("book")));
	}

	@Test
	void recordIsRefusedWhenWrittenNotLostWhenRead() {
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> this.serializer.serialize(new Point(1, 2)))
			.withMessageContaining("cannot be a session value");
	}

	record Point(int x, int y) {
	}

	// not final, not a record: Spring Data's typing gives those no class name
	static class Cart {

		private List<String> items = List.of();

		Cart() {
		}

		Cart(List<String> items) {
			this.items = items;
		}

		public List<String> getItems() {
			return this.items;
		}

		public void setItems(List<String> items) {
			this.items = items;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Cart cart && cart.items.equals(this.items);
		}

		@Override
		public int hashCode() {
			return this.items.hashCode();
		}

	}

}
