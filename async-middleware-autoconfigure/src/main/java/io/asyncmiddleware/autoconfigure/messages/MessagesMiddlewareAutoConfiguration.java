package io.asyncmiddleware.autoconfigure.messages;

import java.nio.charset.StandardCharsets;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.middleware.CookieSettings;
import io.asyncmiddleware.middleware.messages.CookieMessageStorage;
import io.asyncmiddleware.middleware.messages.FallbackMessageStorage;
import io.asyncmiddleware.middleware.messages.MessageSigner;
import io.asyncmiddleware.middleware.messages.MessageStorage;
import io.asyncmiddleware.middleware.messages.MessageTags;
import io.asyncmiddleware.middleware.messages.MessagesArgumentResolver;
import io.asyncmiddleware.middleware.messages.MessagesWebFilter;
import io.asyncmiddleware.middleware.messages.SessionMessageStorage;
import io.asyncmiddleware.stack.BuiltInMiddleware;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Contributes the {@code messages} entry, Django's {@code MessageMiddleware}; it runs
 * only when {@code async-middleware.stack} names it.
 */
@AutoConfiguration
@ConditionalOnAsyncMiddleware
@EnableConfigurationProperties(MessagesMiddlewareProperties.class)
public final class MessagesMiddlewareAutoConfiguration {

	private static final Log logger = LogFactory.getLog(MessagesMiddlewareAutoConfiguration.class);

	/** Shorter HMAC keys are guessable; Django's check security.W009 asks for 50. */
	private static final int MIN_SIGNING_KEY_LENGTH = 32;

	@Bean
	BuiltInMiddleware messagesMiddleware(MessagesMiddlewareProperties properties) {
		// the storage (and its signing-key warning) only when the stack names the entry:
		// an application without `messages` hears nothing about it
		BuiltInMiddleware entry = BuiltInMiddleware.of("messages", MessagesWebFilter.class, () -> {
			MessageTags tags = MessageTags.withOverrides(properties.getTags());
			return new MessagesWebFilter(storage(properties, tags), properties.getLevel(), tags);
		});
		// Django: session-based storage requires SessionMiddleware above MessageMiddleware. The
		// fallback storage needs no entry: WebFlux gives every exchange a session.
		return (properties.getStorage() == MessagesMiddlewareProperties.Storage.SESSION) ? entry.requiring("session") : entry;
	}

	@Bean
	WebFluxConfigurer messagesArgumentResolverConfigurer() {
		return new WebFluxConfigurer() {

			@Override
			public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
				configurer.addCustomResolver(new MessagesArgumentResolver());
			}

		};
	}

	private static MessageStorage storage(MessagesMiddlewareProperties properties, MessageTags tags) {
		return switch (properties.getStorage()) {
			case SESSION -> new SessionMessageStorage(tags);
			case COOKIE -> cookieStorage(properties, tags);
			case FALLBACK -> new FallbackMessageStorage(cookieStorage(properties, tags), new SessionMessageStorage(tags));
		};
	}

	private static CookieMessageStorage cookieStorage(MessagesMiddlewareProperties properties, MessageTags tags) {
		// Django's messages cookie always has Path=/, whatever SESSION_COOKIE_PATH says
		CookieSettings cookie = new CookieSettings(properties.getCookieName(), properties.getCookieDomain(), "/",
				properties.isCookieSecure(), properties.isCookieHttpOnly(), properties.getCookieSameSite());
		return new CookieMessageStorage(tags, signer(properties.getSigningKey()), cookie);
	}

	private static MessageSigner signer(@Nullable String signingKey) {
		if (signingKey == null || signingKey.isEmpty()) {
			logger.warn("No async-middleware.messages.signing-key set: the messages cookie is signed with a random "
					+ "key generated at startup, so pending messages do not survive a restart and are not shared "
					+ "between instances. Set async-middleware.messages.signing-key to a secret of at least "
					+ MIN_SIGNING_KEY_LENGTH + " characters.");
			return MessageSigner.withRandomKey();
		}
		if (signingKey.length() < MIN_SIGNING_KEY_LENGTH) {
			logger.warn("async-middleware.messages.signing-key is shorter than " + MIN_SIGNING_KEY_LENGTH
					+ " characters: use a longer random secret so that the messages cookie cannot be forged.");
		}
		return new MessageSigner(signingKey.getBytes(StandardCharsets.UTF_8));
	}

}
