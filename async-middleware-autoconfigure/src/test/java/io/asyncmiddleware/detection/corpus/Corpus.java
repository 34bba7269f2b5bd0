package io.asyncmiddleware.detection.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.WebFilter;

/**
 * The labelled corpus: every concrete class under this package annotated {@link Label}.
 */
public final class Corpus {

	/** The corpus's base package, the application package a scan would be configured with. */
	public static final String PACKAGE = Corpus.class.getPackageName();

	private Corpus() {
	}

	/**
	 * The corpus filters, in class name order.
	 * @return the entries
	 */
	public static List<Entry> entries() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Label.class));
		List<Entry> entries = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(PACKAGE)) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), Corpus.class.getClassLoader());
			entries.add(new Entry(type.asSubclass(WebFilter.class), type.getAnnotation(Label.class)));
		}
		entries.sort(Comparator.comparing((Entry entry) -> entry.type().getName()));
		return entries;
	}

	/**
	 * One corpus filter and its label.
	 * @param type the filter class, with a public no-argument constructor
	 * @param label its label
	 */
	public record Entry(Class<? extends WebFilter> type, Label label) {

		public WebFilter newInstance() {
			try {
				return this.type.getDeclaredConstructor().newInstance();
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot create " + this.type.getName(), ex);
			}
		}

		public boolean blocking() {
			return this.label.value() == Label.Expect.BLOCKING;
		}

		public String name() {
			return this.type.getName().substring(PACKAGE.length() + 1);
		}

	}

}
