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

import org.springframework.aop.support.AopUtils;
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
 *
 * <p>Spring Security's chain is known as {@value #SPRING_SECURITY}: its bean name is an
 * implementation detail of Spring Security's configuration (it changed between versions).
 */
final class FilterDiscovery {

	/** The stack name of Spring Security's {@code WebFilterChainProxy}. */
	static final String SPRING_SECURITY = "spring-security";

	private static final String WEB_FILTER_CHAIN_PROXY = "org.springframework.security.web.server.WebFilterChainProxy";

	private final ConfigurableListableBeanFactory beanFactory;

	FilterDiscovery(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	List<DiscoveredFilter> discover() {
		Map<String, Object> beans = new LinkedHashMap<>(this.beanFactory.getBeansOfType(WebFilter.class));
		beans.putAll(this.beanFactory.getBeansOfType(SyncHooks.class));
		List<DiscoveredFilter> discovered = new ArrayList<>();
		boolean springSecurityNamed = false;
		for (Map.Entry<String, Object> bean : beans.entrySet()) {
			String name = bean.getKey();
			// a second chain proxy (rare) keeps its bean name
			String stackName = (!springSecurityNamed && isSpringSecurityChain(bean.getValue())) ? SPRING_SECURITY : name;
			springSecurityNamed = springSecurityNamed || stackName.equals(SPRING_SECURITY);
			discovered.add(new DiscoveredFilter(stackName, name, bean.getValue(), orderOf(name, bean.getValue()),
					factoryMethodOf(name)));
		}
		discovered.sort(Comparator.comparingInt(DiscoveredFilter::order));
		return discovered;
	}

	private static boolean isSpringSecurityChain(Object bean) {
		for (Class<?> type = AopUtils.getTargetClass(bean); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(WEB_FILTER_CHAIN_PROXY)) {
				return true;
			}
		}
		return false;
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
