package io.asyncmiddleware.request;

/**
 * Django's limits on the request data a form or multipart body may bring.
 *
 * @param maxMemorySize the largest form body, or in a multipart body the sum of its
 * non-file fields, in bytes; negative for no limit (Django: DATA_UPLOAD_MAX_MEMORY_SIZE)
 * @param maxNumberFields the most fields a form or multipart body may carry; negative for
 * no limit (Django: DATA_UPLOAD_MAX_NUMBER_FIELDS)
 * @param maxNumberFiles the most files a multipart body may carry; negative for no limit
 * (Django: DATA_UPLOAD_MAX_NUMBER_FILES)
 */
public record RequestDataLimits(long maxMemorySize, int maxNumberFields, int maxNumberFiles) {

	/** Django's defaults: 2.5 MB, 1,000 fields, 100 files. */
	public static final RequestDataLimits DJANGO_DEFAULTS = new RequestDataLimits(2_621_440, 1000, 100);

	boolean tooBig(long size) {
		return this.maxMemorySize >= 0 && size > this.maxMemorySize;
	}

	boolean tooManyFields(long count) {
		return this.maxNumberFields >= 0 && count > this.maxNumberFields;
	}

	boolean tooManyFiles(long count) {
		return this.maxNumberFiles >= 0 && count > this.maxNumberFiles;
	}

	// the most bytes DataBufferUtils.join may gather (-1: no limit)
	int joinLimit() {
		return (this.maxMemorySize < 0) ? -1 : (int) Math.min(this.maxMemorySize, Integer.MAX_VALUE - 1);
	}

}
