package io.asyncmiddleware.detection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Finds the lambdas and method references of one method whose code Reactor runs on a
 * worker thread, so that the scan does not follow them.
 *
 * <p>A data-flow analysis (ASM's {@link Analyzer} with a {@link SourceInterpreter})
 * connects each value to the instructions that produced it, through local variables,
 * {@code dup} and casts. A lambda counts as offloaded when every use of it is one of:
 * <ol>
 * <li>an argument of a deferred source ({@code Mono/Flux.fromCallable},
 * {@code fromRunnable}, {@code fromSupplier}, {@code defer}, {@code create},
 * {@code generate}, {@code using}...) whose publisher, directly or through further
 * operators, gets {@code .subscribeOn(worker)} in the same method;</li>
 * <li>an argument of an operator (other than those that run at assembly or subscription
 * time: {@code transform}, {@code as}, {@code doOnSubscribe}, {@code doFirst},
 * {@code doFinally}...) whose upstream is {@code .publishOn(worker)} followed only by
 * operators that signal on the same thread ({@code map}, {@code filter},
 * {@code doOnNext}, {@code handle}...), or a synchronous source ({@code just},
 * {@code fromCallable}...) that gets {@code .subscribeOn(worker)}.</li>
 * </ol>
 * A worker is {@code Schedulers.boundedElastic()}, {@code newBoundedElastic(...)},
 * {@code fromExecutor(...)}, {@code fromExecutorService(...)}, or a value read from a
 * field of type {@code Scheduler} (trusted to be a worker).
 *
 * <p>Limits: the publisher must be built and scheduled in the same method; a scheduler
 * obtained from a method call other than {@code Schedulers}' factories, or a publisher
 * returned to a caller that adds {@code subscribeOn}, is not recognised, so the lambda
 * is followed and may be reported (declare the filter {@link NonBlocking} if so). After
 * an operator that may switch threads ({@code flatMap}, {@code then(Mono)},
 * {@code delayElement}, ...) the worker is no longer assumed.
 */
final class OffloadedLambdas {

	private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

	private static final String PUBLISHER_PACKAGE = "reactor/core/publisher/";

	private static final String SCHEDULERS = "reactor/core/scheduler/Schedulers";

	private static final String SCHEDULER_DESCRIPTOR = "Lreactor/core/scheduler/Scheduler;";

	private static final Set<String> WORKER_FACTORIES = Set.of("boundedElastic", "newBoundedElastic", "fromExecutor",
			"fromExecutorService");

	/** Static sources whose lambda arguments run when the publisher is subscribed. */
	private static final Set<String> DEFERRED_SOURCES = Set.of("fromCallable", "fromRunnable", "fromSupplier",
			"defer", "deferContextual", "fromStream", "fromIterable", "generate", "create", "push", "using",
			"usingWhen", "fromFuture", "fromCompletionStage");

	/** Static sources that emit on the thread that subscribes. */
	private static final Set<String> SYNC_SOURCES = Set.of("just", "justOrEmpty", "fromCallable", "fromSupplier",
			"fromRunnable", "fromIterable", "fromArray", "fromStream", "range", "empty");

	/** Operators that signal downstream on the thread their upstream signalled on. */
	private static final Set<String> SAME_THREAD_OPERATORS = Set.of("map", "mapNotNull", "filter", "doOnNext",
			"doOnSuccess", "doOnEach", "doOnError", "doOnComplete", "doOnTerminate", "doAfterTerminate", "handle",
			"cast", "ofType", "log", "checkpoint", "name", "tag", "hide", "onErrorMap", "onErrorReturn",
			"onErrorContinue", "onErrorComplete", "defaultIfEmpty", "take", "takeWhile", "skip", "skipWhile",
			"distinct", "distinctUntilChanged", "collectList", "collectMap", "collectMultimap", "collectSortedList",
			"collect", "reduce", "reduceWith", "scan", "buffer", "index", "single", "singleOrEmpty", "next", "last",
			"hasElement", "hasElements", "count", "all", "any", "thenReturn", "ignoreElement", "ignoreElements",
			"flatMapIterable", "concatMapIterable", "switchIfEmpty");

	/** Operators whose lambda runs at assembly or subscription, not on signals. */
	private static final Set<String> SUBSCRIPTION_TIME_OPERATORS = Set.of("transform", "transformDeferred",
			"transformDeferredContextual", "as", "doOnSubscribe", "doOnRequest", "doOnCancel", "doFirst",
			"doFinally", "contextWrite", "subscribeOn", "publishOn");

	private final MethodNode method;

	private final Frame<SourceValue>[] frames;

	/** Per call: the origins of its receiver (index 0 when not static) and arguments. */
	private final Map<MethodInsnNode, List<Set<AbstractInsnNode>>> operands = new HashMap<>();

	/** Per producing instruction: the calls that use its value. */
	private final Map<AbstractInsnNode, List<Use>> uses = new HashMap<>();

	private OffloadedLambdas(MethodNode method, Frame<SourceValue>[] frames) {
		this.method = method;
		this.frames = frames;
	}

	/**
	 * The {@code invokedynamic} instructions of a method that create offloaded lambdas.
	 * @param ownerInternalName the internal name of the method's class
	 * @param method the method, with code
	 * @return the offloaded lambda instructions, empty if the method cannot be analysed
	 */
	static Set<AbstractInsnNode> find(String ownerInternalName, MethodNode method) {
		if (!callsReactor(method)) {
			return Set.of();
		}
		Frame<SourceValue>[] frames;
		try {
			frames = new Analyzer<>(new SourceInterpreter()).analyze(ownerInternalName, method);
		}
		catch (AnalyzerException ex) {
			// conservative: nothing is offloaded, every lambda is followed
			return Set.of();
		}
		return new OffloadedLambdas(method, frames).find();
	}

	private static boolean callsReactor(MethodNode method) {
		for (AbstractInsnNode insn : method.instructions) {
			if (insn instanceof MethodInsnNode call && call.owner.startsWith(PUBLISHER_PACKAGE)) {
				return true;
			}
		}
		return false;
	}

	private Set<AbstractInsnNode> find() {
		collectUses();
		Set<AbstractInsnNode> offloaded = new HashSet<>();
		for (AbstractInsnNode insn : this.method.instructions) {
			if (isLambda(insn)) {
				List<Use> lambdaUses = this.uses.getOrDefault(insn, List.of());
				if (!lambdaUses.isEmpty() && lambdaUses.stream().allMatch(this::runsOnWorker)) {
					offloaded.add(insn);
				}
			}
		}
		return offloaded;
	}

	static boolean isLambda(AbstractInsnNode insn) {
		return insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals(LAMBDA_METAFACTORY)
				&& indy.bsmArgs.length > 1 && indy.bsmArgs[1] instanceof org.objectweb.asm.Handle;
	}

	private void collectUses() {
		for (AbstractInsnNode insn : this.method.instructions) {
			if (!(insn instanceof MethodInsnNode call)) {
				continue;
			}
			Frame<SourceValue> frame = frameAt(insn);
			if (frame == null) {
				continue;
			}
			boolean hasReceiver = call.getOpcode() != Opcodes.INVOKESTATIC;
			int count = Type.getArgumentTypes(call.desc).length + (hasReceiver ? 1 : 0);
			int base = frame.getStackSize() - count;
			List<Set<AbstractInsnNode>> callOperands = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				Set<AbstractInsnNode> origins = origins(frame.getStack(base + i));
				callOperands.add(origins);
				int position = hasReceiver ? i - 1 : i;
				for (AbstractInsnNode origin : origins) {
					this.uses.computeIfAbsent(origin, (key) -> new ArrayList<>()).add(new Use(call, position));
				}
			}
			this.operands.put(call, callOperands);
		}
	}

	/**
	 * The instructions that really produced a value: loads, stores, {@code dup} and casts
	 * are looked through.
	 */
	private Set<AbstractInsnNode> origins(SourceValue value) {
		Set<AbstractInsnNode> origins = new LinkedHashSet<>();
		Set<AbstractInsnNode> seen = new HashSet<>();
		Deque<AbstractInsnNode> pending = new ArrayDeque<>(value.insns);
		while (!pending.isEmpty()) {
			AbstractInsnNode insn = pending.poll();
			if (!seen.add(insn)) {
				continue;
			}
			Frame<SourceValue> frame = frameAt(insn);
			int opcode = insn.getOpcode();
			if (frame != null && opcode == Opcodes.ALOAD) {
				pending.addAll(frame.getLocal(((VarInsnNode) insn).var).insns);
			}
			else if (frame != null && frame.getStackSize() > 0
					&& (opcode == Opcodes.ASTORE || opcode == Opcodes.DUP || opcode == Opcodes.CHECKCAST)) {
				pending.addAll(frame.getStack(frame.getStackSize() - 1).insns);
			}
			else {
				origins.add(insn);
			}
		}
		return origins;
	}

	private Frame<SourceValue> frameAt(AbstractInsnNode insn) {
		return this.frames[this.method.instructions.indexOf(insn)];
	}

	private boolean runsOnWorker(Use use) {
		MethodInsnNode call = use.call();
		if (use.position() < 0 || !call.owner.startsWith(PUBLISHER_PACKAGE)) {
			return false;
		}
		if (call.getOpcode() == Opcodes.INVOKESTATIC) {
			return DEFERRED_SOURCES.contains(call.name) && subscribedOnWorker(call, new HashSet<>());
		}
		return !SUBSCRIPTION_TIME_OPERATORS.contains(call.name)
				&& emitsOnWorker(this.operands.get(call).get(0), new HashSet<>());
	}

	/** Whether the publisher made by a call gets {@code subscribeOn(worker)} downstream. */
	private boolean subscribedOnWorker(MethodInsnNode publisher, Set<MethodInsnNode> seen) {
		for (Use use : this.uses.getOrDefault(publisher, List.of())) {
			MethodInsnNode next = use.call();
			if (use.position() != -1 || !next.owner.startsWith(PUBLISHER_PACKAGE) || !seen.add(next)) {
				continue;
			}
			if (next.name.equals("subscribeOn")) {
				if (isWorker(this.operands.get(next).get(1))) {
					return true;
				}
			}
			else if (Type.getReturnType(next.desc).getInternalName().startsWith(PUBLISHER_PACKAGE)
					&& subscribedOnWorker(next, seen)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a publisher (given by its origins) signals on a worker. */
	private boolean emitsOnWorker(Set<AbstractInsnNode> origins, Set<MethodInsnNode> seen) {
		if (origins.isEmpty()) {
			return false;
		}
		for (AbstractInsnNode origin : origins) {
			if (!(origin instanceof MethodInsnNode call) || !call.owner.startsWith(PUBLISHER_PACKAGE)
					|| !seen.add(call)) {
				return false;
			}
			boolean onWorker;
			if (call.getOpcode() == Opcodes.INVOKESTATIC) {
				onWorker = SYNC_SOURCES.contains(call.name) && subscribedOnWorker(call, new HashSet<>());
			}
			else if (call.name.equals("publishOn")) {
				onWorker = isWorker(this.operands.get(call).get(1));
			}
			else {
				onWorker = SAME_THREAD_OPERATORS.contains(call.name)
						&& emitsOnWorker(this.operands.get(call).get(0), seen);
			}
			if (!onWorker) {
				return false;
			}
		}
		return true;
	}

	private static boolean isWorker(Set<AbstractInsnNode> origins) {
		if (origins.isEmpty()) {
			return false;
		}
		for (AbstractInsnNode origin : origins) {
			boolean worker = (origin instanceof MethodInsnNode call && call.owner.equals(SCHEDULERS)
					&& WORKER_FACTORIES.contains(call.name))
					|| (origin instanceof FieldInsnNode field && field.desc.equals(SCHEDULER_DESCRIPTOR)
							&& (field.getOpcode() == Opcodes.GETFIELD || field.getOpcode() == Opcodes.GETSTATIC));
			if (!worker) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A call that uses a value.
	 * @param call the call
	 * @param position {@code -1} for the receiver, else the argument index
	 */
	private record Use(MethodInsnNode call, int position) {
	}

}
