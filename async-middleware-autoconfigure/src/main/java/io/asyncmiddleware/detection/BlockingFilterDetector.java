package io.asyncmiddleware.detection;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.asyncmiddleware.hooks.SyncHooks;
import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodNode;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Decides whether a filter blocks, at startup, without running it.
 *
 * <p>In order: a {@link SyncHooks} implementation is {@link Verdict.Kind#SYNC_HOOKS};
 * a class (or, for a lambda filter, {@code @Bean} method) annotated {@link Blocking} or
 * {@link NonBlocking} gets the declared verdict; otherwise the bytecode of its
 * {@code filter(ServerWebExchange, WebFilterChain)} method and what it reaches is
 * scanned (see {@link BlockingCallScanner}). The scope of the scan is the configured
 * packages plus the package of the filter class and of the class declaring its
 * {@code filter} method.
 *
 * <p>Spring AOP proxies are unwrapped to their target. A filter written as a lambda
 * (a hidden class, whose bytes cannot be read) is scanned through the {@code @Bean}
 * method that created it: its {@code invokedynamic} names the lambda's body. A filter
 * whose bytecode cannot be read is {@link Verdict.Source#NOT_ANALYSED}: treated as
 * non-blocking, with a note saying why.
 *
 * <p>Thread-safe; parsed classes are cached across calls.
 */
public final class BlockingFilterDetector {

	private static final String FILTER_METHOD = "filter";

	private static final String FILTER_DESCRIPTOR = "(Lorg/springframework/web/server/ServerWebExchange;"
			+ "Lorg/springframework/web/server/WebFilterChain;)Lreactor/core/publisher/Mono;";

	/** How many reference hops from the filter to look for field implementations. */
	private static final int FIELD_DEPTH = 2;

	private final ScanScope scope;

	private final ClassNodeCache classNodes;

	private final BlockingCallScanner scanner;

	/**
	 * Create a detector.
	 * @param catalogue the blocking APIs to look for
	 * @param scopePackages packages whose classes the scan follows calls into (each
	 * filter's own package is added)
	 * @param maxDepth how many methods deep to follow, counting the filter method as 1
	 * @param classLoader the loader to read class files from
	 */
	public BlockingFilterDetector(BlockingApiCatalogue catalogue, List<String> scopePackages, int maxDepth,
			ClassLoader classLoader) {
		Assert.notNull(catalogue, "'catalogue' must not be null");
		Assert.notNull(scopePackages, "'scopePackages' must not be null");
		Assert.isTrue(maxDepth >= 1, "'maxDepth' must be at least 1 (the filter method itself)");
		Assert.notNull(classLoader, "'classLoader' must not be null");
		this.scope = ScanScope.of(scopePackages);
		this.classNodes = new ClassNodeCache(classLoader);
		this.scanner = new BlockingCallScanner(catalogue, this.classNodes, maxDepth);
	}

	/**
	 * Decide whether a filter blocks.
	 * @param filter a {@code WebFilter} or {@link SyncHooks} instance
	 * @return the verdict
	 */
	public Verdict detect(Object filter) {
		return detect(filter, null);
	}

	/**
	 * Decide whether a filter blocks.
	 * @param filter a {@code WebFilter} or {@link SyncHooks} instance
	 * @param factoryMethod the {@code @Bean} method that created it, if known; needed to
	 * scan a filter written as a lambda
	 * @return the verdict
	 */
	public Verdict detect(Object filter, @Nullable Method factoryMethod) {
		Assert.notNull(filter, "'filter' must not be null");
		Object target = unwrap(filter);
		Class<?> type = ClassUtils.getUserClass(target);
		if (target instanceof SyncHooks) {
			return declared(Verdict.Kind.SYNC_HOOKS, "implements SyncHooks: each hook runs on a worker thread");
		}
		Verdict declared = declaredVerdict(type.getSimpleName(), type);
		if (declared == null && factoryMethod != null) {
			declared = declaredVerdict(factoryMethod.getDeclaringClass().getSimpleName() + "." + factoryMethod.getName(),
					factoryMethod);
		}
		if (declared != null) {
			return declared;
		}
		String typeName = internalName(type);
		ClassNode node = this.classNodes.get(typeName);
		if (node != null) {
			MethodRef entry = this.scanner.findImplementation(typeName, FILTER_METHOD, FILTER_DESCRIPTOR, null);
			if (entry == null) {
				return notAnalysed("no filter(ServerWebExchange, WebFilterChain) method with code found in "
						+ type.getName());
			}
			ScanScope filterScope = this.scope.with(typeName).with(entry.owner().name);
			return verdict(List.of(entry), filterScope, typeName, target);
		}
		if (factoryMethod != null) {
			return lambdaVerdict(target, type, factoryMethod);
		}
		return notAnalysed("bytecode of " + type.getName() + " could not be read (a lambda or generated class? "
				+ "pass the @Bean factory method, or declare it @Blocking/@NonBlocking)");
	}

	private Verdict lambdaVerdict(Object target, Class<?> type, Method factoryMethod) {
		Class<?> factoryClass = ClassUtils.getUserClass(factoryMethod.getDeclaringClass());
		String factoryName = internalName(factoryClass);
		ClassNode factoryNode = this.classNodes.get(factoryName);
		MethodNode factory = (factoryNode != null) ? findMethod(factoryNode, factoryMethod) : null;
		if (factory == null) {
			return notAnalysed("bytecode of " + type.getName() + " and of its factory method "
					+ factoryClass.getName() + "." + factoryMethod.getName() + " could not be read");
		}
		Set<String> implemented = new LinkedHashSet<>();
		for (Class<?> implementedType : ClassUtils.getAllInterfacesForClassAsSet(type)) {
			implemented.add(internalName(implementedType));
		}
		List<MethodRef> entries = new ArrayList<>();
		for (AbstractInsnNode insn : factory.instructions) {
			if (OffloadedLambdas.isLambda(insn) && implemented
				.contains(Type.getReturnType(((InvokeDynamicInsnNode) insn).desc).getInternalName())) {
				Handle body = (Handle) ((InvokeDynamicInsnNode) insn).bsmArgs[1];
				MethodRef entry = this.scanner.findImplementation(body.getOwner(), body.getName(), body.getDesc(),
						null);
				if (entry != null && !entries.contains(entry)) {
					entries.add(entry);
				}
			}
		}
		if (entries.isEmpty()) {
			return notAnalysed("no lambda creating " + type.getName() + " found in factory method "
					+ factoryClass.getName() + "." + factoryMethod.getName());
		}
		ScanScope lambdaScope = this.scope.with(factoryName);
		for (MethodRef entry : entries) {
			lambdaScope = lambdaScope.with(entry.owner().name);
		}
		return verdict(entries, lambdaScope, null, target);
	}

	private Verdict verdict(List<MethodRef> entries, ScanScope filterScope, @Nullable String receiverType,
			Object target) {
		FieldValues fieldValues = fieldValues(target, filterScope);
		BlockingCallScanner.Result result = this.scanner.scan(entries, filterScope, receiverType,
				fieldValues.implementations(), fieldValues.lambdaHosts());
		if (result.evidence().isEmpty()) {
			// a non-blocking verdict is only as sure as the calls the scan could follow
			return result.doubts().isEmpty() ? Verdict.nonBlocking()
					: new Verdict(Verdict.Kind.NON_BLOCKING, Verdict.Source.STATIC_ANALYSIS, List.of(),
							Verdict.Certainty.LOW, result.doubts());
		}
		return new Verdict(Verdict.Kind.BLOCKING, Verdict.Source.STATIC_ANALYSIS, result.evidence());
	}

	private static @Nullable MethodNode findMethod(ClassNode node, Method method) {
		String descriptor = Type.getMethodDescriptor(method);
		for (MethodNode candidate : node.methods) {
			if (candidate.name.equals(method.getName()) && candidate.desc.equals(descriptor)) {
				return candidate;
			}
		}
		return null;
	}

	private static @Nullable Verdict declaredVerdict(String name, AnnotatedElement element) {
		// searches superclasses, interfaces and meta-annotations too
		Blocking blocking = AnnotatedElementUtils.findMergedAnnotation(element, Blocking.class);
		if (blocking != null) {
			return declared(Verdict.Kind.BLOCKING, withReason("declared @Blocking on " + name, blocking.value()));
		}
		NonBlocking nonBlocking = AnnotatedElementUtils.findMergedAnnotation(element, NonBlocking.class);
		if (nonBlocking != null) {
			return declared(Verdict.Kind.NON_BLOCKING,
					withReason("declared @NonBlocking on " + name, nonBlocking.value()));
		}
		return null;
	}

	private static String withReason(String declaration, String reason) {
		return StringUtils.hasText(reason) ? declaration + ": " + reason : declaration;
	}

	private static Verdict declared(Verdict.Kind kind, String description) {
		return new Verdict(kind, Verdict.Source.DECLARED, List.of(Evidence.declared(description)));
	}

	private static Verdict notAnalysed(String reason) {
		return new Verdict(Verdict.Kind.NON_BLOCKING, Verdict.Source.NOT_ANALYSED, List.of(Evidence.note(reason)));
	}

	private static Object unwrap(Object candidate) {
		Object current = candidate;
		Object target = AopProxyUtils.getSingletonTarget(current);
		while (target != null && target != current) {
			current = target;
			target = AopProxyUtils.getSingletonTarget(current);
		}
		return current;
	}

	/**
	 * Runtime classes, in scope, of the objects the filter references (to a small depth):
	 * they tell which implementation a call on an interface reaches. For a field whose
	 * value is a lambda (a hidden class, unreadable), the class that created it.
	 */
	private static FieldValues fieldValues(Object filter, ScanScope scope) {
		FieldValues values = new FieldValues(new LinkedHashSet<>(), new LinkedHashMap<>());
		Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Object> level = new ArrayDeque<>(List.of(filter));
		for (int depth = 0; depth < FIELD_DEPTH && !level.isEmpty(); depth++) {
			Deque<Object> next = new ArrayDeque<>();
			for (Object object : level) {
				if (seen.add(object)) {
					collectFieldValues(object, scope, values, next);
				}
			}
			level = next;
		}
		return values;
	}

	private static void collectFieldValues(Object object, ScanScope scope, FieldValues values, Deque<Object> next) {
		for (Class<?> type = object.getClass(); type != null && scope.includes(internalName(type)); type = type
			.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
					continue;
				}
				Object value = fieldValue(field, object);
				if (value == null) {
					continue;
				}
				Object target = unwrap(value);
				Class<?> valueType = ClassUtils.getUserClass(target);
				String valueName = valueType.getName();
				int lambda = valueName.indexOf("$$Lambda");
				if (valueType.isHidden() && lambda > 0) {
					values.lambdaHosts()
						.computeIfAbsent(internalName(type) + "." + field.getName(), (key) -> new LinkedHashSet<>())
						.add(valueName.substring(0, lambda).replace('.', '/'));
				}
				else if (!valueType.isHidden() && scope.includes(internalName(valueType))) {
					values.implementations().add(internalName(valueType));
					next.add(target);
				}
			}
		}
	}

	private static @Nullable Object fieldValue(Field field, Object object) {
		try {
			field.setAccessible(true);
			return field.get(object);
		}
		catch (RuntimeException | IllegalAccessException ex) {
			// e.g. a module that does not open the package: no hint from this field
			return null;
		}
	}

	private static String internalName(Class<?> type) {
		return type.getName().replace('.', '/');
	}

	/**
	 * What the filter's fields hold.
	 * @param implementations runtime classes in scope (internal names)
	 * @param lambdaHosts per field ({@code owner.name}) holding a lambda, the classes that
	 * created it
	 */
	private record FieldValues(Set<String> implementations, Map<String, Set<String>> lambdaHosts) {
	}

}
