package io.asyncmiddleware.stack;

import org.springframework.web.server.WebFilter;

/**
 * One filter the stack puts in Spring's chain: the composed declared block, or a filter
 * outside it, with the order it keeps among filters the stack does not know.
 *
 * @param filter the filter as it runs in Spring's chain
 * @param order its order
 */
record InstalledFilter(WebFilter filter, int order) {
}
