package io.asyncmiddleware.request;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebInputException;

/**
 * A form or multipart body refused by the {@link RequestDataLimits} or unreadable as sent:
 * a 400, as Django answers its {@code RequestDataTooBig}, {@code TooManyFieldsSent} and
 * {@code TooManyFilesSent} (all {@code SuspiciousOperation}s).
 */
public final class RequestDataRejectedException extends ServerWebInputException {

	private RequestDataRejectedException(String reason, @Nullable Throwable cause) {
		super(reason, null, cause);
	}

	static RequestDataRejectedException tooBig(long limit) {
		return new RequestDataRejectedException(
				"Request body exceeded the data upload limit of " + limit + " bytes (RequestDataTooBig)", null);
	}

	static RequestDataRejectedException tooManyFields(int limit) {
		return new RequestDataRejectedException(
				"The number of GET/POST parameters exceeded the limit of " + limit + " (TooManyFieldsSent)", null);
	}

	static RequestDataRejectedException tooManyFiles(int limit) {
		return new RequestDataRejectedException(
				"The number of files exceeded the limit of " + limit + " (TooManyFilesSent)", null);
	}

	static RequestDataRejectedException malformed(String what, @Nullable Throwable cause) {
		return new RequestDataRejectedException("Malformed request body: " + what, cause);
	}

}
