package io.asyncmiddleware.sample.web;

import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Boot's Thymeleaf template resolver (same bean name) with one that reads the
 * templates at startup rather than on first render.
 */
@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

	@Bean
	SpringResourceTemplateResolver defaultTemplateResolver() {
		return new PreloadedTemplateResolver();
	}

}
