package io.asyncmiddleware.sample.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Thymeleaf's resolver over {@code classpath:/templates/*.html}, with every template read
 * once at startup. Thymeleaf reads a template file the first time it renders it, on
 * whatever thread renders: in WebFlux that can be an event loop, which must never block.
 */
class PreloadedTemplateResolver extends SpringResourceTemplateResolver {

	private static final String PREFIX = "classpath:/templates/";

	private static final String SUFFIX = ".html";

	private final Map<String, String> templates = new HashMap<>();

	PreloadedTemplateResolver() {
		setPrefix(PREFIX);
		setSuffix(SUFFIX);
		setTemplateMode(TemplateMode.HTML);
		setCharacterEncoding(StandardCharsets.UTF_8.name());
		setCheckExistence(true);
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PREFIX + "*" + SUFFIX)) {
				try (InputStream content = resource.getInputStream()) {
					this.templates.put(PREFIX + resource.getFilename(),
							new String(content.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the templates under " + PREFIX, ex);
		}
	}

	@Override
	protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
			String template, String resourceName, String characterEncoding,
			Map<String, Object> templateResolutionAttributes) {
		String content = this.templates.get(resourceName);
		return (content != null) ? new StringTemplateResource(content) : super.computeTemplateResource(configuration,
				ownerTemplate, template, resourceName, characterEncoding, templateResolutionAttributes);
	}

}
