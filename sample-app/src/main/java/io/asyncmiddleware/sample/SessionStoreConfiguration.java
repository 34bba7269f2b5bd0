package io.asyncmiddleware.sample;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis session store of the {@code production} profile. Lettuce's shared connection
 * is otherwise opened on first use, and opening it waits for the handshake: on the first
 * request's event loop. Opening it at startup keeps that wait on the main thread.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(LettuceConnectionFactory.class)
class SessionStoreConfiguration {

	@Bean
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
