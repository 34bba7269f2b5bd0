package io.asyncmiddleware.detection;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * Parsed class files, read once through a class loader's resources: scanned classes are
 * never loaded or initialised. A class whose bytes cannot be read or parsed is
 * remembered as absent.
 */
final class ClassNodeCache {

	private final ClassLoader classLoader;

	private final Map<String, Optional<ClassNode>> nodes = new ConcurrentHashMap<>();

	ClassNodeCache(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	ClassLoader classLoader() {
		return this.classLoader;
	}

	/**
	 * The parsed class, or {@code null} if its bytes cannot be read.
	 * @param internalName the internal name, e.g. {@code com/acme/AuditFilter}
	 * @return the class node or {@code null}
	 */
	@Nullable ClassNode get(String internalName) {
		return this.nodes.computeIfAbsent(internalName, this::read).orElse(null);
	}

	/**
	 * The parsed class if it was already read, without reading it.
	 * @param internalName the internal name
	 * @return the class node or {@code null}
	 */
	@Nullable ClassNode getIfParsed(String internalName) {
		Optional<ClassNode> node = this.nodes.get(internalName);
		return (node != null) ? node.orElse(null) : null;
	}

	private Optional<ClassNode> read(String internalName) {
		try (InputStream in = this.classLoader.getResourceAsStream(internalName + ".class")) {
			if (in == null) {
				return Optional.empty();
			}
			ClassNode node = new ClassNode();
			// frames are recomputed by the analyzer; code and line numbers are kept
			new ClassReader(in).accept(node, ClassReader.SKIP_FRAMES);
			return Optional.of(node);
		}
		catch (IOException | RuntimeException ex) {
			// unreadable, or a class file version ASM does not know
			return Optional.empty();
		}
	}

}
