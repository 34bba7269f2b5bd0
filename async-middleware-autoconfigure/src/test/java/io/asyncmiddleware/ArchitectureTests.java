package io.asyncmiddleware;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The project's own rules, checked the way Spring Boot checks its modules.
 */
class ArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.asyncmiddleware");

	@Test
	void autoConfigurationsArePublicAndFinal() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.bePublic()
			.andShould()
			.haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
			.check(classes);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.asyncmiddleware.(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void theModelDoesNotDependOnAutoConfiguration() {
		noClasses().that()
			.resideInAnyPackage("io.asyncmiddleware.stack..", "io.asyncmiddleware.detection..",
					"io.asyncmiddleware.execution..", "io.asyncmiddleware.middleware..", "io.asyncmiddleware.hooks..",
					"io.asyncmiddleware.handler..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.asyncmiddleware.autoconfigure..")
			.check(classes);
	}

	@Test
	void caseConversionsNameTheirLocale() {
		noClasses().should()
			.callMethod(String.class, "toLowerCase")
			.orShould()
			.callMethod(String.class, "toUpperCase")
			.because("a default-locale conversion breaks under the Turkish locale; use Locale.ROOT")
			.check(classes);
	}

}
