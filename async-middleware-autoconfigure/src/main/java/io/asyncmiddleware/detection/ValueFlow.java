package io.asyncmiddleware.detection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Where the values of one method come from: ASM's {@link Analyzer} with a
 * {@link SourceInterpreter} connects each operand to the instructions that produced it,
 * looked through local variables, {@code dup} and casts. A value that comes from a
 * parameter has the {@code aload} that read it as its origin.
 */
final class ValueFlow {

	private final MethodNode method;

	private final Frame<SourceValue>[] frames;

	private ValueFlow(MethodNode method, Frame<SourceValue>[] frames) {
		this.method = method;
		this.frames = frames;
	}

	/**
	 * Analyse a method.
	 * @param ownerInternalName the internal name of the method's class
	 * @param method the method, with code
	 * @return the flow, or {@code null} if the method cannot be analysed
	 */
	static @Nullable ValueFlow analyze(String ownerInternalName, MethodNode method) {
		try {
			return new ValueFlow(method, new Analyzer<>(new SourceInterpreter()).analyze(ownerInternalName, method));
		}
		catch (AnalyzerException | RuntimeException ex) {
			// e.g. a class file ASM reads but cannot verify: no flow, callers stay conservative
			return null;
		}
	}

	/**
	 * The origins of a call's receiver (index 0 when not static) and arguments, or an
	 * empty list when the call is unreachable.
	 * @param call the call
	 * @return per operand, the instructions that produced it
	 */
	List<Set<AbstractInsnNode>> operands(MethodInsnNode call) {
		Frame<SourceValue> frame = frameAt(call);
		if (frame == null) {
			return List.of();
		}
		boolean hasReceiver = call.getOpcode() != Opcodes.INVOKESTATIC;
		int count = Type.getArgumentTypes(call.desc).length + (hasReceiver ? 1 : 0);
		int base = frame.getStackSize() - count;
		List<Set<AbstractInsnNode>> operands = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			operands.add(origins(frame.getStack(base + i)));
		}
		return operands;
	}

	/**
	 * The origins of the value on top of the stack before an instruction (the value a
	 * {@code putfield} or {@code putstatic} stores).
	 * @param insn the instruction
	 * @return the origins, empty when unreachable
	 */
	Set<AbstractInsnNode> topOfStackBefore(AbstractInsnNode insn) {
		Frame<SourceValue> frame = frameAt(insn);
		if (frame == null || frame.getStackSize() == 0) {
			return Set.of();
		}
		return origins(frame.getStack(frame.getStackSize() - 1));
	}

	/**
	 * Whether an origin is the read of a parameter (or of a local that no instruction of
	 * this method stored).
	 * @param origin an origin returned by this flow
	 * @return {@code true} for a parameter
	 */
	boolean isParameter(AbstractInsnNode origin) {
		return origin.getOpcode() == Opcodes.ALOAD;
	}

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
				Set<AbstractInsnNode> stored = frame.getLocal(((VarInsnNode) insn).var).insns;
				if (stored.isEmpty()) {
					origins.add(insn);
				}
				pending.addAll(stored);
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

	private @Nullable Frame<SourceValue> frameAt(AbstractInsnNode insn) {
		return this.frames[this.method.instructions.indexOf(insn)];
	}

}
