package io.asyncmiddleware.detection;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UnsupportedEncodingException;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.nio.channels.Channel;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Type;

/**
 * The JDK's blocking surface, derived from the JDK's own declarations rather than listed
 * by hand: the part of the {@link BlockingApiCatalogue} that covers every JDK method, so
 * that an overload or a class nobody thought of is not a hole.
 *
 * <p>A JDK method or constructor blocks when it declares that it may wait or do I/O:
 * <ul>
 * <li>it declares {@link InterruptedException}, which the JDK declares exactly on the
 * calls that park a thread until something happens (sleep, wait, join, get, await, take,
 * put, acquire, timed poll/offer/tryLock, invokeAll, {@code HttpClient.send},
 * {@code Process.waitFor}...); the variants that do not wait ({@code poll()},
 * {@code tryLock()}, {@code countDown()}) do not declare it;</li>
 * <li>it declares an {@link IOException} (other than the parse errors
 * {@link MalformedURLException} and {@link UnsupportedEncodingException}) and is either
 * a constructor that opens a file or socket itself (none of its parameters is a stream,
 * reader, writer or channel to wrap: {@code new FileInputStream(file)},
 * {@code new Socket(host, port)}, {@code new Scanner(file)}, {@code new ZipFile(file)}),
 * or a method in {@code java.io}, {@code java.net}, {@code java.net.http},
 * {@code java.nio.channels} or {@code java.nio.file} of a type that is not a stream,
 * reader or writer ({@code Files},
 * {@code FileChannel}, {@code Socket}, {@code URL}, {@code URLConnection},
 * {@code InetAddress}...), or a method of a stream that holds a file descriptor
 * ({@code FileInputStream}, {@code FileOutputStream});</li>
 * <li>it is in {@code java.sql} or {@code javax.sql} and declares a
 * {@code SQLException}, other than accessors of local state and {@code close}: a
 * round trip to the database.</li>
 * </ul>
 * Streams, readers and writers in general are not blocking by type: what blocks is
 * opening one on a file or socket, which the constructor rule catches. A stream opened
 * elsewhere and read here through {@code InputStream} is therefore missed.
 *
 * <p>Members are looked up by reflection on the JDK class (loaded, never initialised),
 * once per distinct call; non-JDK classes are never loaded here.
 */
final class JdkBlockingSurface {

	private static final Set<String> IO_PACKAGES = Set.of("java.io", "java.net", "java.net.http",
			"java.nio.channels", "java.nio.file");

	private static final Set<String> SQL_PACKAGES = Set.of("java.sql", "javax.sql");

	private static final String OFFLOAD = "offload with Mono.fromCallable(...).subscribeOn(Schedulers.boundedElastic())";

	private static final String WAIT_SUGGESTION = "compose a Mono/Flux (Mono.fromFuture, Sinks, Mono.delay) instead "
			+ "of waiting, or " + OFFLOAD;

	private static final String IO_SUGGESTION = "a non-blocking API (DataBufferUtils, AsynchronousFileChannel, "
			+ "WebClient, Reactor Netty), or " + OFFLOAD;

	private static final String SQL_SUGGESTION = "R2DBC (Spring's DatabaseClient or Spring Data R2DBC), or mode "
			+ "adapt/isolate";

	private static final List<String> LOCAL_JDBC_STATE = List.of("get", "set", "update", "clear", "add", "was", "is",
			"unwrap");

	private final ClassLoader classLoader;

	private final Map<String, Optional<BlockingApi>> matches = new ConcurrentHashMap<>();

	JdkBlockingSurface(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * The derived entry a call matches.
	 * @param ownerInternalName the call's owner, e.g. {@code java/io/FileInputStream}
	 * @param name the method name, {@code <init>} for a constructor
	 * @param descriptor the method descriptor
	 * @return the entry, or {@code null} if the call is not to a blocking JDK member
	 */
	@Nullable BlockingApi match(String ownerInternalName, String name, String descriptor) {
		if (!ownerInternalName.startsWith("java/") && !ownerInternalName.startsWith("javax/sql/")) {
			return null;
		}
		return this.matches
			.computeIfAbsent(ownerInternalName + "." + name + descriptor,
					(key) -> Optional.ofNullable(derive(ownerInternalName, name, descriptor)))
			.orElse(null);
	}

	private @Nullable BlockingApi derive(String ownerInternalName, String name, String descriptor) {
		Class<?> owner = load(ownerInternalName.replace('/', '.'));
		if (owner == null || !isJdk(owner)) {
			return null;
		}
		Executable member = name.equals("<init>") ? constructor(owner, descriptor) : method(owner, name, descriptor);
		if (member == null) {
			return null;
		}
		String typeName = owner.getName();
		String pattern = name.equals("<init>") ? "<init>" : name;
		if (declares(member, InterruptedException.class)) {
			return new BlockingApi(typeName, pattern, "waits for another thread (declares InterruptedException)",
					WAIT_SUGGESTION);
		}
		String pkg = owner.getPackageName();
		boolean constructor = member instanceof Constructor<?>;
		if ((constructor || IO_PACKAGES.contains(pkg)) && declaresIo(member) && opensOrUsesResource(owner, member)) {
			return new BlockingApi(typeName, pattern, "I/O on a file, socket or name service (declares IOException)",
					IO_SUGGESTION);
		}
		if (SQL_PACKAGES.contains(pkg) && declaresSql(member) && !isLocalJdbcState(name)) {
			return new BlockingApi(typeName, pattern, "JDBC call (declares SQLException)", SQL_SUGGESTION);
		}
		return null;
	}

	private @Nullable Class<?> load(String name) {
		try {
			return Class.forName(name, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	private static boolean isJdk(Class<?> type) {
		String module = type.getModule().getName();
		return module != null && (module.startsWith("java.") || module.startsWith("jdk."));
	}

	private static @Nullable Executable constructor(Class<?> owner, String descriptor) {
		for (Constructor<?> constructor : owner.getDeclaredConstructors()) {
			if (Type.getConstructorDescriptor(constructor).equals(descriptor)) {
				return constructor;
			}
		}
		return null;
	}

	/** The method a call resolves to: up the superclasses, then the interfaces. */
	private static @Nullable Executable method(Class<?> owner, String name, String descriptor) {
		Deque<Class<?>> pending = new ArrayDeque<>();
		Set<Class<?>> seen = new HashSet<>();
		pending.add(owner);
		while (!pending.isEmpty()) {
			Class<?> type = pending.poll();
			if (!seen.add(type)) {
				continue;
			}
			for (Method method : type.getDeclaredMethods()) {
				if (method.getName().equals(name) && Type.getMethodDescriptor(method).equals(descriptor)) {
					return method;
				}
			}
			if (type.getSuperclass() != null) {
				pending.add(type.getSuperclass());
			}
			Collections.addAll(pending, type.getInterfaces());
		}
		return null;
	}

	private static boolean declares(Executable member, Class<?> exception) {
		for (Class<?> declared : member.getExceptionTypes()) {
			if (exception.isAssignableFrom(declared)) {
				return true;
			}
		}
		return false;
	}

	private static boolean declaresIo(Executable member) {
		for (Class<?> declared : member.getExceptionTypes()) {
			if (IOException.class.isAssignableFrom(declared) && declared != MalformedURLException.class
					&& declared != UnsupportedEncodingException.class) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Accessors of state a JDBC object holds locally (statement parameters, the current
	 * row, batches, warnings) and {@code close}: they declare {@code SQLException} but are
	 * not round trips. The listed entries still name the round trips among them
	 * ({@code Connection.setAutoCommit}, {@code getMetaData}, {@code isValid}).
	 */
	private static boolean isLocalJdbcState(String name) {
		for (String prefix : LOCAL_JDBC_STATE) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return name.equals("close");
	}

	private static boolean declaresSql(Executable member) {
		for (Class<?> declared : member.getExceptionTypes()) {
			if (declared.getName().equals("java.sql.SQLException") || isSubclassOf(declared, "java.sql.SQLException")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isSubclassOf(Class<?> type, String name) {
		for (Class<?> current = type.getSuperclass(); current != null; current = current.getSuperclass()) {
			if (current.getName().equals(name)) {
				return true;
			}
		}
		return false;
	}

	private static boolean opensOrUsesResource(Class<?> owner, Executable member) {
		if (member instanceof Constructor<?>) {
			for (Class<?> parameter : member.getParameterTypes()) {
				if (isStream(parameter) || Channel.class.isAssignableFrom(parameter)) {
					// a wrapper: whatever it reads from was opened elsewhere
					return false;
				}
			}
			return true;
		}
		if (member.getName().equals("close")) {
			// closing what was opened, and reported, before
			return false;
		}
		return !isStream(owner) || holdsDescriptor(owner);
	}

	private static boolean isStream(Class<?> type) {
		return InputStream.class.isAssignableFrom(type) || OutputStream.class.isAssignableFrom(type)
				|| Reader.class.isAssignableFrom(type) || Writer.class.isAssignableFrom(type);
	}

	private static boolean holdsDescriptor(Class<?> type) {
		for (Class<?> current = type; current != null; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				if (field.getType() == FileDescriptor.class) {
					return true;
				}
			}
		}
		return false;
	}

}
