package io.asyncmiddleware.detection.corpus;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.asyncmiddleware.detection.runtime.RuntimeBlockingDetection;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;
import reactor.blockhound.BlockingOperationError;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Extends BlockHound, for the corpus's ground truth, to blocking it does not see: file
 * opening and NIO file reads and writes ({@code FileChannelImpl}, which
 * {@code java.nio.file.Files} uses), {@code SocketChannel} connects and reads (blocking
 * only in blocking mode, the only mode the corpus uses), and DNS lookups (the JDK's
 * native resolver; a lookup the JDK answers from its cache does not block). On a
 * corpus event-loop thread every blocking call is recorded with its stack and let go on,
 * so that one request shows all the blocking calls it makes and the methods that make
 * them; on other threads the added methods are ignored, so that the rest of the test
 * suite keeps BlockHound's own notion of blocking.
 */
public final class CorpusBlockHoundIntegration implements BlockHoundIntegration {

	/** The name prefix of the corpus's event-loop threads. */
	public static final String THREAD_PREFIX = "corpus-event-loop";

	private static final Queue<String> recorded = new ConcurrentLinkedQueue<>();

	private static final Queue<StackTraceElement[]> stacks = new ConcurrentLinkedQueue<>();

	/** Per class, the methods (name and descriptor; both JDK 17 and 25 forms) added. */
	private static final Map<String, List<String[]>> ADDED = Map.of(
			"sun.nio.ch.FileChannelImpl",
			List.of(new String[] { "read", "(Ljava/nio/ByteBuffer;)I" },
					new String[] { "read", "([Ljava/nio/ByteBuffer;II)J" },
					new String[] { "read", "(Ljava/nio/ByteBuffer;J)I" },
					new String[] { "write", "(Ljava/nio/ByteBuffer;)I" },
					new String[] { "write", "([Ljava/nio/ByteBuffer;II)J" },
					new String[] { "write", "(Ljava/nio/ByteBuffer;J)I" },
					new String[] { "transferTo", "(JJLjava/nio/channels/WritableByteChannel;)J" },
					new String[] { "transferFrom", "(Ljava/nio/channels/ReadableByteChannel;JJ)J" },
					new String[] { "force", "(Z)V" }),
			"sun.nio.ch.SocketChannelImpl",
			List.of(new String[] { "connect", "(Ljava/net/SocketAddress;)Z" },
					new String[] { "read", "(Ljava/nio/ByteBuffer;)I" }),
			"sun.nio.fs.UnixNativeDispatcher", List.<String[]>of(new String[] { "open0", "(JII)I" }),
			"java.io.FileInputStream", List.<String[]>of(new String[] { "open0", "(Ljava/lang/String;)V" }),
			"java.io.FileOutputStream", List.<String[]>of(new String[] { "open0", "(Ljava/lang/String;Z)V" }),
			"java.io.RandomAccessFile", List.<String[]>of(new String[] { "open0", "(Ljava/lang/String;I)V" }),
			"java.net.Inet6AddressImpl",
			List.of(new String[] { "lookupAllHostAddr", "(Ljava/lang/String;)[Ljava/net/InetAddress;" },
					new String[] { "lookupAllHostAddr", "(Ljava/lang/String;I)[Ljava/net/InetAddress;" }),
			"java.net.Inet4AddressImpl",
			List.of(new String[] { "lookupAllHostAddr", "(Ljava/lang/String;)[Ljava/net/InetAddress;" },
					new String[] { "lookupAllHostAddr", "(Ljava/lang/String;I)[Ljava/net/InetAddress;" }));

	private static final Set<String> ADDED_METHODS = ADDED.entrySet()
		.stream()
		.flatMap((entry) -> entry.getValue().stream().map((method) -> entry.getKey() + "." + method[0]))
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	@Override
	public void applyTo(BlockHound.Builder builder) {
		ADDED.forEach((type, methods) -> methods.forEach((method) -> builder.markAsBlocking(type, method[0], method[1])));
		builder.blockingMethodCallback(CorpusBlockHoundIntegration::onBlockingCall);
	}

	private static void onBlockingCall(BlockingMethod method) {
		if (Thread.currentThread().getName().startsWith(THREAD_PREFIX)) {
			recorded.add(method.getClassName() + "." + method.getName());
			stacks.add(new Throwable().getStackTrace());
			return;
		}
		if (ADDED_METHODS.contains(method.getClassName() + "." + method.getName()) || RuntimeBlockingDetection.isReportOnly()) {
			return;
		}
		throw new BlockingOperationError(method);
	}

	/**
	 * Forget what was recorded.
	 */
	public static void clear() {
		recorded.clear();
		stacks.clear();
	}

	/**
	 * The blocking calls recorded on corpus threads since the last {@link #clear()}.
	 * @return the calls, {@code Class.method}
	 */
	public static List<String> recorded() {
		return List.copyOf(recorded);
	}

	/**
	 * The stacks of the blocking calls recorded on corpus threads since the last
	 * {@link #clear()}, in the same order.
	 * @return the stacks, innermost frame first
	 */
	public static List<StackTraceElement[]> stacks() {
		return List.copyOf(stacks);
	}

}
