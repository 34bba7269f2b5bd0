package io.asyncmiddleware.detection;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.tree.ClassNode;

/**
 * The supertypes of a type, for matching calls against the catalogue's "subtypes match"
 * rule. Classes in the scan's scope are walked from their class files; others
 * (the JDK, libraries) are looked up with {@code Class.forName(name, false, loader)},
 * which loads but never initialises them, else read from their class files; a type that
 * cannot be found at all is only itself (so catalogue types missing from the class path,
 * such as {@code javax.persistence}, still match by name).
 */
final class TypeHierarchy {

	private final ClassNodeCache classNodes;

	private final Map<String, Set<String>> supertypes = new ConcurrentHashMap<>();

	TypeHierarchy(ClassNodeCache classNodes) {
		this.classNodes = classNodes;
	}

	/**
	 * The type itself, then its superclasses and interfaces, then {@code java.lang.Object};
	 * binary names ({@code java.sql.Statement}).
	 * @param internalName the type's internal name
	 * @param scope the scan's scope: its classes are read from class files, never loaded
	 * @return the type and its supertypes, in a stable order
	 */
	Set<String> typeAndSupertypes(String internalName, ScanScope scope) {
		Set<String> known = this.supertypes.get(internalName);
		if (known == null) {
			known = Collections.unmodifiableSet(compute(internalName, scope));
			this.supertypes.putIfAbsent(internalName, known);
		}
		return known;
	}

	boolean isSubtype(String internalName, String superInternalName, ScanScope scope) {
		return typeAndSupertypes(internalName, scope).contains(superInternalName.replace('/', '.'));
	}

	private Set<String> compute(String internalName, ScanScope scope) {
		Set<String> result = new LinkedHashSet<>();
		Deque<String> pending = new ArrayDeque<>();
		pending.add(internalName);
		while (!pending.isEmpty()) {
			String name = pending.poll();
			if (!result.add(name.replace('/', '.'))) {
				continue;
			}
			// classes in scope (or already parsed) are walked without loading them
			ClassNode node = scope.includes(name) ? this.classNodes.get(name) : this.classNodes.getIfParsed(name);
			if (node == null && !addLoaded(name, result)) {
				node = this.classNodes.get(name);
			}
			if (node != null) {
				if (node.superName != null) {
					pending.add(node.superName);
				}
				pending.addAll(node.interfaces);
			}
		}
		result.add("java.lang.Object");
		return result;
	}

	private boolean addLoaded(String internalName, Set<String> result) {
		Class<?> type;
		try {
			type = Class.forName(internalName.replace('/', '.'), false, this.classNodes.classLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
		Deque<Class<?>> pending = new ArrayDeque<>();
		pending.add(type);
		while (!pending.isEmpty()) {
			Class<?> current = pending.poll();
			result.add(current.getName());
			if (current.getSuperclass() != null) {
				pending.add(current.getSuperclass());
			}
			Collections.addAll(pending, current.getInterfaces());
		}
		return true;
	}

}
