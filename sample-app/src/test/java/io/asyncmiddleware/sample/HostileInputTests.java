package io.asyncmiddleware.sample;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input answered as Django answers it, never with a 500: form bodies over Django's
 * DATA_UPLOAD limits or badly encoded are 400 (RequestDataTooBig, TooManyFieldsSent, a
 * body that cannot be decoded), whatever reads them first (here the CSRF check); a POST
 * without a CSRF cookie is 403 whatever its body; odd methods and long paths reach the
 * audit store and are answered.
 */
class HostileInputTests {

	// any 32 letters and digits are a well-formed CSRF secret (cookie mode)
	private static final String SECRET = "abcdefghijklmnopqrstuvwxyzABCDEF";

	private static RunningApp app;

	@BeforeAll
	static void start() {
		String name = "hostile-" + UUID.randomUUID();
		app = RunningApp.start("spring.r2dbc.url=r2dbc:h2:mem:///" + name + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE",
				"async-middleware.request.data-upload-max-number-fields=50");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	private WebTestClient.ResponseSpec postForm(String body) {
		return app.client().post().uri("/form/").cookie("csrftoken", SECRET)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue(body).exchange();
	}

	@Test
	void formWithinTheLimitsPassesTheCsrfCheck() {
		postForm("csrfmiddlewaretoken=" + SECRET + "&a=1").expectStatus().isOk();
	}

	@Test
	void formBodyOverDataUploadMaxMemorySizeIs400() {
		postForm("csrfmiddlewaretoken=" + SECRET + "&a=" + "x".repeat(2_621_440)).expectStatus().isBadRequest();
	}

	@Test
	void tooManyFieldsIs400() {
		postForm("csrfmiddlewaretoken=" + SECRET + "&a=1".repeat(50)).expectStatus().isBadRequest();
	}

	@Test
	void badPercentEncodingIs400() {
		postForm("csrfmiddlewaretoken=" + SECRET + "&a=%zz").expectStatus().isBadRequest();
	}

	@Test
	void postWithoutCsrfCookieIs403WhateverItsBody() {
		app.client().post().uri("/form/").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("a=" + "x".repeat(3_000_000)).exchange().expectStatus().isForbidden();
	}

	@Test
	void oddMethodsAndLongPathsAreAnsweredWithoutA5xx() {
		int status = app.client().method(HttpMethod.valueOf("X".repeat(256))).uri("/hello/").exchange()
			.expectBody().returnResult().getStatus().value();
		assertThat(status).isLessThan(500);
		status = app.client().get().uri("/" + "a".repeat(3000) + "/").exchange()
			.expectBody().returnResult().getStatus().value();
		assertThat(status).isLessThan(500);
	}

}
