package io.asyncmiddleware.detection;

import java.util.List;

import org.springframework.util.Assert;

/**
 * What detection concluded about a filter.
 *
 * @param kind non-blocking, blocking, or sync hooks
 * @param source how the conclusion was reached
 * @param evidence why, when the kind is not {@link Kind#NON_BLOCKING}; may also hold the
 * justification of a declared non-blocking filter
 * @param certainty how sure the verdict is
 * @param doubts why it is not sure: the calls the scan could not follow (or why the
 * filter was not analysed); empty when the certainty is {@link Certainty#HIGH}
 */
public record Verdict(Kind kind, Source source, List<Evidence> evidence, Certainty certainty, List<String> doubts) {

	public Verdict {
		Assert.notNull(kind, "'kind' must not be null");
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(certainty, "'certainty' must not be null");
		evidence = List.copyOf(evidence);
		doubts = List.copyOf(doubts);
	}

	/**
	 * A verdict without doubts: certain unless it was not analysed.
	 * @param kind the kind
	 * @param source how it was reached
	 * @param evidence why
	 */
	public Verdict(Kind kind, Source source, List<Evidence> evidence) {
		this(kind, source, evidence, (source != Source.NOT_ANALYSED) ? Certainty.HIGH : Certainty.NONE,
				(source != Source.NOT_ANALYSED) ? List.of()
						: evidence.stream().map(Evidence::description).toList());
	}

	/**
	 * A non-blocking verdict reached by analysis.
	 * @return the verdict
	 */
	public static Verdict nonBlocking() {
		return new Verdict(Kind.NON_BLOCKING, Source.STATIC_ANALYSIS, List.of());
	}

	/**
	 * Whether the filter must be adapted, isolated or refused.
	 * @return {@code true} unless the kind is {@link Kind#NON_BLOCKING}
	 */
	public boolean isBlocking() {
		return this.kind != Kind.NON_BLOCKING;
	}

	/**
	 * The kind of verdict.
	 */
	public enum Kind {

		/** Nothing blocks on the calling thread. */
		NON_BLOCKING,

		/** A blocking call was found, or the filter is declared {@link Blocking}. */
		BLOCKING,

		/** The filter is written as {@code SyncHooks}: blocking by contract. */
		SYNC_HOOKS

	}

	/**
	 * How sure a verdict is.
	 */
	public enum Certainty {

		/**
		 * Declared, or a blocking call found, or every call reachable from the filter
		 * followed or matched.
		 */
		HIGH,

		/**
		 * Judged non-blocking, but some calls could not be followed (an interface without
		 * a known implementation, reflection, the depth limit): the run-time checks are
		 * the backstop.
		 */
		LOW,

		/** Not analysed. */
		NONE

	}

	/**
	 * How the verdict was reached.
	 */
	public enum Source {

		/** {@link Blocking}, {@link NonBlocking}, or the sync hooks interface. */
		DECLARED,

		/** The bytecode scan of the filter and what it calls. */
		STATIC_ANALYSIS,

		/** The class could not be analysed (no bytecode); treated as non-blocking. */
		NOT_ANALYSED

	}

}
