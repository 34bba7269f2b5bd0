package io.asyncmiddleware.detection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The packages whose classes the scan follows calls into. Calls to any other class are
 * only matched against the catalogue.
 */
final class ScanScope {

	private final Set<String> prefixes;

	private ScanScope(Set<String> prefixes) {
		this.prefixes = prefixes;
	}

	static ScanScope of(List<String> packages) {
		Set<String> prefixes = new LinkedHashSet<>();
		for (String pkg : packages) {
			String trimmed = pkg.strip();
			if (!trimmed.isEmpty()) {
				prefixes.add(trimmed.replace('.', '/') + "/");
			}
		}
		return new ScanScope(prefixes);
	}

	/**
	 * This scope plus the package of a class (and its subpackages).
	 * @param internalName the class's internal name
	 * @return a new scope
	 */
	ScanScope with(String internalName) {
		int slash = internalName.lastIndexOf('/');
		if (slash < 0) {
			return this;
		}
		Set<String> prefixes = new LinkedHashSet<>(this.prefixes);
		prefixes.add(internalName.substring(0, slash + 1));
		return new ScanScope(prefixes);
	}

	boolean includes(String internalName) {
		for (String prefix : this.prefixes) {
			if (internalName.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
