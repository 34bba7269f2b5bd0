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
 * family, printed and written to {@code target/detection-corpus.md}. Fails below 100%
 * recall or on any false positive, when the table in {@code docs/detection-corpus.md}
 * is not the one generated here. (That evidence chains name only code that runs on the
 * caller's thread is checked where the filters run, in {@link CorpusGroundTruthTests}.)
 */
class CorpusScannerGradingTests {

	static final Path REPORT = Path.of("target", "detection-corpus.md");

	// the tests run in the module's directory
	static final Path DOCS = Path.of("..", "docs", "detection-corpus.md");

	private static final String TABLE_HEADER = "| Family | Blocking filters | Found | Recall | Safe filters | Flagged | False-positive rate |";

	private static final int DEFAULT_MAX_DEPTH = 6;

	private static final Map<Corpus.Entry, Verdict> verdicts = new LinkedHashMap<>();

	@BeforeAll
	static void scanCorpus() throws IOException {
		verdicts.putAll(scan());
		// before any check, so that a failing one leaves the figures to look at and copy
		String report = report();
		System.out.println(report);
		Files.createDirectories(REPORT.getParent());
		Files.writeString(REPORT, report, StandardCharsets.UTF_8);
	}

	@Test
	void everyBlockingFilterIsFoundAndNoSafeFilterIsFlagged() {
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
	void docsShowTheTableThisTestGenerates() throws IOException {
		String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
		assertThat(tableIn(docs))
			.as("the per-family table in %s is not the one the scan produces: copy the table from %s "
					+ "(or 'expected' below) into it", DOCS, REPORT)
			.isEqualTo(table());
	}

	@Test
	void evidenceOfAHandOffIsTheWaitNotTheTask() {
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

	/**
	 * The scanner's verdict on each corpus filter, with an application's defaults.
	 * @return the verdicts, in corpus order
	 */
	static Map<Corpus.Entry, Verdict> scan() {
		BlockingFilterDetector detector = new BlockingFilterDetector(BlockingApiCatalogue.defaults(),
				List.of(Corpus.PACKAGE), DEFAULT_MAX_DEPTH, CorpusScannerGradingTests.class.getClassLoader());
		Map<Corpus.Entry, Verdict> scanned = new LinkedHashMap<>();
		for (Corpus.Entry entry : Corpus.entries()) {
			scanned.put(entry, detector.detect(entry.newInstance()));
		}
		return scanned;
	}

	private static Verdict verdictOf(Class<?> type) {
		return verdicts.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().type() == type)
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow();
	}

	/**
	 * The first table of a Markdown text with the grading's header, its lines up to the
	 * first that is not a table row; empty if there is none.
	 */
	private static String tableIn(String markdown) {
		int start = markdown.indexOf(TABLE_HEADER);
		if (start < 0) {
			return "";
		}
		StringBuilder table = new StringBuilder();
		for (String line : markdown.substring(start).split("\\R")) {
			if (!line.startsWith("|")) {
				break;
			}
			table.append(line).append('\n');
		}
		return table.toString();
	}

	private static String table() {
		StringBuilder table = new StringBuilder();
		table.append(TABLE_HEADER).append("\n");
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
		return table.toString();
	}

	private static String report() {
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
		return table() + "\nVerdicts not certain (calls the scan could not follow): "
				+ (doubtful.isEmpty() ? "none.\n" : "\n\n" + doubtful + "\n")
				+ (wrong.isEmpty() ? "\nEvery verdict agrees with its label.\n"
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
