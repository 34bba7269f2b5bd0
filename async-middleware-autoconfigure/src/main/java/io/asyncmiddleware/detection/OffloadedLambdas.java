package io.asyncmiddleware.detection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Finds the lambdas, method references and objects of in-scope classes created by one
 * method whose code runs on another thread than the caller's, so that the scan does not
 * follow them and no evidence chain goes through them.
 *
 * <p>A data-flow analysis ({@link ValueFlow}) connects each value to the instructions
 * that produced it, through local variables, {@code dup} and casts. A lambda (or a
 * created object, whose constructor call does not count as a use) counts as offloaded
 * when every use of it is one of:
 * <ol>
 * <li>a task handed to an executor: an argument of {@code Executor.execute},
 * {@code ExecutorService.submit}/{@code invokeAll}/{@code invokeAny},
 * {@code ScheduledExecutorService.schedule*} (on any type that is an
 * {@code Executor}, Spring's {@code TaskExecutor} included), of a
 * {@code CompletableFuture} method ending in {@code Async} ({@code supplyAsync},
 * {@code runAsync}, {@code thenApplyAsync}...: the common pool or the executor given),
 * or of a {@code Thread} constructor. Waiting for the result ({@code get},
 * {@code join}) is a blocking call of its own; composing it
 * ({@code Mono.fromFuture}) is not;</li>
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

	private static final String COMPLETABLE_FUTURE = "java/util/concurrent/CompletableFuture";

	/** Methods of an {@code Executor} type that run their task arguments on its threads. */
	private static final Set<String> EXECUTOR_HAND_OFFS = Set.of("execute", "submit", "invokeAll", "invokeAny",
			"schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay");

	private final MethodNode method;

	private final ValueFlow flow;

	private final Predicate<String> executorType;

	/** Per call: the origins of its receiver (index 0 when not static) and arguments. */
	private final Map<MethodInsnNode, List<Set<AbstractInsnNode>>> operands = new HashMap<>();

	/** Per producing instruction: the calls that use its value. */
	private final Map<AbstractInsnNode, List<Use>> uses = new HashMap<>();

	private OffloadedLambdas(MethodNode method, ValueFlow flow, Predicate<String> executorType) {
		this.method = method;
		this.flow = flow;
		this.executorType = executorType;
	}

	/**
	 * The instructions of a method that create offloaded lambdas ({@code invokedynamic})
	 * or offloaded objects ({@code new}).
	 * @param ownerInternalName the internal name of the method's class
	 * @param method the method, with code
	 * @param executorType whether a type (internal name) is an {@code Executor}
	 * @return the offloaded instructions, empty if the method cannot be analysed
	 */
	static Set<AbstractInsnNode> find(String ownerInternalName, MethodNode method, Predicate<String> executorType) {
		if (!mayOffload(method)) {
			return Set.of();
		}
		ValueFlow flow = ValueFlow.analyze(ownerInternalName, method);
		if (flow == null) {
			// conservative: nothing is offloaded, every lambda is followed
			return Set.of();
		}
		return new OffloadedLambdas(method, flow, executorType).find();
	}

	private static boolean mayOffload(MethodNode method) {
		boolean creates = false;
		boolean schedules = false;
		for (AbstractInsnNode insn : method.instructions) {
			creates |= isLambda(insn) || insn.getOpcode() == Opcodes.NEW;
			schedules |= insn instanceof MethodInsnNode call && (call.owner.startsWith(PUBLISHER_PACKAGE)
					|| EXECUTOR_HAND_OFFS.contains(call.name) || call.name.endsWith("Async")
					|| call.owner.equals("java/lang/Thread"));
		}
		return creates && schedules;
	}

	private Set<AbstractInsnNode> find() {
		collectUses();
		Set<AbstractInsnNode> offloaded = new HashSet<>();
		for (AbstractInsnNode insn : this.method.instructions) {
			if (isLambda(insn) || insn.getOpcode() == Opcodes.NEW) {
				List<Use> valueUses = this.uses.getOrDefault(insn, List.of())
					.stream()
					.filter((use) -> !isConstructorOf(use, insn))
					.toList();
				if (!valueUses.isEmpty() && valueUses.stream().allMatch(this::runsElsewhere)) {
					offloaded.add(insn);
				}
			}
		}
		return offloaded;
	}

	private static boolean isConstructorOf(Use use, AbstractInsnNode creation) {
		return creation instanceof TypeInsnNode type && use.position() == -1 && use.call().name.equals("<init>")
				&& use.call().owner.equals(type.desc);
	}

	private boolean runsElsewhere(Use use) {
		return handedOff(use) || runsOnWorker(use);
	}

	private boolean handedOff(Use use) {
		MethodInsnNode call = use.call();
		if (use.position() < 0) {
			return false;
		}
		if (call.owner.equals(COMPLETABLE_FUTURE)) {
			return call.name.endsWith("Async");
		}
		if (call.owner.equals("java/lang/Thread")) {
			return call.name.equals("<init>") || call.name.equals("startVirtualThread");
		}
		return EXECUTOR_HAND_OFFS.contains(call.name) && call.getOpcode() != Opcodes.INVOKESTATIC
				&& this.executorType.test(call.owner);
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
			List<Set<AbstractInsnNode>> callOperands = this.flow.operands(call);
			boolean hasReceiver = call.getOpcode() != Opcodes.INVOKESTATIC;
			if (callOperands.size() != Type.getArgumentTypes(call.desc).length + (hasReceiver ? 1 : 0)) {
				// unreachable
				continue;
			}
			for (int i = 0; i < callOperands.size(); i++) {
				int position = hasReceiver ? i - 1 : i;
				for (AbstractInsnNode origin : callOperands.get(i)) {
					this.uses.computeIfAbsent(origin, (key) -> new ArrayList<>()).add(new Use(call, position));
				}
			}
			this.operands.put(call, callOperands);
		}
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
