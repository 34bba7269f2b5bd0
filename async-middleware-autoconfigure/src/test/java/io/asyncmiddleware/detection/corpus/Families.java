package io.asyncmiddleware.detection.corpus;

import java.util.List;

/**
 * The families of blocking APIs the corpus covers, as named in the generated table.
 */
public final class Families {

	public static final String SLEEP_PARK = "sleep/wait/park";

	public static final String LOCKS_LATCHES = "locks and latches";

	public static final String FUTURES = "futures";

	public static final String REACTOR_BLOCK = "block*/toIterable/toStream";

	public static final String JAVA_IO = "java.io files and streams";

	public static final String NIO = "NIO files and channels";

	public static final String SOCKETS = "sockets and URL connections";

	public static final String HTTP_CLIENT = "HttpClient.send";

	public static final String JDBC = "JDBC";

	public static final String JPA = "JPA sessions";

	public static final String REST_TEMPLATE = "RestTemplate/RestClient";

	public static final String DNS = "DNS lookups";

	public static final String MONITOR = "synchronized + wait";

	/** Every family, in the table's order. */
	public static final List<String> ALL = List.of(SLEEP_PARK, LOCKS_LATCHES, FUTURES, REACTOR_BLOCK, JAVA_IO, NIO,
			SOCKETS, HTTP_CLIENT, JDBC, JPA, REST_TEMPLATE, DNS, MONITOR);

	private Families() {
	}

}
