package io.asyncmiddleware.benchmarks.stack;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

/**
 * The blocking entry of scenario 3, one bean named {@code blockingFilter} whose kind
 * {@code bench.blocking} selects; the runner names it last in the stack.
 * <ul>
 * <li>{@code protected}: {@link SleepingFilter}, detected as blocking, so
 * {@code async-middleware.mode} (adapt or isolate) decides how it runs;</li>
 * <li>{@code unprotected}: {@link UnprotectedSleepingFilter}, declared non-blocking, so it
 * blocks the event loop;</li>
 * <li>{@code naive}: {@link WholeRequestOffloadingFilter}, Django's first adapter.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class BlockingEntries {

	@Bean
	@ConditionalOnProperty(name = "bench.blocking", havingValue = "protected")
	WebFilter blockingFilter() {
		return new SleepingFilter();
	}

	@Bean(name = "blockingFilter")
	@ConditionalOnProperty(name = "bench.blocking", havingValue = "unprotected")
	WebFilter unprotectedBlockingFilter() {
		return new UnprotectedSleepingFilter();
	}

	@Bean(name = "blockingFilter")
	@ConditionalOnProperty(name = "bench.blocking", havingValue = "naive")
	WebFilter naiveBlockingFilter() {
		return new WholeRequestOffloadingFilter();
	}

}
