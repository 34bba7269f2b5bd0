package io.asyncmiddleware.chain;

import io.asyncmiddleware.detection.runtime.EventLoopHolder;
import io.asyncmiddleware.detection.runtime.EventLoopStallWatchdog;
import io.asyncmiddleware.metrics.EntryMetrics;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.WebFilter;

/**
 * One position of a {@link StackChain}: the entry's filter as it runs (wrapped for its
 * mode), where its figures go, and how it appears on an event loop it holds. Built once,
 * at startup.
 *
 * @param name the entry's name in the stack
 * @param filter the filter as it runs
 * @param metrics the entry's live figures
 * @param holder the entry as the stall watchdog and the BlockHound attribution see it
 */
public record ChainEntry(String name, WebFilter filter, EntryMetrics metrics, EventLoopHolder holder) {

	/**
	 * Creates an entry.
	 * @param name the entry's name in the stack
	 * @param filter the filter as it runs
	 * @param metrics the entry's live figures
	 * @param holder the entry as the stall watchdog and the BlockHound attribution see it
	 */
	public ChainEntry {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(filter, "'filter' must not be null");
		Assert.notNull(metrics, "'metrics' must not be null");
		Assert.notNull(holder, "'holder' must not be null");
	}

	/**
	 * Creates an entry whose holder names the filter's class.
	 * @param name the entry's name in the stack
	 * @param filter the filter as it runs
	 * @param metrics the entry's live figures
	 * @param watchdog the watchdog that reports the entry's stalls, or {@code null} when
	 * stalls are not watched
	 * @return the entry
	 */
	public static ChainEntry of(String name, WebFilter filter, EntryMetrics metrics,
			@Nullable EventLoopStallWatchdog watchdog) {
		return new ChainEntry(name, filter, metrics,
				new EventLoopHolder(name, ClassUtils.getUserClass(filter), watchdog));
	}

}
