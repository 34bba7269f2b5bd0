package io.asyncmiddleware.autoconfigure.webfluxtest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A user's application, as {@code @WebFluxTest} and {@code @SpringBootTest} find it.
 */
@SpringBootApplication
public class SliceTestApplication {

}
