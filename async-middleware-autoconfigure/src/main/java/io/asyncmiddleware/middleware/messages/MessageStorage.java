package io.asyncmiddleware.middleware.messages;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.web.server.ServerWebExchange;

/**
 * Where the messages of a client wait between requests, like Django's message storage
 * backends ({@code MESSAGE_STORAGE}). Implementations are shared by all requests; the
 * state of one request lives in its {@link Messages}.
 *
 * @see CookieMessageStorage
 * @see SessionMessageStorage
 * @see FallbackMessageStorage
 */
public interface MessageStorage {

	/**
	 * Reads the messages the request carries.
	 * @param exchange the current exchange
	 * @return the stored messages, {@link StoredMessages#NONE} when there are none
	 */
	Mono<StoredMessages> read(ServerWebExchange exchange);

	/**
	 * Stores the given messages for the next request, replacing what was stored, or
	 * clears the storage when the list is empty. Called before the response is committed.
	 * @param exchange the current exchange
	 * @param messages the messages to keep, oldest first
	 * @param previous what {@link #read} returned for this request
	 * @return the messages that could not be stored
	 */
	Mono<List<Message>> write(ServerWebExchange exchange, List<Message> messages, StoredMessages previous);

}
