package io.asyncmiddleware.benchmarks.bare;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the performance matrix: the benchmark routes on WebFlux, with no
 * middleware at all and the starter absent from the classpath.
 */
@SpringBootApplication
@RestController
public class BareWebFluxApplication {

	@GetMapping(path = "/hello/", produces = MediaType.TEXT_PLAIN_VALUE)
	String hello() {
		return "hello";
	}

	/**
	 * Django: {@code await asyncio.sleep(0.05)}; no thread waits.
	 */
	@GetMapping(path = "/slow/", produces = MediaType.TEXT_PLAIN_VALUE)
	Mono<String> slow() {
		return Mono.delay(Duration.ofMillis(50)).thenReturn("slow");
	}

	public static void main(String[] args) {
		SpringApplication.run(BareWebFluxApplication.class, args);
	}

}
