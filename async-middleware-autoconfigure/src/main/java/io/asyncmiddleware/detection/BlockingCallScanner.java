package io.asyncmiddleware.detection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * The bytecode scan: from a filter's entry method, a breadth-first walk over the calls it
 * makes, matching each against the {@link BlockingApiCatalogue}.
 *
 * <p>Calls into classes in the {@link ScanScope} are followed, to a maximum depth
 * counted in methods (the entry method is depth 1; a lambda body is one more level):
 * static, private and {@code super} calls, virtual and interface calls (resolved up the
 * class hierarchy, default methods included, starting from the filter's runtime class
 * when the call is on one of its supertypes, or from the runtime classes of the filter's
 * fields when they implement the called type), and the implementation methods of
 * lambdas and method references ({@code invokedynamic} through
 * {@code LambdaMetafactory}) unless {@link OffloadedLambdas} shows they run on another
 * thread (a Reactor worker, or an executor they are handed to). Objects of classes in
 * scope created by a method (anonymous classes, typically) have the methods that
 * implement their interfaces from outside the scope followed, unless handed off the same
 * way. A call on an interface or class outside the scope (a {@code Supplier}, a
 * {@code Function}...) is followed into the values its receiver can hold: the runtime
 * classes in scope of the filter's fields, an object created in the method, and for a
 * field of a class in scope, the lambdas, method references and objects its
 * initialisers and constructors assign to it (or, when a constructor assigns a
 * parameter, the lambdas of the class that created the runtime value). Calls to classes
 * outside the scope are otherwise only matched against the catalogue, whose JDK part is
 * derived ({@link JdkBlockingSurface}).
 *
 * <p>The result is one {@link Evidence} per distinct blocking API (owner type and method
 * as called), with the shortest chain found, in the order found: deterministic for the
 * same bytecode. Parsed classes and per-method analyses are cached for the life of the
 * scanner; scans are serialised because ASM's instruction lists index themselves lazily.
 */
final class BlockingCallScanner {

	static final int MAX_DOUBTS = 5;

	private final BlockingApiCatalogue catalogue;

	private final ClassNodeCache classNodes;

	private final TypeHierarchy hierarchy;

	private final int maxDepth;

	private final JdkBlockingSurface jdk;

	private final Map<MethodNode, Set<AbstractInsnNode>> offloaded = new ConcurrentHashMap<>();

	private final Map<MethodNode, Optional<ValueFlow>> flows = new ConcurrentHashMap<>();

	private final Map<MethodNode, Boolean> readsFieldsOrCreates = new ConcurrentHashMap<>();

	BlockingCallScanner(BlockingApiCatalogue catalogue, ClassNodeCache classNodes, int maxDepth) {
		this.catalogue = catalogue;
		this.classNodes = classNodes;
		this.hierarchy = new TypeHierarchy(classNodes);
		this.jdk = new JdkBlockingSurface(classNodes.classLoader());
		this.maxDepth = maxDepth;
	}

	/**
	 * Scan from entry methods.
	 * @param entries the entry methods (a filter's {@code filter} method, or a lambda
	 * filter's implementation method)
	 * @param scope the classes to follow calls into
	 * @param receiverType the filter's runtime class (internal name), or {@code null}
	 * @param implementations runtime classes (internal names) of the filter's fields, to
	 * resolve calls on the types they implement
	 * @param lambdaHosts per field ({@code owner.name}, internal owner name) whose runtime
	 * value is a lambda, the class that created it
	 * @return the evidence, empty if no blocking call is reached
	 */
	synchronized Result scan(List<MethodRef> entries, ScanScope scope, @Nullable String receiverType,
			Set<String> implementations, Map<String, Set<String>> lambdaHosts) {
		Map<String, Evidence> found = new LinkedHashMap<>();
		Set<String> doubts = new LinkedHashSet<>();
		Set<MethodRef> visited = new HashSet<>(entries);
		Deque<Step> queue = new ArrayDeque<>();
		entries.forEach((entry) -> queue.add(new Step(entry, List.of())));
		Resolution resolution = new Resolution(scope, receiverType, implementations, lambdaHosts);
		while (!queue.isEmpty()) {
			Step step = queue.poll();
			scanMethod(step, resolution, found, visited, queue, doubts);
		}
		return new Result(List.copyOf(found.values()), doubts.stream().limit(MAX_DOUBTS).toList());
	}

	private void scanMethod(Step step, Resolution resolution, Map<String, Evidence> found, Set<MethodRef> visited,
			Deque<Step> queue, Set<String> doubts) {
		MethodRef current = step.method();
		boolean canFollow = step.chain().size() + 1 < this.maxDepth;
		Set<AbstractInsnNode> offloadedHere = this.offloaded.computeIfAbsent(current.method(),
				(method) -> OffloadedLambdas.find(current.owner().name, method,
						(type) -> isExecutor(type, resolution.scope())));
		int line = -1;
		for (AbstractInsnNode insn : current.method().instructions) {
			if (insn instanceof LineNumberNode lineNumber) {
				line = lineNumber.line;
				continue;
			}
			if (insn instanceof TypeInsnNode creation && creation.getOpcode() == Opcodes.NEW) {
				if (canFollow && !offloadedHere.contains(insn) && resolution.scope().includes(creation.desc)) {
					for (MethodRef target : interfaceImplementations(creation.desc, resolution.scope())) {
						follow(target, step, current, line, visited, queue);
					}
				}
			}
			Call call = toCall(insn, offloadedHere);
			if (call == null || call.owner().startsWith("[")) {
				continue;
			}
			if (matched(call, step, current, line, resolution, found)) {
				continue;
			}
			if (isReflective(call)) {
				doubts.add("reflective call " + simpleName(call.owner()) + "." + call.name() + " in "
						+ current.callSite(line));
			}
			boolean inScope = resolution.scope().includes(call.owner());
			if (!canFollow) {
				if (inScope && !call.name().equals("<init>")) {
					doubts.add("max-depth reached: " + simpleName(call.owner()) + "." + call.name() + " called in "
							+ current.callSite(line) + " not followed");
				}
				continue;
			}
			if (inScope) {
				List<MethodRef> targets = targets(call, resolution);
				for (MethodRef target : targets) {
					follow(target, step, current, line, visited, queue);
				}
				// the application's own functional interfaces: with no class implementing them,
				// the values assigned to the field the receiver was read from are what runs
				boolean valuesFound = targets.isEmpty() && call.virtual() && insn instanceof MethodInsnNode methodCall
						&& followReceiverValues(methodCall, step, current, line, resolution, found, visited, queue);
				if (targets.isEmpty() && call.virtual() && !valuesFound) {
					doubts.add("no implementation known for " + simpleName(call.owner()) + "." + call.name()
							+ " called in " + current.callSite(line));
				}
			}
			else if (call.virtual()) {
				for (MethodRef target : implementationTargets(call, resolution)) {
					follow(target, step, current, line, visited, queue);
				}
				if (insn instanceof MethodInsnNode methodCall) {
					followReceiverValues(methodCall, step, current, line, resolution, found, visited, queue);
				}
			}
		}
	}

	/**
	 * Follow (or match against the catalogue) what a virtual call's receiver can hold.
	 * @return whether the receiver has any known value
	 */
	private boolean followReceiverValues(MethodInsnNode methodCall, Step step, MethodRef current, int line,
			Resolution resolution, Map<String, Evidence> found, Set<MethodRef> visited, Deque<Step> queue) {
		List<Call> values = receiverValues(current, methodCall, resolution);
		for (Call value : values) {
			if (!matched(value, step, current, line, resolution, found)
					&& resolution.scope().includes(value.owner())) {
				MethodRef target = findImplementation(value.owner(), value.name(), value.desc(), resolution.scope());
				if (target != null) {
					follow(target, step, current, line, visited, queue);
				}
			}
		}
		return !values.isEmpty();
	}

	/** Match a call against the catalogue; on a match, record the evidence. */
	private boolean matched(Call call, Step step, MethodRef current, int line, Resolution resolution,
			Map<String, Evidence> found) {
		Set<String> types = this.hierarchy.typeAndSupertypes(call.owner(), resolution.scope());
		BlockingApi api = this.catalogue.match(types, call.name(),
				() -> this.jdk.match(call.owner(), call.name(), call.desc()));
		if (api == null) {
			return false;
		}
		String type = call.owner().replace('/', '.');
		String apiName = call.name().equals("<init>") ? "new " + type : type + "." + call.name();
		if (!found.containsKey(apiName)) {
			List<CallSite> chain = append(step.chain(), current.callSite(line));
			found.put(apiName, new Evidence(chain, apiName, api.description(), api.suggestion()));
		}
		return true;
	}

	private static boolean isReflective(Call call) {
		return (call.owner().equals("java/lang/reflect/Method") && call.name().equals("invoke"))
				|| (call.owner().equals("java/lang/invoke/MethodHandle") && call.name().startsWith("invoke"));
	}

	private static String simpleName(String internalName) {
		return internalName.substring(internalName.lastIndexOf('/') + 1);
	}

	private static void follow(MethodRef target, Step step, MethodRef current, int line, Set<MethodRef> visited,
			Deque<Step> queue) {
		if (visited.add(target)) {
			queue.add(new Step(target, append(step.chain(), current.callSite(line))));
		}
	}

	private boolean isExecutor(String internalName, ScanScope scope) {
		return !internalName.startsWith("[")
				&& this.hierarchy.typeAndSupertypes(internalName, scope).contains("java.util.concurrent.Executor");
	}

	private static @Nullable Call toCall(AbstractInsnNode insn, Set<AbstractInsnNode> offloadedLambdas) {
		if (insn instanceof MethodInsnNode call) {
			return new Call(call.getOpcode() == Opcodes.INVOKEVIRTUAL || call.getOpcode() == Opcodes.INVOKEINTERFACE,
					call.owner, call.name, call.desc);
		}
		if (OffloadedLambdas.isLambda(insn) && !offloadedLambdas.contains(insn)) {
			return handleCall((Handle) ((InvokeDynamicInsnNode) insn).bsmArgs[1]);
		}
		return null;
	}

	private static Call handleCall(Handle handle) {
		boolean virtual = handle.getTag() == Opcodes.H_INVOKEVIRTUAL || handle.getTag() == Opcodes.H_INVOKEINTERFACE;
		return new Call(virtual, handle.getOwner(), handle.getName(), handle.getDesc());
	}

	/**
	 * The methods of a class in scope that implement the abstract methods of its
	 * interfaces from outside the scope: what code we do not scan (Reactor, the JDK) may
	 * call on an object of it.
	 */
	private List<MethodRef> interfaceImplementations(String type, ScanScope scope) {
		ClassNode node = this.classNodes.get(type);
		if (node == null) {
			return List.of();
		}
		List<MethodRef> implementations = new ArrayList<>();
		for (String implemented : node.interfaces) {
			ClassNode contract = scope.includes(implemented) ? null : this.classNodes.get(implemented);
			if (contract == null) {
				continue;
			}
			for (MethodNode method : contract.methods) {
				if ((method.access & Opcodes.ACC_ABSTRACT) != 0) {
					MethodRef implementation = findImplementation(type, method.name, method.desc, scope);
					if (implementation != null && !implementations.contains(implementation)) {
						implementations.add(implementation);
					}
				}
			}
		}
		return implementations;
	}

	/** For a call on a type outside the scope: its implementations among the runtime classes of the fields. */
	private List<MethodRef> implementationTargets(Call call, Resolution resolution) {
		List<MethodRef> targets = new ArrayList<>();
		for (String implementation : resolution.implementations()) {
			if (this.hierarchy.isSubtype(implementation, call.owner(), resolution.scope())) {
				MethodRef target = findImplementation(implementation, call.name(), call.desc(), resolution.scope());
				if (target != null && !targets.contains(target)) {
					targets.add(target);
				}
			}
		}
		return targets;
	}

	/**
	 * What a call on a type outside the scope runs, from the values its receiver can hold:
	 * an object of a class in scope created in this method, or the values assigned to the
	 * field of a class in scope it was read from.
	 */
	private List<Call> receiverValues(MethodRef current, MethodInsnNode call, Resolution resolution) {
		if (!this.readsFieldsOrCreates.computeIfAbsent(current.method(),
				BlockingCallScanner::readsFieldOrCreates)) {
			return List.of();
		}
		ValueFlow flow = flow(current);
		List<Set<AbstractInsnNode>> operands = (flow != null) ? flow.operands(call) : List.of();
		if (operands.isEmpty()) {
			return List.of();
		}
		List<Call> values = new ArrayList<>();
		for (AbstractInsnNode origin : operands.get(0)) {
			if (origin instanceof TypeInsnNode creation && creation.getOpcode() == Opcodes.NEW) {
				values.add(new Call(false, creation.desc, call.name, call.desc));
			}
			else if (origin instanceof FieldInsnNode field && resolution.scope().includes(field.owner)) {
				values.addAll(fieldValues(field, call, resolution));
			}
		}
		return values;
	}

	private static boolean readsFieldOrCreates(MethodNode method) {
		for (AbstractInsnNode insn : method.instructions) {
			if ((insn instanceof FieldInsnNode field && field.desc.startsWith("L")
					&& (field.getOpcode() == Opcodes.GETFIELD || field.getOpcode() == Opcodes.GETSTATIC))
					|| (insn instanceof TypeInsnNode type && type.getOpcode() == Opcodes.NEW)) {
				return true;
			}
		}
		return false;
	}

	/** The values the initialisers and constructors (any method) of the field's class assign to it. */
	private List<Call> fieldValues(FieldInsnNode field, MethodInsnNode call, Resolution resolution) {
		ClassNode owner = this.classNodes.get(field.owner);
		if (owner == null) {
			return List.of();
		}
		int store = (field.getOpcode() == Opcodes.GETSTATIC) ? Opcodes.PUTSTATIC : Opcodes.PUTFIELD;
		List<Call> values = new ArrayList<>();
		for (MethodNode method : owner.methods) {
			for (AbstractInsnNode insn : method.instructions) {
				if (insn.getOpcode() != store || !((FieldInsnNode) insn).name.equals(field.name)
						|| !((FieldInsnNode) insn).owner.equals(field.owner)) {
					continue;
				}
				ValueFlow flow = flow(new MethodRef(owner, method));
				if (flow == null) {
					continue;
				}
				for (AbstractInsnNode origin : flow.topOfStackBefore(insn)) {
					if (OffloadedLambdas.isLambda(origin) && ((InvokeDynamicInsnNode) origin).name.equals(call.name)) {
						values.add(handleCall((Handle) ((InvokeDynamicInsnNode) origin).bsmArgs[1]));
					}
					else if (origin instanceof TypeInsnNode creation && creation.getOpcode() == Opcodes.NEW) {
						values.add(new Call(false, creation.desc, call.name, call.desc));
					}
					else if (flow.isParameter(origin)) {
						values.addAll(lambdasOfHosts(resolution.lambdaHosts()
							.getOrDefault(field.owner + "." + field.name, Set.of()), field, call));
					}
				}
			}
		}
		return values;
	}

	/** The lambdas a class creates that could be the runtime value of a field. */
	private List<Call> lambdasOfHosts(Set<String> hosts, FieldInsnNode field, MethodInsnNode call) {
		String fieldType = Type.getType(field.desc).getInternalName();
		List<Call> values = new ArrayList<>();
		for (String host : hosts) {
			ClassNode node = this.classNodes.get(host);
			if (node == null) {
				continue;
			}
			for (MethodNode method : node.methods) {
				for (AbstractInsnNode insn : method.instructions) {
					if (OffloadedLambdas.isLambda(insn) && ((InvokeDynamicInsnNode) insn).name.equals(call.name)
							&& Type.getReturnType(((InvokeDynamicInsnNode) insn).desc)
								.getInternalName()
								.equals(fieldType)) {
						values.add(handleCall((Handle) ((InvokeDynamicInsnNode) insn).bsmArgs[1]));
					}
				}
			}
		}
		return values;
	}

	private @Nullable ValueFlow flow(MethodRef method) {
		return this.flows
			.computeIfAbsent(method.method(),
					(node) -> Optional.ofNullable(ValueFlow.analyze(method.owner().name, node)))
			.orElse(null);
	}

	private List<MethodRef> targets(Call call, Resolution resolution) {
		Set<String> starts = new LinkedHashSet<>();
		if (call.virtual()) {
			if (resolution.receiverType() != null
					&& this.hierarchy.isSubtype(resolution.receiverType(), call.owner(), resolution.scope())) {
				starts.add(resolution.receiverType());
			}
			for (String implementation : resolution.implementations()) {
				if (this.hierarchy.isSubtype(implementation, call.owner(), resolution.scope())) {
					starts.add(implementation);
				}
			}
		}
		if (starts.isEmpty()) {
			starts.add(call.owner());
		}
		List<MethodRef> targets = new ArrayList<>();
		for (String start : starts) {
			MethodRef target = findImplementation(start, call.name(), call.desc(), resolution.scope());
			if (target != null && !targets.contains(target)) {
				targets.add(target);
			}
		}
		return targets;
	}

	/**
	 * The method with code that a call on {@code start} runs: up the superclasses, then
	 * default methods of the interfaces; only through classes in scope.
	 * @param start the internal name of the class to start from
	 * @param name the method name
	 * @param desc the method descriptor
	 * @param scope the scope, or {@code null} for no restriction
	 * @return the method, or {@code null} if it has no code in scope
	 */
	@Nullable MethodRef findImplementation(String start, String name, String desc, @Nullable ScanScope scope) {
		List<ClassNode> classes = new ArrayList<>();
		String type = start;
		while (type != null && (scope == null || scope.includes(type))) {
			ClassNode node = this.classNodes.get(type);
			if (node == null) {
				break;
			}
			classes.add(node);
			MethodNode method = declared(node, name, desc);
			if (method != null && hasCode(method)) {
				return new MethodRef(node, method);
			}
			type = node.superName;
		}
		Deque<String> interfaces = new ArrayDeque<>();
		classes.forEach((node) -> interfaces.addAll(node.interfaces));
		Set<String> seen = new HashSet<>();
		while (!interfaces.isEmpty()) {
			String candidate = interfaces.poll();
			if (!seen.add(candidate) || (scope != null && !scope.includes(candidate))) {
				continue;
			}
			ClassNode node = this.classNodes.get(candidate);
			if (node == null) {
				continue;
			}
			MethodNode method = declared(node, name, desc);
			if (method != null && hasCode(method)) {
				return new MethodRef(node, method);
			}
			interfaces.addAll(node.interfaces);
		}
		return null;
	}

	private static @Nullable MethodNode declared(ClassNode node, String name, String desc) {
		for (MethodNode method : node.methods) {
			if (method.name.equals(name) && method.desc.equals(desc)) {
				return method;
			}
		}
		return null;
	}

	private static boolean hasCode(MethodNode method) {
		return (method.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0 && method.instructions.size() > 0;
	}

	private static List<CallSite> append(List<CallSite> chain, CallSite site) {
		List<CallSite> longer = new ArrayList<>(chain.size() + 1);
		longer.addAll(chain);
		longer.add(site);
		return longer;
	}

	/**
	 * What a scan found.
	 * @param evidence one per blocking API reached
	 * @param doubts the calls it could not follow, at most {@value #MAX_DOUBTS}
	 */
	record Result(List<Evidence> evidence, List<String> doubts) {
	}

	private record Step(MethodRef method, List<CallSite> chain) {
	}

	private record Call(boolean virtual, String owner, String name, String desc) {
	}

	private record Resolution(ScanScope scope, @Nullable String receiverType, Set<String> implementations,
			Map<String, Set<String>> lambdaHosts) {
	}

}
