package io.asyncmiddleware.request;

import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

/**
 * A value the entries keep for one request, as Django's middleware sets attributes on
 * {@code request} ({@code request.session}, {@code request.user}, {@code request._messages}).
 *
 * <p>Inside the composed stack the value lives in a slot of the request's
 * {@link StackExchange}: an array index fixed when the slot is declared, so that setting or
 * reading it hashes nothing, and the exchange's attribute map keeps to what applications
 * read there (Spring's handler-mapping attributes, the CSRF token): with the entries'
 * values in it as well, the map grew past its first table on every request. Outside a
 * composed stack (an entry used as a plain {@code WebFilter}, a test) the value is the
 * exchange attribute of the slot's name, as before; inside one, a slot that was never set
 * reads that attribute too, so code that puts the attribute itself still works.
 *
 * <p>Declare slots as constants ({@code static final}); each declaration takes an index for
 * the life of the JVM.
 *
 * @param <T> the type of the value
 */
public final class RequestSlot<T> {

	private static final AtomicInteger declared = new AtomicInteger();

	private final String name;

	private final int index;

	private RequestSlot(String name, int index) {
		this.name = name;
		this.index = index;
	}

	/**
	 * Declares a slot.
	 * @param name the exchange attribute that holds the value outside a composed stack
	 * @param <T> the type of the value
	 * @return the slot
	 */
	public static <T> RequestSlot<T> named(String name) {
		Assert.hasText(name, "'name' must not be empty");
		return new RequestSlot<>(name, declared.getAndIncrement());
	}

	static int declaredCount() {
		return declared.get();
	}

	/**
	 * The slot's attribute name, where the value is kept outside a composed stack.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The request's value.
	 * @param exchange the exchange, or any exchange decorating it
	 * @return the value, or {@code null} when none was set
	 */
	@SuppressWarnings("unchecked")
	public @Nullable T get(ServerWebExchange exchange) {
		StackExchange stack = StackExchange.find(exchange);
		if (stack != null) {
			Object value = stack.slot(this.index);
			if (value != null) {
				return (T) value;
			}
		}
		return exchange.getAttribute(this.name);
	}

	/**
	 * Whether the request's value is {@link Boolean#TRUE}, for slots that are flags.
	 * @param exchange the exchange
	 * @return {@code true} when set to {@code TRUE}
	 */
	public boolean isTrue(ServerWebExchange exchange) {
		return Boolean.TRUE.equals(get(exchange));
	}

	/**
	 * Sets the request's value.
	 * @param exchange the exchange, or any exchange decorating it
	 * @param value the value; {@code null} clears it
	 */
	public void set(ServerWebExchange exchange, @Nullable T value) {
		StackExchange stack = StackExchange.find(exchange);
		if (stack != null) {
			stack.slot(this.index, value);
		}
		else if (value != null) {
			exchange.getAttributes().put(this.name, value);
		}
		else {
			exchange.getAttributes().remove(this.name);
		}
	}

	/**
	 * Sets the request's value unless it has one.
	 * @param exchange the exchange
	 * @param value the value
	 * @return whether the value was set
	 */
	public boolean setIfAbsent(ServerWebExchange exchange, T value) {
		if (get(exchange) != null) {
			return false;
		}
		set(exchange, value);
		return true;
	}

	@Override
	public String toString() {
		return "RequestSlot[" + this.name + "]";
	}

}
