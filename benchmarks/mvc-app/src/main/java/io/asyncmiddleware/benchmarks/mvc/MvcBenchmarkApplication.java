package io.asyncmiddleware.benchmarks.mvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The thread-per-request peer: the benchmark routes on Spring MVC and Tomcat, with the
 * stack's concerns as servlet filters (see {@link ServletStackConfiguration}).
 */
@SpringBootApplication
@RestController
public class MvcBenchmarkApplication {

	@GetMapping(path = "/hello/", produces = MediaType.TEXT_PLAIN_VALUE)
	String hello() {
		return "hello";
	}

	/**
	 * The same 50 ms wait, the servlet way: the request's thread sleeps through it.
	 */
	@GetMapping(path = "/slow/", produces = MediaType.TEXT_PLAIN_VALUE)
	String slow() throws InterruptedException {
		Thread.sleep(50);
		return "slow";
	}

	public static void main(String[] args) {
		SpringApplication.run(MvcBenchmarkApplication.class, args);
	}

}
