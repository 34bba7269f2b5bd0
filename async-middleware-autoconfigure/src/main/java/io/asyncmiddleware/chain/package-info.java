/**
 * The runtime of the stack: the declared entries composed once, at startup, into one
 * {@code WebFilter} ({@link io.asyncmiddleware.chain.ComposedStackWebFilter}), as
 * Django's {@code BaseHandler.load_middleware()} composes {@code MIDDLEWARE} into one
 * callable. Per request there is one call into a chain that already exists, and one
 * timing record folded into each entry's figures when the request leaves the chain.
 */
package io.asyncmiddleware.chain;
