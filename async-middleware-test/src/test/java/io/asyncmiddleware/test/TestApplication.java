package io.asyncmiddleware.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A user's application, as {@code @WebFluxTest} finds it.
 */
@SpringBootApplication
public class TestApplication {

}
