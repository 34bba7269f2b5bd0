package io.asyncmiddleware.detection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

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
 * {@code LambdaMetafactory}) unless {@link OffloadedLambdas} shows Reactor runs them on
 * a worker. Calls to classes outside the scope are only matched against the catalogue.
 *
 * <p>The result is one {@link Evidence} per distinct blocking API (owner type and method
 * as called), with the shortest chain found, in the order found: deterministic for the
 * same bytecode. Parsed classes and per-method analyses are cached for the life of the
 * scanner; scans are serialised because ASM's instruction lists index themselves lazily.
 */
final class BlockingCallScanner {

	private final BlockingApiCatalogue catalogue;

	private final ClassNodeCache classNodes;

	private final TypeHierarchy hierarchy;

	private final int maxDepth;

	private final Map<MethodNode, Set<AbstractInsnNode>> offloaded = new ConcurrentHashMap<>();

	BlockingCallScanner(BlockingApiCatalogue catalogue, ClassNodeCache classNodes, int maxDepth) {
		this.catalogue = catalogue;
		this.classNodes = classNodes;
		this.hierarchy = new TypeHierarchy(classNodes);
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
	 * @return the evidence, empty if no blocking call is reached
	 */
	synchronized List<Evidence> scan(List<MethodRef> entries, ScanScope scope, @Nullable String receiverType,
			Set<String> implementations) {
		Map<String, Evidence> found = new LinkedHashMap<>();
		Set<MethodRef> visited = new HashSet<>(entries);
		Deque<Step> queue = new ArrayDeque<>();
		entries.forEach((entry) -> queue.add(new Step(entry, List.of())));
		Resolution resolution = new Resolution(scope, receiverType, implementations);
		while (!queue.isEmpty()) {
			Step step = queue.poll();
			scanMethod(step, resolution, found, visited, queue);
		}
		return List.copyOf(found.values());
	}

	private void scanMethod(Step step, Resolution resolution, Map<String, Evidence> found, Set<MethodRef> visited,
			Deque<Step> queue) {
		MethodRef current = step.method();
		boolean canFollow = step.chain().size() + 1 < this.maxDepth;
		Set<AbstractInsnNode> offloadedLambdas = this.offloaded.computeIfAbsent(current.method(),
				(method) -> OffloadedLambdas.find(current.owner().name, method));
		int line = -1;
		for (AbstractInsnNode insn : current.method().instructions) {
			if (insn instanceof LineNumberNode lineNumber) {
				line = lineNumber.line;
				continue;
			}
			Call call = toCall(insn, offloadedLambdas);
			if (call == null || call.owner().startsWith("[")) {
				continue;
			}
			boolean inScope = resolution.scope().includes(call.owner());
			BlockingApi api = this.catalogue
				.match(this.hierarchy.typeAndSupertypes(call.owner(), resolution.scope()), call.name());
			if (api != null) {
				String apiName = call.owner().replace('/', '.') + "." + call.name();
				if (!found.containsKey(apiName)) {
					List<CallSite> chain = append(step.chain(), current.callSite(line));
					found.put(apiName, new Evidence(chain, apiName, api.description(), api.suggestion()));
				}
			}
			else if (inScope && canFollow) {
				for (MethodRef target : targets(call, resolution)) {
					if (visited.add(target)) {
						queue.add(new Step(target, append(step.chain(), current.callSite(line))));
					}
				}
			}
		}
	}

	private static @Nullable Call toCall(AbstractInsnNode insn, Set<AbstractInsnNode> offloadedLambdas) {
		if (insn instanceof MethodInsnNode call) {
			return new Call(call.getOpcode() == Opcodes.INVOKEVIRTUAL || call.getOpcode() == Opcodes.INVOKEINTERFACE,
					call.owner, call.name, call.desc);
		}
		if (OffloadedLambdas.isLambda(insn) && !offloadedLambdas.contains(insn)) {
			Handle handle = (Handle) ((InvokeDynamicInsnNode) insn).bsmArgs[1];
			boolean virtual = handle.getTag() == Opcodes.H_INVOKEVIRTUAL
					|| handle.getTag() == Opcodes.H_INVOKEINTERFACE;
			return new Call(virtual, handle.getOwner(), handle.getName(), handle.getDesc());
		}
		return null;
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

	private record Step(MethodRef method, List<CallSite> chain) {
	}

	private record Call(boolean virtual, String owner, String name, String desc) {
	}

	private record Resolution(ScanScope scope, @Nullable String receiverType, Set<String> implementations) {
	}

}
