package io.asyncmiddleware.detection.corpus.blocking.locks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.asyncmiddleware.detection.corpus.Families;
import io.asyncmiddleware.detection.corpus.Label;
import io.asyncmiddleware.detection.corpus.Label.Expect;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Calls a field of the application's own functional interface (not a JDK one), which the
 * constructor assigns a method reference to a library method: nothing in scope
 * implements the interface, only the assignment says what runs. Found outside the
 * repository (docs/detection-corpus.md).
 */
@Label(value = Expect.BLOCKING, family = Families.LOCKS_LATCHES,
		reach = "own functional-interface field (constructor, method reference)")
public class OwnInterfaceMethodReferenceFieldFilter implements WebFilter {

	private final CountDownLatch opened = new CountDownLatch(1);

	private final Admission admission;

	public OwnInterfaceMethodReferenceFieldFilter() {
		this.admission = CountDownLatch::await;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		try {
			exchange.getAttributes().put("opened", this.admission.enter(this.opened, 10, TimeUnit.MILLISECONDS));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Mono.error(ex);
		}
		return chain.filter(exchange);
	}

	/** The application's own waiting contract. */
	@FunctionalInterface
	interface Admission {

		boolean enter(CountDownLatch gate, long timeout, TimeUnit unit) throws InterruptedException;

	}

}
