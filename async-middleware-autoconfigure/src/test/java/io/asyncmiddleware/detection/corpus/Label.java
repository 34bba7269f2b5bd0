package io.asyncmiddleware.detection.corpus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The label of a corpus filter: whether a request through it blocks the calling thread,
 * which family of blocking API it concerns, and how the code reaches it. The ground
 * truth test checks the label by running the filter; the grading test compares the
 * scanner's verdict with it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Label {

	/**
	 * Whether the filter blocks its calling thread.
	 * @return the expectation
	 */
	Expect value();

	/**
	 * The family of blocking API, one of {@link Families}.
	 * @return the family
	 */
	String family();

	/**
	 * How the blocking call (or the trap, for a safe filter) is reached, in a few words.
	 * @return the reach
	 */
	String reach();

	/**
	 * The two labels.
	 */
	enum Expect {

		/** A request blocks the thread that runs the filter. */
		BLOCKING,

		/** A request never blocks the thread that runs the filter. */
		SAFE

	}

}
