package io.asyncmiddleware.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.asyncmiddleware.detection.BlockingApiCatalogue;
import io.asyncmiddleware.detection.BlockingFilterDetector;
import io.asyncmiddleware.detection.Verdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Scenario 4: how long the startup detection scan takes for 10, 100 and 1,000 filters.
 *
 * <p>One invocation is one startup's worth of work: a new detector (so nothing is cached
 * from an earlier invocation) scans every generated filter, its helper classes three
 * calls deep, and reports the verdicts. Single-shot time: the first iterations show the
 * cold cost an application pays once, later ones the JIT-warm cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DetectionScanBenchmark {

	@Param({ "10", "100", "1000" })
	public int filters;

	private GeneratedFilters generated;

	@Setup(Level.Trial)
	public void generate() {
		this.generated = new GeneratedFilters(this.filters, DetectionScanBenchmark.class.getClassLoader());
		long blocking = scan().stream().filter(Verdict::isBlocking).count();
		if (blocking != GeneratedFilters.expectedBlocking(this.filters)) {
			throw new IllegalStateException("Expected " + GeneratedFilters.expectedBlocking(this.filters)
					+ " blocking filters of " + this.filters + ", the scan found " + blocking);
		}
	}

	@Benchmark
	public List<Verdict> scan() {
		BlockingFilterDetector detector = new BlockingFilterDetector(BlockingApiCatalogue.defaults(),
				List.of(GeneratedFilters.PACKAGE), 6, this.generated);
		return this.generated.filters().stream().map(detector::detect).toList();
	}

}
