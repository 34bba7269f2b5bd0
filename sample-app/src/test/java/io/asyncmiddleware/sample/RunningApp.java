package io.asyncmiddleware.sample;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample application started in this JVM on a free port (or a given one), as
 * {@code java -jar} would start it, with extra properties.
 */
final class RunningApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts the application.
	 * @param properties {@code name=value} pairs, passed as command-line arguments so
	 * that they win over application.yml
	 * @return the running application
	 */
	static RunningApp start(String... properties) {
		return start(new String[0], properties);
	}

	static RunningApp start(String[] profiles, String... properties) {
		List<String> args = new ArrayList<>(List.of("--server.port=0"));
		for (String property : properties) {
			args.add("--" + property);
		}
		return new RunningApp(new SpringApplicationBuilder(SampleApplication.class).profiles(profiles)
			.run(args.toArray(String[]::new)));
	}

	int port() {
		return Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	String baseUrl() {
		return "http://localhost:" + port();
	}

	WebTestClient client() {
		return ParityRoutesTests.client(baseUrl());
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
