package io.asyncmiddleware.stack;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * A filter found in the application context, before assembly.
 *
 * @param name the name {@code async-middleware.stack} knows it by: its bean name, or a
 * stable name for a framework filter whose bean name is an implementation detail
 * ({@code spring-security} for Spring Security's chain)
 * @param beanName its bean name
 * @param filter the {@code WebFilter} or {@code SyncHooks} instance
 * @param order its order ({@code Ordered}, {@code @Order} on the class or the
 * {@code @Bean} method)
 * @param factoryMethod the {@code @Bean} method that created it, if any (lets detection
 * read a lambda filter's code)
 */
public record DiscoveredFilter(String name, String beanName, Object filter, int order,
		@Nullable Method factoryMethod) {

	/**
	 * A filter known by its bean name.
	 * @param beanName its bean name, also its name in the stack
	 * @param filter the {@code WebFilter} or {@code SyncHooks} instance
	 * @param order its order
	 * @param factoryMethod the {@code @Bean} method that created it, if any
	 */
	public DiscoveredFilter(String beanName, Object filter, int order, @Nullable Method factoryMethod) {
		this(beanName, beanName, filter, order, factoryMethod);
	}

}
