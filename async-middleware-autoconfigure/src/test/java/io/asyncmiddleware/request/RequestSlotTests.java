package io.asyncmiddleware.request;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where a {@link RequestSlot} keeps its value: in the stack's exchange inside a composed
 * stack, in the exchange's attributes outside one.
 */
class RequestSlotTests {

	private static final RequestSlot<String> SLOT = RequestSlot.named(RequestSlotTests.class.getName() + ".value");

	private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));

	@Test
	void insideTheStackTheValueIsInTheSlotNotInTheAttributes() {
		StackExchange stack = stack();
		ServerWebExchange mutated = stack.mutate().build().mutate().build();
		SLOT.set(mutated, "v");
		assertThat(SLOT.get(stack)).isEqualTo("v");
		assertThat(SLOT.get(mutated)).isEqualTo("v");
		assertThat(stack.getAttributes()).doesNotContainKey(SLOT.getName());
		SLOT.set(stack, null);
		assertThat(SLOT.get(mutated)).isNull();
	}

	@Test
	void outsideTheStackTheValueIsTheAttributeOfTheSlotsName() {
		SLOT.set(this.exchange, "v");
		assertThat(this.exchange.getAttributes()).containsEntry(SLOT.getName(), "v");
		assertThat(SLOT.get(this.exchange)).isEqualTo("v");
		SLOT.set(this.exchange, null);
		assertThat(this.exchange.getAttributes()).doesNotContainKey(SLOT.getName());
	}

	@Test
	void aSlotNeverSetInTheStackReadsTheAttributeCodeStillPuts() {
		StackExchange stack = stack();
		stack.getAttributes().put(SLOT.getName(), "put by hand");
		assertThat(SLOT.get(stack)).isEqualTo("put by hand");
		SLOT.set(stack, "set");
		assertThat(SLOT.get(stack)).isEqualTo("set");
	}

	@Test
	void setIfAbsentKeepsTheFirstValue() {
		StackExchange stack = stack();
		assertThat(SLOT.setIfAbsent(stack, "first")).isTrue();
		assertThat(SLOT.setIfAbsent(stack, "second")).isFalse();
		assertThat(SLOT.get(stack)).isEqualTo("first");
	}

	@Test
	void aSlotDeclaredAfterTheRequestBeganStillHoldsItsValue() {
		StackExchange stack = stack();
		RequestSlot<Boolean> late = RequestSlot.named(RequestSlotTests.class.getName() + ".late");
		assertThat(late.get(stack)).isNull();
		late.set(stack, Boolean.TRUE);
		assertThat(late.isTrue(stack)).isTrue();
		assertThat(SLOT.get(stack)).isNull();
	}

	private StackExchange stack() {
		return new StackExchange(this.exchange, RequestDataLimits.DJANGO_DEFAULTS);
	}

}
