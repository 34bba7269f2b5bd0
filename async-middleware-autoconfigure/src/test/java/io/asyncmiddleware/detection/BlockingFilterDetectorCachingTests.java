package io.asyncmiddleware.detection;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.asyncmiddleware.detection.fixtures.blocking.AuditSinkFilter;
import io.asyncmiddleware.detection.fixtures.blocking.InheritingFilter;
import io.asyncmiddleware.detection.fixtures.blocking.JdbcViaHelperFilter;
import io.asyncmiddleware.detection.fixtures.blocking.LambdaFilterConfiguration;
import io.asyncmiddleware.detection.fixtures.blocking.SleepFilter;
import io.asyncmiddleware.detection.fixtures.blocking.ThrottlingBaseFilter;
import io.asyncmiddleware.detection.fixtures.support.AuditLog;
import io.asyncmiddleware.detection.fixtures.support.AuditSink;
import io.asyncmiddleware.detection.fixtures.support.JdbcAuditSink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link BlockingFilterDetector} reads each class file once and never loads
 * the classes it scans.
 */
class BlockingFilterDetectorCachingTests {

	private static final String AUDIT_LOG = "io/asyncmiddleware/detection/fixtures/support/AuditLog";

	private final RecordingClassLoader classLoader = new RecordingClassLoader(getClass().getClassLoader());

	private final BlockingFilterDetector detector = new BlockingFilterDetector(BlockingApiCatalogue.defaults(),
			List.of("io.asyncmiddleware.detection.fixtures"), 6, this.classLoader);

	@Test
	void classFilesAreReadOncePerDetector() throws Exception {
		Verdict first = this.detector.detect(new JdbcViaHelperFilter(null));
		Verdict again = this.detector.detect(new JdbcViaHelperFilter(null));
		Verdict lambda = this.detector.detect(new LambdaFilterConfiguration().auditFilter(null),
				LambdaFilterConfiguration.class.getMethod("auditFilter", AuditLog.class));
		assertThat(again).isEqualTo(first);
		assertThat(lambda.kind()).isEqualTo(Verdict.Kind.BLOCKING);
		assertThat(this.classLoader.reads(AUDIT_LOG + ".class")).isEqualTo(1);
		assertThat(this.classLoader.reads(
				"io/asyncmiddleware/detection/fixtures/blocking/JdbcViaHelperFilter.class")).isEqualTo(1);
	}

	@Test
	void scannedClassesAreNeverLoadedThroughTheDetectorsLoader() {
		this.detector.detect(new JdbcViaHelperFilter(null));
		this.detector.detect(new SleepFilter());
		this.detector.detect(new InheritingFilter());
		assertThat(this.detector.detect(new AuditSinkFilter(new JdbcAuditSink(null))).kind())
			.isEqualTo(Verdict.Kind.BLOCKING);
		assertThat(this.classLoader.loaded).doesNotContainKeys(AUDIT_LOG.replace('/', '.'),
				JdbcViaHelperFilter.class.getName(), SleepFilter.class.getName(), InheritingFilter.class.getName(),
				ThrottlingBaseFilter.class.getName(), AuditSinkFilter.class.getName(), AuditSink.class.getName(),
				JdbcAuditSink.class.getName());
		// catalogue subtype checks may load library types, never initialise them
		assertThat(this.classLoader.loaded).containsKey("javax.sql.DataSource");
	}

	static final class RecordingClassLoader extends ClassLoader {

		private final Map<String, AtomicInteger> resourceReads = new ConcurrentHashMap<>();

		final Map<String, Boolean> loaded = new ConcurrentHashMap<>();

		RecordingClassLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		public InputStream getResourceAsStream(String name) {
			this.resourceReads.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
			return super.getResourceAsStream(name);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			this.loaded.put(name, Boolean.TRUE);
			return super.loadClass(name, resolve);
		}

		int reads(String name) {
			AtomicInteger reads = this.resourceReads.get(name);
			return (reads != null) ? reads.get() : 0;
		}

	}

}
