package io.asyncmiddleware.detection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdkBlockingSurface}: the JDK's blocking members derived from what they
 * declare, and their non-blocking neighbours left out.
 */
class JdkBlockingSurfaceTests {

	private final JdkBlockingSurface surface = new JdkBlockingSurface(getClass().getClassLoader());

	@Test
	void membersThatDeclareInterruptedExceptionWait() {
		assertBlocking("java/util/concurrent/TimeUnit", "sleep", "(J)V");
		assertBlocking("java/util/concurrent/BlockingQueue", "poll", "(JLjava/util/concurrent/TimeUnit;)Ljava/lang/Object;");
		assertBlocking("java/util/concurrent/locks/Lock", "tryLock", "(JLjava/util/concurrent/TimeUnit;)Z");
		assertBlocking("java/util/concurrent/Semaphore", "tryAcquire", "(JLjava/util/concurrent/TimeUnit;)Z");
		assertBlocking("java/net/http/HttpClient", "send",
				"(Ljava/net/http/HttpRequest;Ljava/net/http/HttpResponse$BodyHandler;)Ljava/net/http/HttpResponse;");
		assertThat(this.surface.match("java/util/concurrent/TimeUnit", "sleep", "(J)V").description())
			.isEqualTo("waits for another thread (declares InterruptedException)");
	}

	@Test
	void theirNonWaitingVariantsDoNot() {
		assertNotBlocking("java/util/concurrent/BlockingQueue", "poll", "()Ljava/lang/Object;");
		assertNotBlocking("java/util/concurrent/BlockingQueue", "offer", "(Ljava/lang/Object;)Z");
		assertNotBlocking("java/util/concurrent/locks/Lock", "tryLock", "()Z");
		assertNotBlocking("java/util/concurrent/CountDownLatch", "countDown", "()V");
		assertNotBlocking("java/util/concurrent/CompletableFuture", "getNow", "(Ljava/lang/Object;)Ljava/lang/Object;");
	}

	@Test
	void constructorsThatOpenFilesOrSocketsBlock() {
		assertBlocking("java/io/FileInputStream", "<init>", "(Ljava/io/File;)V");
		assertBlocking("java/io/FileWriter", "<init>", "(Ljava/lang/String;)V");
		assertBlocking("java/net/Socket", "<init>", "(Ljava/lang/String;I)V");
		assertBlocking("java/util/Scanner", "<init>", "(Ljava/io/File;)V");
	}

	@Test
	void constructorsThatWrapAStreamOrParseDoNot() {
		assertNotBlocking("java/io/ByteArrayInputStream", "<init>", "([B)V");
		assertNotBlocking("java/io/ObjectInputStream", "<init>", "(Ljava/io/InputStream;)V");
		assertNotBlocking("java/io/InputStreamReader", "<init>", "(Ljava/io/InputStream;Ljava/lang/String;)V");
		assertNotBlocking("java/net/URL", "<init>", "(Ljava/lang/String;)V");
	}

	@Test
	void ioMethodsOfFilesChannelsSocketsAndDescriptorStreamsBlock() {
		assertBlocking("java/nio/file/Files", "readString", "(Ljava/nio/file/Path;)Ljava/lang/String;");
		assertBlocking("java/nio/channels/FileChannel", "read", "(Ljava/nio/ByteBuffer;)I");
		assertBlocking("java/net/InetAddress", "getByName", "(Ljava/lang/String;)Ljava/net/InetAddress;");
		assertBlocking("java/io/FileInputStream", "read", "()I");
	}

	@Test
	void ioMethodsOfStreamsInGeneralAndCloseDoNot() {
		assertNotBlocking("java/io/InputStream", "read", "()I");
		assertNotBlocking("java/io/BufferedReader", "readLine", "()Ljava/lang/String;");
		assertNotBlocking("java/io/ByteArrayInputStream", "transferTo", "(Ljava/io/OutputStream;)J");
		assertNotBlocking("java/nio/channels/FileChannel", "close", "()V");
		assertNotBlocking("java/net/URLEncoder", "encode", "(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;");
		assertNotBlocking("java/net/URI", "toURL", "()Ljava/net/URL;");
	}

	@Test
	void jdbcRoundTripsBlockAndLocalStateDoesNot() {
		assertBlocking("java/sql/Statement", "executeQuery", "(Ljava/lang/String;)Ljava/sql/ResultSet;");
		assertBlocking("java/sql/Connection", "commit", "()V");
		assertNotBlocking("java/sql/PreparedStatement", "setString", "(ILjava/lang/String;)V");
		assertNotBlocking("java/sql/ResultSet", "getInt", "(I)I");
		assertNotBlocking("java/sql/Connection", "close", "()V");
	}

	@Test
	void nonJdkAndUnknownTypesAreNeverDerived() {
		assertNotBlocking("org/springframework/jdbc/core/JdbcTemplate", "execute", "(Ljava/lang/String;)V");
		assertNotBlocking("java/io/NoSuchType", "read", "()I");
	}

	private void assertBlocking(String owner, String name, String descriptor) {
		assertThat(this.surface.match(owner, name, descriptor)).as(owner + "." + name + descriptor).isNotNull();
	}

	private void assertNotBlocking(String owner, String name, String descriptor) {
		assertThat(this.surface.match(owner, name, descriptor)).as(owner + "." + name + descriptor).isNull();
	}

}
