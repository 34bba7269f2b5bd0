/**
 * The exchange the composed stack puts around each request: the request state its entries
 * keep ({@link io.asyncmiddleware.request.RequestSlot}), and Django's request data limits
 * ({@code DATA_UPLOAD_MAX_MEMORY_SIZE}, {@code DATA_UPLOAD_MAX_NUMBER_FIELDS},
 * {@code DATA_UPLOAD_MAX_NUMBER_FILES}) applied to the form and multipart data before it is
 * buffered.
 */
@NullMarked
package io.asyncmiddleware.request;

import org.jspecify.annotations.NullMarked;
