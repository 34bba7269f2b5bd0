package io.asyncmiddleware.middleware.messages;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * A message shown to the user once, like Django's
 * {@code django.contrib.messages.storage.base.Message}.
 *
 * @param level the numeric level
 * @param text the text of the message
 * @param extraTags the tags given when the message was added, empty if none
 * @param levelTag the tag of the level ({@code info}, {@code error}, ... or a tag from
 * {@code async-middleware.messages.tags}), empty when the level has none
 */
public record Message(int level, String text, String extraTags, String levelTag) {

	public Message {
		Assert.notNull(text, "'text' must not be null");
		Assert.notNull(extraTags, "'extraTags' must not be null");
		Assert.notNull(levelTag, "'levelTag' must not be null");
	}

	/**
	 * The extra tags and the level tag, joined by a space, as Django's {@code tags}
	 * (e.g. {@code "extra-tag debug"}).
	 * @return the tags, empty if there are none
	 */
	public String tags() {
		if (!StringUtils.hasLength(this.extraTags)) {
			return this.levelTag;
		}
		return StringUtils.hasLength(this.levelTag) ? this.extraTags + " " + this.levelTag : this.extraTags;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
