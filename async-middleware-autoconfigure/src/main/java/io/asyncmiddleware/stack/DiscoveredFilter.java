package io.asyncmiddleware.stack;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * A filter found in the application context, before assembly.
 *
 * @param beanName its bean name
 * @param filter the {@code WebFilter} or {@code SyncHooks} instance
 * @param order its order ({@code Ordered}, {@code @Order} on the class or the
 * {@code @Bean} method)
 * @param factoryMethod the {@code @Bean} method that created it, if any (lets detection
 * read a lambda filter's code)
 */
public record DiscoveredFilter(String beanName, Object filter, int order, @Nullable Method factoryMethod) {
}
