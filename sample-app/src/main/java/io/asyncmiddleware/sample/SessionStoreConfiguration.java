package io.asyncmiddleware.sample;

import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.session.ReactiveSessionRepository;

/**
 * Where sessions live. The application has Spring Session Data Redis, so Boot stores
 * sessions in Redis; the embedded default profile keeps them in memory instead, by
 * declaring its own repository (Boot's Redis session store backs off from it).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	@Profile("!production")
	ReactiveSessionRepository<?> inMemorySessionRepository() {
		return new ReactiveMapSessionRepository(new ConcurrentHashMap<>());
	}

	/**
	 * The Redis session store of the {@code production} profile. Lettuce's shared
	 * connection is otherwise opened on first use, and opening it waits for the
	 * handshake: on the first request's event loop. Opening it at startup keeps that wait
	 * on the main thread.
	 * @return the post-processor
	 */
	@Bean
	@Profile("production")
	static BeanPostProcessor eagerRedisConnection() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof LettuceConnectionFactory connectionFactory) {
					connectionFactory.setEagerInitialization(true);
				}
				return bean;
			}

		};
	}

}
