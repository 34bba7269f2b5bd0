package io.asyncmiddleware.handler;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.reactive.HandlerMapping;

/**
 * The application's handler mappings in dispatch order, without the view position
 * ({@link ViewPhaseHandlerMapping}), which hands dispatch what they find and must not
 * ask itself. Looked up from the supplier until it has them ({@code DispatcherHandler}
 * collects its mappings once the context is set), then kept.
 */
final class ApplicationHandlerMappings {

	private final Supplier<? extends @Nullable List<HandlerMapping>> supplier;

	private volatile @Nullable List<HandlerMapping> mappings;

	ApplicationHandlerMappings(Supplier<? extends @Nullable List<HandlerMapping>> supplier) {
		Assert.notNull(supplier, "'handlerMappings' must not be null");
		this.supplier = supplier;
	}

	/**
	 * The mappings, or none while the supplier has none yet.
	 * @return the mappings, in dispatch order
	 */
	List<HandlerMapping> get() {
		List<HandlerMapping> mappings = this.mappings;
		if (mappings == null) {
			List<HandlerMapping> supplied = this.supplier.get();
			if (supplied == null) {
				return List.of();
			}
			mappings = supplied.stream().filter((mapping) -> !(mapping instanceof ViewPhaseHandlerMapping)).toList();
			this.mappings = mappings;
		}
		return mappings;
	}

}
