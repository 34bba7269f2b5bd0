package io.asyncmiddleware.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.asyncmiddleware.hooks.SyncHooks;
import io.asyncmiddleware.stack.DiscoveredFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

/**
 * Finds the {@code WebFilter} and {@code SyncHooks} beans with their bean names, orders
 * (as {@code WebHttpHandlerBuilder} sorts them) and factory methods.
 */
final class FilterDiscovery {

	private final ConfigurableListableBeanFactory beanFactory;

	FilterDiscovery(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	List<DiscoveredFilter> discover() {
		Map<String, Object> beans = new LinkedHashMap<>(this.beanFactory.getBeansOfType(WebFilter.class));
		beans.putAll(this.beanFactory.getBeansOfType(SyncHooks.class));
		List<DiscoveredFilter> discovered = new ArrayList<>();
		beans.forEach((name, bean) -> discovered.add(new DiscoveredFilter(name, bean, orderOf(name, bean),
				factoryMethodOf(name))));
		discovered.sort(Comparator.comparingInt(DiscoveredFilter::order));
		return discovered;
	}

	private int orderOf(String name, Object bean) {
		if (bean instanceof Ordered ordered) {
			return ordered.getOrder();
		}
		Order order = this.beanFactory.findAnnotationOnBean(name, Order.class);
		return (order != null) ? order.value() : Ordered.LOWEST_PRECEDENCE;
	}

	@Nullable
	private Method factoryMethodOf(String name) {
		try {
			BeanDefinition definition = this.beanFactory.getMergedBeanDefinition(name);
			return (definition instanceof RootBeanDefinition root) ? root.getResolvedFactoryMethod() : null;
		}
		catch (NoSuchBeanDefinitionException ex) {
			return null;
		}
	}

}
