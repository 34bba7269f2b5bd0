package io.asyncmiddleware.detection;

import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * A method with code, and the class that declares it.
 *
 * @param owner the declaring class
 * @param method the method
 */
record MethodRef(ClassNode owner, MethodNode method) {

	CallSite callSite(int line) {
		return new CallSite(this.owner.name.replace('/', '.'), this.method.name, this.owner.sourceFile, line);
	}

}
