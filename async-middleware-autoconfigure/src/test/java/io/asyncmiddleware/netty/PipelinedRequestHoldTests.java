package io.asyncmiddleware.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hold on its own, in an {@link EmbeddedChannel} (no Reactor Netty operations bound:
 * only the responses' writes decide).
 */
class PipelinedRequestHoldTests {

	private final EmbeddedChannel channel = new EmbeddedChannel(new PipelinedRequestHold());

	@Test
	void aRequestReadWhileThePreviousIsAnsweredWaitsForThatResponseWithItsBody() {
		HttpRequest first = request("/first/");
		HttpRequest second = request("/second/");
		ByteBuf body = Unpooled.copiedBuffer(new byte[] { 'a' });
		this.channel.writeInbound(first, LastHttpContent.EMPTY_LAST_CONTENT, second, new DefaultHttpContent(body),
				LastHttpContent.EMPTY_LAST_CONTENT);
		assertThat((Object) this.channel.readInbound()).isSameAs(first);
		assertThat((Object) this.channel.readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
		assertThat((Object) this.channel.readInbound()).isNull();

		this.channel.writeOutbound(response(HttpResponseStatus.OK));
		this.channel.runPendingTasks();
		assertThat((Object) this.channel.readInbound()).isSameAs(second);
		DefaultHttpContent content = this.channel.readInbound();
		assertThat(content.content()).isSameAs(body);
		content.release();
		assertThat((Object) this.channel.readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
	}

	@Test
	void aHundredContinueIsNotTheAnswer() {
		HttpRequest second = request("/second/");
		this.channel.writeInbound(request("/first/"), second);
		assertThat((Object) this.channel.readInbound()).isNotNull();

		this.channel.writeOutbound(response(HttpResponseStatus.CONTINUE));
		this.channel.runPendingTasks();
		assertThat((Object) this.channel.readInbound()).isNull();

		this.channel.writeOutbound(response(HttpResponseStatus.OK));
		this.channel.runPendingTasks();
		assertThat((Object) this.channel.readInbound()).isSameAs(second);
	}

	@Test
	void whatIsHeldIsReleasedWhenTheConnectionCloses() {
		ByteBuf body = Unpooled.copiedBuffer(new byte[] { 'a' });
		this.channel.writeInbound(request("/first/"), request("/second/"), new DefaultHttpContent(body));
		this.channel.close();
		assertThat(body.refCnt()).isZero();
	}

	@Test
	void aRequestAfterTheAnswerPassesAtOnce() {
		this.channel.writeInbound(request("/first/"), LastHttpContent.EMPTY_LAST_CONTENT);
		this.channel.writeOutbound(response(HttpResponseStatus.OK));
		this.channel.runPendingTasks();
		this.channel.readInbound();
		this.channel.readInbound();
		HttpRequest second = request("/second/");
		this.channel.writeInbound(second);
		assertThat((Object) this.channel.readInbound()).isSameAs(second);
	}

	private static HttpRequest request(String uri) {
		return new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
	}

	private static DefaultFullHttpResponse response(HttpResponseStatus status) {
		return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
	}

}
