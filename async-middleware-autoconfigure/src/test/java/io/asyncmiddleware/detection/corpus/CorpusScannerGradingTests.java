package io.asyncmiddleware.detection.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.asyncmiddleware.detection.BlockingApiCatalogue;
import io.asyncmiddleware.detection.BlockingFilterDetector;
import io.asyncmiddleware.detection.Evidence;
import io.asyncmiddleware.detection.Verdict;
import io.asyncmiddleware.detection.corpus.blocking.futures.GenericAwaitInFlatMapFilter;
import io.asyncmiddleware.detection.corpus.blocking.futures.JoinAfterHandOffFilter;
import io.asyncmiddleware.detection.corpus.blocking.futures.SubmitThenGetFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner graded on the labelled corpus, with the settings an application gets by
 * default (its base package in scope, depth 6): recall and false-positive rate per
 * family, printed and written to {@code target/detection-corpus.md} (the figures in
 * {@code docs/detection-corpus.md} are copied from there). Fails below 100% recall or
 * on any false positive.
 */
class CorpusScannerGradingTests {

	static final Path REPORT = Path.of("target", "detection-corpus.md");

	private static final int DEFAULT_MAX_DEPTH = 6;

	private static final Map<Corpus.Entry, Verdict> verdicts = new LinkedHashMap<>();

	@BeforeAll
	static void scanCorpus() {
		BlockingFilterDetector detector = new BlockingFilterDetector(BlockingApiCatalogue.defaults(),
				List.of(Corpus.PACKAGE), DEFAULT_MAX_DEPTH, CorpusScannerGradingTests.class.getClassLoader());
		for (Corpus.Entry entry : Corpus.entries()) {
			verdicts.put(entry, detector.detect(entry.newInstance()));
		}
	}

	@Test
	void everyBlockingFilterIsFoundAndNoSafeFilterIsFlagged() throws IOException {
		String report = report();
		System.out.println(report);
		Files.createDirectories(REPORT.getParent());
		Files.writeString(REPORT, report, StandardCharsets.UTF_8);
		List<String> wrong = new ArrayList<>();
		verdicts.forEach((entry, verdict) -> {
			if (entry.blocking() != verdict.isBlocking()) {
				wrong.add(entry.name() + " (" + entry.label().reach() + ") labelled " + entry.label().value()
						+ ", judged " + verdict.kind() + " " + verdict.evidence());
			}
		});
		assertThat(wrong).as("verdicts that disagree with the label").isEmpty();
	}

	@Test
	void evidenceNamesOnlyCallsOnTheCallersThread() {
		// each of these hands a sleeping task to an executor, then waits for it: the wait
		// is the evidence, the sleep runs on the executor's thread
		for (Class<?> type : List.of(SubmitThenGetFilter.class, JoinAfterHandOffFilter.class,
				GenericAwaitInFlatMapFilter.class)) {
			Verdict verdict = verdictOf(type);
			assertThat(verdict.isBlocking()).as(type.getSimpleName()).isTrue();
			assertThat(verdict.evidence()).as(type.getSimpleName())
				.extracting(Evidence::blockingApi)
				.doesNotContain("java.lang.Thread.sleep")
				.allMatch((api) -> api.endsWith(".get") || api.endsWith(".join"));
		}
	}

	private static Verdict verdictOf(Class<?> type) {
		return verdicts.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().type() == type)
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
	}

	private static String report() {
		StringBuilder table = new StringBuilder();
		table.append("| Family | Blocking filters | Found | Recall | Safe filters | Flagged | False-positive rate |\n");
		table.append("|---|---:|---:|---:|---:|---:|---:|\n");
		int[] total = new int[4];
		for (String family : Families.ALL) {
			int[] row = new int[4];
			verdicts.forEach((entry, verdict) -> {
				if (entry.label().family().equals(family)) {
					if (entry.blocking()) {
						row[0]++;
						row[1] += verdict.isBlocking() ? 1 : 0;
					}
					else {
						row[2]++;
						row[3] += verdict.isBlocking() ? 1 : 0;
					}
				}
			});
			appendRow(table, family, row);
			for (int i = 0; i < 4; i++) {
				total[i] += row[i];
			}
		}
		appendRow(table, "**all**", total);
		String wrong = verdicts.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().blocking() != entry.getValue().isBlocking())
			.map((entry) -> "- " + (entry.getKey().blocking() ? "missed" : "false positive") + ": `"
					+ entry.getKey().name() + "` (" + entry.getKey().label().family() + ", "
					+ entry.getKey().label().reach() + ")"
					+ (entry.getValue().isBlocking() ? ": " + entry.getValue().evidence().get(0) : ""))
			.collect(Collectors.joining("\n"));
		String evidence = verdicts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isBlocking())
			.map((entry) -> "- `" + entry.getKey().name() + "`: " + entry.getValue()
				.evidence()
				.stream()
				.map((item) -> "`" + item + "`")
				.collect(Collectors.joining("; ")))
			.collect(Collectors.joining("\n"));
		String doubtful = verdicts.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().certainty() != Verdict.Certainty.HIGH)
			.map((entry) -> "- `" + entry.getKey().name() + "` (" + entry.getValue().certainty() + "): "
					+ String.join("; ", entry.getValue().doubts()))
			.collect(Collectors.joining("\n"));
		table.append("\nVerdicts not certain (calls the scan could not follow): ")
			.append(doubtful.isEmpty() ? "none.\n" : "\n\n" + doubtful + "\n");
		return table + (wrong.isEmpty() ? "\nEvery verdict agrees with its label.\n"
				: "\nVerdicts that disagree with their label:\n\n" + wrong + "\n")
				+ "\nEvidence of each filter judged blocking:\n\n" + evidence + "\n";
	}

	private static void appendRow(StringBuilder table, String family, int[] row) {
		table.append("| ")
			.append(family)
			.append(" | ")
			.append(row[0])
			.append(" | ")
			.append(row[1])
			.append(" | ")
			.append(percent(row[1], row[0]))
			.append(" | ")
			.append(row[2])
			.append(" | ")
			.append(row[3])
			.append(" | ")
			.append(percent(row[3], row[2]))
			.append(" |\n");
	}

	private static String percent(int part, int whole) {
		return (whole == 0) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
	}

}
