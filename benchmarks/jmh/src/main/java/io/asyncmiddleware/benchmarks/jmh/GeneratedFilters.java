package io.asyncmiddleware.benchmarks.jmh;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code count} distinct filter classes, made with ASM into a class loader of their own,
 * for the detection scan to read as it reads an application's filters: each filter's
 * {@code filter} method calls a helper three calls deep, then the chain; every tenth
 * helper ends in {@code Thread.sleep} (blocking), the others read the exchange's
 * attributes (non-blocking).
 */
final class GeneratedFilters extends ClassLoader {

	static final String PACKAGE = "bench.generated";

	private static final String EXCHANGE = "org/springframework/web/server/ServerWebExchange";

	private static final String CHAIN = "org/springframework/web/server/WebFilterChain";

	private static final String MONO = "reactor/core/publisher/Mono";

	private final Map<String, byte[]> classFiles = new HashMap<>();

	private final List<Object> filters = new ArrayList<>();

	GeneratedFilters(int count, ClassLoader parent) {
		super(parent);
		for (int i = 0; i < count; i++) {
			String filter = PACKAGE.replace('.', '/') + "/Filter" + i;
			String helper = PACKAGE.replace('.', '/') + "/Helper" + i;
			this.classFiles.put(filter, filterClass(filter, helper));
			this.classFiles.put(helper, helperClass(helper, i % 10 == 0));
		}
		for (int i = 0; i < count; i++) {
			try {
				Class<?> type = loadClass(PACKAGE + ".Filter" + i);
				this.filters.add(type.getDeclaredConstructor().newInstance());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Could not instantiate generated filter " + i, ex);
			}
		}
	}

	List<Object> filters() {
		return this.filters;
	}

	static int expectedBlocking(int count) {
		return (count + 9) / 10;
	}

	@Override
	protected Class<?> findClass(String name) throws ClassNotFoundException {
		byte[] bytes = this.classFiles.get(name.replace('.', '/'));
		if (bytes == null) {
			throw new ClassNotFoundException(name);
		}
		return defineClass(name, bytes, 0, bytes.length);
	}

	@Override
	public InputStream getResourceAsStream(String name) {
		if (name.endsWith(".class")) {
			byte[] bytes = this.classFiles.get(name.substring(0, name.length() - ".class".length()));
			if (bytes != null) {
				return new ByteArrayInputStream(bytes);
			}
		}
		return super.getResourceAsStream(name);
	}

	private static byte[] filterClass(String name, String helper) {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, name, null, "java/lang/Object",
				new String[] { "org/springframework/web/server/WebFilter" });
		constructor(writer);
		MethodVisitor filter = writer.visitMethod(Opcodes.ACC_PUBLIC, "filter",
				"(L" + EXCHANGE + ";L" + CHAIN + ";)L" + MONO + ";", null, null);
		filter.visitCode();
		filter.visitVarInsn(Opcodes.ALOAD, 1);
		filter.visitMethodInsn(Opcodes.INVOKESTATIC, helper, "step1", "(L" + EXCHANGE + ";)V", false);
		filter.visitVarInsn(Opcodes.ALOAD, 2);
		filter.visitVarInsn(Opcodes.ALOAD, 1);
		filter.visitMethodInsn(Opcodes.INVOKEINTERFACE, CHAIN, "filter", "(L" + EXCHANGE + ";)L" + MONO + ";", true);
		filter.visitInsn(Opcodes.ARETURN);
		filter.visitMaxs(0, 0);
		filter.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}

	private static byte[] helperClass(String name, boolean blocking) {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, "java/lang/Object", null);
		constructor(writer);
		forward(writer, name, "step1", "step2");
		forward(writer, name, "step2", "step3");
		MethodVisitor last = writer.visitMethod(Opcodes.ACC_STATIC, "step3", "(L" + EXCHANGE + ";)V", null, null);
		last.visitCode();
		if (blocking) {
			last.visitLdcInsn(1L);
			last.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Thread", "sleep", "(J)V", false);
		}
		else {
			last.visitVarInsn(Opcodes.ALOAD, 0);
			last.visitMethodInsn(Opcodes.INVOKEINTERFACE, EXCHANGE, "getAttributes", "()Ljava/util/Map;", true);
			last.visitInsn(Opcodes.POP);
		}
		last.visitInsn(Opcodes.RETURN);
		last.visitMaxs(0, 0);
		last.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}

	private static void forward(ClassWriter writer, String owner, String from, String to) {
		MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, from, "(L" + EXCHANGE + ";)V", null, null);
		method.visitCode();
		method.visitVarInsn(Opcodes.ALOAD, 0);
		method.visitMethodInsn(Opcodes.INVOKESTATIC, owner, to, "(L" + EXCHANGE + ";)V", false);
		method.visitInsn(Opcodes.RETURN);
		method.visitMaxs(0, 0);
		method.visitEnd();
	}

	private static void constructor(ClassWriter writer) {
		MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
		init.visitCode();
		init.visitVarInsn(Opcodes.ALOAD, 0);
		init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
		init.visitInsn(Opcodes.RETURN);
		init.visitMaxs(0, 0);
		init.visitEnd();
	}

}
