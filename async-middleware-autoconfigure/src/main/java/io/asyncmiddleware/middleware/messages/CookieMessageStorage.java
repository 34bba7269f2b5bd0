package io.asyncmiddleware.middleware.messages;

import java.util.List;

import io.asyncmiddleware.middleware.CookieSettings;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

/**
 * Keeps messages in a signed cookie, like Django's {@code CookieStorage}: the cookie
 * lasts for the browser session (no {@code Max-Age}), has {@code Path=/}, and is deleted
 * once its messages are consumed. A value longer than {@value #MAX_COOKIE_SIZE} bytes is
 * not written: on its own this storage drops the oldest messages that do not fit (they
 * are returned as unstored); inside the {@link FallbackMessageStorage} it keeps the
 * oldest and hands the rest on. A cookie that is tampered with, malformed, or sent more
 * than once counts as no messages.
 */
public final class CookieMessageStorage implements MessageStorage {

	/** The longest cookie value written, as Django's {@code max_cookie_size}. */
	public static final int MAX_COOKIE_SIZE = 2048;

	private static final Log logger = LogFactory.getLog(CookieMessageStorage.class);

	private final MessageCodec codec;

	private final MessageSigner signer;

	private final CookieSettings cookie;

	/**
	 * Creates a cookie storage.
	 * @param tags the tags of the levels, given to the messages read
	 * @param signer signs and verifies the cookie
	 * @param cookie the cookie's name and attributes (Django takes them from its
	 * {@code SESSION_COOKIE_*} settings); the cookie name is Django's {@code messages}
	 */
	public CookieMessageStorage(MessageTags tags, MessageSigner signer, CookieSettings cookie) {
		Assert.hasText(cookie.name(), "The messages cookie name must not be empty");
		this.codec = new MessageCodec(tags);
		this.signer = signer;
		this.cookie = cookie;
	}

	@Override
	public Mono<StoredMessages> read(ServerWebExchange exchange) {
		return Mono.fromSupplier(() -> readCookie(exchange));
	}

	private StoredMessages readCookie(ServerWebExchange exchange) {
		List<HttpCookie> cookies = exchange.getRequest().getCookies().get(this.cookie.name());
		if (cookies == null || cookies.isEmpty()) {
			return StoredMessages.NONE;
		}
		if (cookies.size() > 1) {
			logger.debug("Ignoring the '" + this.cookie.name() + "' cookie: the request sent it more than once");
			return StoredMessages.NONE;
		}
		String value = cookies.get(0).getValue();
		byte[] data = (value.length() <= MAX_COOKIE_SIZE) ? this.signer.unsign(value) : null;
		MessageCodec.Decoded decoded = (data != null) ? this.codec.decode(data) : null;
		if (decoded == null) {
			logger.debug("Ignoring the '" + this.cookie.name() + "' cookie: it is malformed or its signature is wrong");
			return StoredMessages.NONE;
		}
		return StoredMessages.from(this, decoded.messages(), !decoded.notFinished());
	}

	@Override
	public Mono<List<Message>> write(ServerWebExchange exchange, List<Message> messages, StoredMessages previous) {
		return write(exchange, messages, true);
	}

	/**
	 * Stores as many messages as fit.
	 * @param exchange the current exchange
	 * @param messages the messages, oldest first
	 * @param dropOldest whether to drop the oldest messages when they do not all fit (on
	 * its own), or the newest (when another storage takes them)
	 * @return the messages that did not fit
	 */
	Mono<List<Message>> write(ServerWebExchange exchange, List<Message> messages, boolean dropOldest) {
		return Mono.fromSupplier(() -> {
			if (messages.isEmpty()) {
				exchange.getResponse().getCookies().remove(this.cookie.name());
				exchange.getResponse().getHeaders().add(HttpHeaders.SET_COOKIE, deletion());
				return List.of();
			}
			if (fits(messages, false)) {
				setCookie(exchange, messages, false);
				return List.of();
			}
			int split = dropOldest ? firstKept(messages) : keptCount(messages);
			List<Message> kept = dropOldest ? messages.subList(split, messages.size()) : messages.subList(0, split);
			setCookie(exchange, kept, true);
			return List.copyOf(dropOldest ? messages.subList(0, split) : messages.subList(split, messages.size()));
		});
	}

	/** The smallest index from which the newest messages fit, with the sentinel. */
	private int firstKept(List<Message> messages) {
		int low = 0;
		int high = messages.size();
		while (low < high) {
			int middle = (low + high) >>> 1;
			if (fits(messages.subList(middle, messages.size()), true)) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return low;
	}

	/** The largest number of oldest messages that fit, with the sentinel. */
	private int keptCount(List<Message> messages) {
		int low = 0;
		int high = messages.size();
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (fits(messages.subList(0, middle), true)) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return low;
	}

	private boolean fits(List<Message> messages, boolean notFinished) {
		return this.signer.signedLength(this.codec.encode(messages, notFinished).length) <= MAX_COOKIE_SIZE;
	}

	private void setCookie(ServerWebExchange exchange, List<Message> messages, boolean notFinished) {
		String value = this.signer.sign(this.codec.encode(messages, notFinished));
		ResponseCookie responseCookie = this.cookie.responseCookie(value).build();
		exchange.getResponse().getCookies().set(this.cookie.name(), responseCookie);
	}

	/**
	 * Django's {@code delete_cookie}, written as Django writes it ({@code messages="";
	 * expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax}): no
	 * HttpOnly; Secure only where browsers need it.
	 */
	private String deletion() {
		return this.cookie.deleteCookieHeader();
	}

}
