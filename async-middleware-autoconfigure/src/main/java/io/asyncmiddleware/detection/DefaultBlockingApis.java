package io.asyncmiddleware.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in entries of the {@link BlockingApiCatalogue}. Subtypes of each type match,
 * so {@code java.sql.Statement} covers {@code PreparedStatement} and
 * {@code CallableStatement}, and {@code Lock} covers {@code ReentrantLock}. Types absent
 * from the class path (e.g. {@code javax.persistence}) still match by name.
 */
final class DefaultBlockingApis {

	private static final String JDBC = "R2DBC (Spring's DatabaseClient or Spring Data R2DBC), or mode adapt/isolate";

	private static final String JPA = "Spring Data R2DBC or Hibernate Reactive, or mode adapt/isolate";

	private static final String HTTP = "WebClient (spring-webflux)";

	private static final String FILES = "DataBufferUtils.read/write or AsynchronousFileChannel, or offload with "
			+ "Mono.fromCallable(...).subscribeOn(Schedulers.boundedElastic())";

	private static final String COMPOSE = "compose the Mono/Flux into the chain (flatMap, then, zip) instead of blocking";

	private static final String SIGNAL = "a Sinks.One/Sinks.Empty completed by the other party, composed into the chain";

	private static final String OFFLOAD = "offload with Mono.fromCallable(...).subscribeOn(Schedulers.boundedElastic())";

	static final List<BlockingApi> ENTRIES;

	static {
		List<BlockingApi> entries = new ArrayList<>();
		// threads, monitors, processes
		add(entries, "java.lang.Thread", "Thread.sleep parks the thread", "Mono.delay(Duration) or delayElement",
				"sleep");
		add(entries, "java.lang.Thread", "Thread.join waits for another thread", COMPOSE, "join");
		add(entries, "java.lang.Object", "Object.wait parks the thread on a monitor", SIGNAL, "wait");
		add(entries, "java.lang.Process", "Process.waitFor waits for a process to exit",
				"Mono.fromFuture(process.onExit())", "waitFor");
		add(entries, "java.util.concurrent.locks.LockSupport", "LockSupport parks the thread", SIGNAL, "park*");
		// java.util.concurrent
		add(entries, "java.util.concurrent.Future", "Future.get waits for the result", "Mono.fromFuture(future)",
				"get");
		add(entries, "java.util.concurrent.CompletableFuture", "CompletableFuture.join waits for the result",
				"Mono.fromFuture(future)", "join");
		add(entries, "java.util.concurrent.ForkJoinTask", "ForkJoinTask.join waits for the result",
				"Mono.fromFuture(...)", "join", "invoke");
		add(entries, "java.util.concurrent.ExecutorService", "ExecutorService waits for submitted tasks",
				"Mono.fromFuture per task, composed with Flux.merge", "invokeAll", "invokeAny", "awaitTermination",
				"close");
		add(entries, "java.util.concurrent.CountDownLatch", "CountDownLatch.await parks the thread", SIGNAL, "await");
		add(entries, "java.util.concurrent.CyclicBarrier", "CyclicBarrier.await parks the thread", SIGNAL, "await");
		add(entries, "java.util.concurrent.Phaser", "Phaser waits for other parties", SIGNAL, "awaitAdvance*",
				"arriveAndAwaitAdvance");
		add(entries, "java.util.concurrent.Exchanger", "Exchanger.exchange waits for the other party", SIGNAL,
				"exchange");
		add(entries, "java.util.concurrent.Semaphore", "Semaphore.acquire parks the thread until a permit is free",
				"tryAcquire, or limit concurrency with flatMap(..., concurrency)", "acquire", "acquireUninterruptibly");
		add(entries, "java.util.concurrent.locks.Lock", "Lock.lock parks the thread until the lock is free",
				"tryLock, or serialise the work with concatMap", "lock", "lockInterruptibly");
		add(entries, "java.util.concurrent.locks.Condition", "Condition.await parks the thread", SIGNAL, "await*");
		add(entries, "java.util.concurrent.BlockingQueue", "BlockingQueue.take/put parks the thread",
				"poll/offer, or a Sinks.Many", "take", "put");
		add(entries, "java.util.concurrent.BlockingDeque", "BlockingDeque take/put parks the thread",
				"poll/offer, or a Sinks.Many", "take*", "put*");
		add(entries, "java.util.concurrent.TransferQueue", "TransferQueue.transfer parks the thread",
				"tryTransfer, or a Sinks.Many", "transfer");
		// Reactor
		add(entries, "reactor.core.publisher.Mono", "Mono.block* subscribes and waits for the result", COMPOSE,
				"block*");
		add(entries, "reactor.core.publisher.Flux", "Flux.block* subscribes and waits for an element", COMPOSE,
				"block*");
		add(entries, "reactor.core.publisher.Flux", "Flux.toIterable/toStream waits for elements as they are read",
				COMPOSE, "toIterable", "toStream");
		// JDBC
		add(entries, "java.sql.DriverManager", "JDBC connection opening", JDBC, "getConnection");
		add(entries, "javax.sql.DataSource", "JDBC connection from a DataSource", JDBC, "getConnection");
		add(entries, "java.sql.Connection", "JDBC connection use (a database round trip)", JDBC, "prepare*",
				"createStatement", "commit", "rollback", "setAutoCommit", "setTransactionIsolation", "setSavepoint",
				"releaseSavepoint", "isValid", "getMetaData", "nativeSQL", "setReadOnly", "setSchema", "setCatalog");
		add(entries, "java.sql.Statement", "JDBC statement execution", JDBC, "execute*");
		add(entries, "java.sql.ResultSet", "JDBC result fetching", JDBC, "next", "absolute", "relative", "first",
				"last", "previous");
		add(entries, "org.springframework.jdbc.core.JdbcOperations", "Spring JdbcTemplate (JDBC)", JDBC, "*");
		add(entries, "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
				"Spring NamedParameterJdbcTemplate (JDBC)", JDBC, "*");
		add(entries, "org.springframework.jdbc.core.simple.JdbcClient", "Spring JdbcClient (JDBC)", JDBC, "*");
		add(entries, "org.springframework.jdbc.core.simple.SimpleJdbcInsertOperations", "Spring SimpleJdbcInsert (JDBC)",
				JDBC, "execute*");
		add(entries, "org.springframework.jdbc.core.simple.SimpleJdbcCallOperations", "Spring SimpleJdbcCall (JDBC)",
				JDBC, "execute*");
		// JPA
		for (String jpa : List.of("jakarta.persistence", "javax.persistence")) {
			add(entries, jpa + ".EntityManager", "JPA EntityManager (JDBC underneath)", JPA, "*");
			add(entries, jpa + ".EntityManagerFactory", "JPA EntityManagerFactory (JDBC underneath)", JPA,
					"createEntityManager");
			add(entries, jpa + ".Query", "JPA query execution (JDBC underneath)", JPA, "getResult*",
					"getSingleResult*", "executeUpdate");
		}
		// blocking Redis
		add(entries, "org.springframework.data.redis.core.RedisOperations", "Spring Data Redis blocking template",
				"ReactiveRedisTemplate", "*");
		// HTTP clients, URLs, sockets, DNS
		add(entries, "org.springframework.web.client.RestOperations", "RestTemplate (blocking HTTP)", HTTP, "*");
		add(entries, "org.springframework.web.client.RestClient", "RestClient (blocking HTTP)", HTTP, "*");
		add(entries, "java.net.http.HttpClient", "HttpClient.send waits for the response",
				"HttpClient.sendAsync with Mono.fromFuture, or " + HTTP, "send");
		add(entries, "java.net.URLConnection", "URLConnection I/O (blocking socket)", HTTP, "connect",
				"getInputStream", "getOutputStream", "getContent", "getContentLength*", "getContentType",
				"getContentEncoding", "getHeaderField*", "getHeaderFields", "getDate", "getExpiration",
				"getLastModified");
		add(entries, "java.net.HttpURLConnection", "HttpURLConnection I/O (blocking socket)", HTTP,
				"getResponseCode", "getResponseMessage", "getErrorStream");
		add(entries, "java.net.URL", "URL.openStream/getContent (blocking socket or file)", HTTP, "openStream",
				"getContent");
		add(entries, "java.net.Socket", "blocking socket I/O", "Reactor Netty's TcpClient", "connect",
				"getInputStream", "getOutputStream");
		add(entries, "java.net.ServerSocket", "ServerSocket.accept waits for a connection",
				"Reactor Netty's TcpServer", "accept");
		add(entries, "java.net.DatagramSocket", "blocking datagram I/O", "Reactor Netty's UdpClient", "receive",
				"send", "connect");
		add(entries, "java.net.InetAddress", "DNS lookup", "Netty's DnsNameResolver (Reactor Netty resolves "
				+ "asynchronously)", "getByName", "getAllByName", "getLocalHost", "getCanonicalHostName",
				"getHostName");
		// files
		add(entries, "java.io.FileInputStream", "file read (FileInputStream)", FILES, "read*", "transferTo", "skip");
		add(entries, "java.io.FileOutputStream", "file write (FileOutputStream)", FILES, "write", "flush");
		add(entries, "java.io.FileReader", "file read (FileReader)", FILES, "read*", "transferTo");
		add(entries, "java.io.FileWriter", "file write (FileWriter)", FILES, "write", "append", "flush");
		add(entries, "java.io.RandomAccessFile", "file I/O (RandomAccessFile)", FILES, "*");
		add(entries, "java.nio.channels.FileChannel", "file I/O (FileChannel)", FILES, "open", "read", "write",
				"force", "transfer*", "lock", "map", "size", "truncate");
		add(entries, "java.nio.file.Files", "file system I/O (java.nio.file.Files)", FILES, "read*", "write*",
				"new*", "lines", "list", "walk*", "find", "copy", "move", "delete*", "create*", "size", "mismatch",
				"getLastModifiedTime", "setLastModifiedTime", "probeContentType");
		add(entries, "java.io.File", "file system I/O (java.io.File)", FILES, "createNewFile", "createTempFile",
				"delete", "list*", "mkdir*", "renameTo", "length");
		ENTRIES = List.copyOf(entries);
	}

	private DefaultBlockingApis() {
	}

	private static void add(List<BlockingApi> entries, String type, String description, String suggestion,
			String... methods) {
		for (String method : methods) {
			entries.add(new BlockingApi(type, method, description, suggestion));
		}
	}

}
