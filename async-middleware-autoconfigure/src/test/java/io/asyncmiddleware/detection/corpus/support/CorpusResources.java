package io.asyncmiddleware.detection.corpus.support;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;
import jakarta.persistence.EntityManager;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * The local, cheap resources the corpus filters block on: a tiny temp file, an HTTP
 * server and a socket server on 127.0.0.1, an H2 database reached over TCP (so that each
 * JDBC call is a real round trip), a JPA {@link EntityManager} fake that runs JDBC, and
 * contended locks. Started by the ground truth test on its own thread; the getters only
 * return what was started, so that scanning a filter that uses them finds nothing here.
 */
public final class CorpusResources {

	private static Path directory;

	private static Path file;

	private static HttpServer httpServer;

	private static URI httpUri;

	private static ServerSocket socketServer;

	private static InetSocketAddress socketAddress;

	private static Server database;

	private static DataSource dataSource;

	private static JdbcTemplate jdbcTemplate;

	private static EntityManager entityManager;

	private static RestTemplate restTemplate;

	private static RestClient restClient;

	private static HttpClient httpClient;

	private static ExecutorService executor;

	private static Contender contender;

	private CorpusResources() {
	}

	public static synchronized void start() throws Exception {
		if (directory != null) {
			return;
		}
		directory = Files.createTempDirectory("detection-corpus");
		file = Files.writeString(directory.resolve("greeting.txt"), "hello\nworld\n");
		httpServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		httpServer.createContext("/", (exchange) -> {
			byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		httpServer.setExecutor(Executors.newSingleThreadExecutor(daemon("corpus-http")));
		httpServer.start();
		httpUri = URI.create("http://127.0.0.1:" + httpServer.getAddress().getPort() + "/");
		socketServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		socketAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), socketServer.getLocalPort());
		Thread acceptor = new Thread(CorpusResources::acceptLoop, "corpus-socket");
		acceptor.setDaemon(true);
		acceptor.start();
		int port;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = probe.getLocalPort();
		}
		database = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:tcp://127.0.0.1:" + port + "/mem:corpus;DB_CLOSE_DELAY=-1");
		h2.setUser("sa");
		dataSource = h2;
		jdbcTemplate = new JdbcTemplate(dataSource);
		jdbcTemplate.execute("create table if not exists audit (id int auto_increment primary key, path varchar(200))");
		entityManager = (EntityManager) Proxy.newProxyInstance(CorpusResources.class.getClassLoader(),
				new Class<?>[] { EntityManager.class }, (proxy, method, args) -> runQuery(method.getName()));
		restTemplate = new RestTemplate();
		restClient = RestClient.create();
		httpClient = HttpClient.newHttpClient();
		executor = Executors.newFixedThreadPool(2, daemon("corpus-worker"));
		contender = new Contender();
		contender.start();
	}

	public static synchronized void stop() throws Exception {
		if (directory == null) {
			return;
		}
		contender.stop();
		executor.shutdownNow();
		httpServer.stop(0);
		socketServer.close();
		database.stop();
		try (var paths = Files.walk(directory)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		directory = null;
	}

	private static Object runQuery(String method) throws Exception {
		// what a JPA provider does underneath: a JDBC round trip
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("select count(*) from audit where path <> ?")) {
			statement.setString(1, method);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return null;
			}
		}
	}

	private static void acceptLoop() {
		while (!socketServer.isClosed()) {
			try (Socket socket = socketServer.accept()) {
				socket.getOutputStream().write('k');
			}
			catch (IOException ex) {
				// closed, or the client went away
			}
		}
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return (runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	public static Path file() {
		return file;
	}

	public static Path directory() {
		return directory;
	}

	public static URI httpUri() {
		return httpUri;
	}

	public static InetSocketAddress socketAddress() {
		return socketAddress;
	}

	public static DataSource dataSource() {
		return dataSource;
	}

	public static JdbcTemplate jdbcTemplate() {
		return jdbcTemplate;
	}

	public static EntityManager entityManager() {
		return entityManager;
	}

	public static RestTemplate restTemplate() {
		return restTemplate;
	}

	public static RestClient restClient() {
		return restClient;
	}

	public static HttpClient httpClient() {
		return httpClient;
	}

	public static ExecutorService executor() {
		return executor;
	}

	public static Contender contender() {
		return contender;
	}

}
