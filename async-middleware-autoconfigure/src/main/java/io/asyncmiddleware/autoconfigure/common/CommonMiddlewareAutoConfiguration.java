package io.asyncmiddleware.autoconfigure.common;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.asyncmiddleware.autoconfigure.ConditionalOnAsyncMiddleware;
import io.asyncmiddleware.autoconfigure.handler.HandlerResolverAutoConfiguration;
import io.asyncmiddleware.handler.HandlerResolver;
import io.asyncmiddleware.middleware.AllowedHosts;
import io.asyncmiddleware.middleware.common.CommonWebFilter;
import io.asyncmiddleware.stack.BuiltInMiddleware;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code common} entry (Django's {@code CommonMiddleware}). A
 * disallowed user agent that is not a regular expression stops the startup, naming the
 * property.
 */
@AutoConfiguration(after = HandlerResolverAutoConfiguration.class)
@ConditionalOnAsyncMiddleware
@ConditionalOnBean(HandlerResolver.class)
@EnableConfigurationProperties(CommonMiddlewareProperties.class)
public final class CommonMiddlewareAutoConfiguration {

	private static final String DISALLOWED_USER_AGENTS = "async-middleware.common.disallowed-user-agents";

	@Bean
	BuiltInMiddleware commonBuiltInMiddleware(CommonMiddlewareProperties properties, HandlerResolver handlerResolver) {
		List<Pattern> userAgents = patterns(properties.getDisallowedUserAgents());
		AllowedHosts allowedHosts = new AllowedHosts(properties.getAllowedHosts());
		return BuiltInMiddleware.of("common", CommonWebFilter.class,
				() -> new CommonWebFilter(properties.isAppendSlash(), properties.isPrependWww(), userAgents,
						allowedHosts, handlerResolver));
	}

	private static List<Pattern> patterns(List<String> regexes) {
		return regexes.stream().map((regex) -> {
			try {
				return Pattern.compile(regex);
			}
			catch (PatternSyntaxException ex) {
				throw new InvalidConfigurationPropertyValueException(DISALLOWED_USER_AGENTS, regex,
						"Not a regular expression: " + ex.getDescription());
			}
		}).toList();
	}

}
