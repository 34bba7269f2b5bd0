package io.asyncmiddleware.detection;

import java.lang.reflect.Method;
import java.util.List;

import io.asyncmiddleware.detection.fixtures.blocking.AfterFlatMapFilter;
import io.asyncmiddleware.detection.fixtures.blocking.AuditHooks;
import io.asyncmiddleware.detection.fixtures.blocking.AuditSinkFilter;
import io.asyncmiddleware.detection.fixtures.blocking.BlockInDoOnNextFilter;
import io.asyncmiddleware.detection.fixtures.blocking.BlockingQueueTakeFilter;
import io.asyncmiddleware.detection.fixtures.blocking.DeclaredBlockingFilter;
import io.asyncmiddleware.detection.fixtures.blocking.DeepCallFilter;
import io.asyncmiddleware.detection.fixtures.blocking.EntityManagerFilter;
import io.asyncmiddleware.detection.fixtures.blocking.FileInputStreamFilter;
import io.asyncmiddleware.detection.fixtures.blocking.FilesReadAllBytesFilter;
import io.asyncmiddleware.detection.fixtures.blocking.FluxToIterableFilter;
import io.asyncmiddleware.detection.fixtures.blocking.FromCallableWithoutSubscribeOnFilter;
import io.asyncmiddleware.detection.fixtures.blocking.FutureGetFilter;
import io.asyncmiddleware.detection.fixtures.blocking.HttpClientSendFilter;
import io.asyncmiddleware.detection.fixtures.blocking.InheritingFilter;
import io.asyncmiddleware.detection.fixtures.blocking.InventoryFilter;
import io.asyncmiddleware.detection.fixtures.blocking.JdbcTemplateFilter;
import io.asyncmiddleware.detection.fixtures.blocking.JdbcViaHelperFilter;
import io.asyncmiddleware.detection.fixtures.blocking.LatchAwaitFilter;
import io.asyncmiddleware.detection.fixtures.blocking.MethodReferenceFilter;
import io.asyncmiddleware.detection.fixtures.blocking.ObjectWaitFilter;
import io.asyncmiddleware.detection.fixtures.blocking.ParallelSchedulerFilter;
import io.asyncmiddleware.detection.fixtures.blocking.ReentrantLockFilter;
import io.asyncmiddleware.detection.fixtures.blocking.RestTemplateFilter;
import io.asyncmiddleware.detection.fixtures.blocking.SleepFilter;
import io.asyncmiddleware.detection.fixtures.blocking.UrlConnectionFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.ByteArrayStreamFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.DeclaredNonBlockingFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.ExecutorOffloadFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.FileLinesFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.GuardedCounterFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.HeaderFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.MonoDelayFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.OffloadedJdbcFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.PublishOnFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.R2dbcFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.ReactiveRedisFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.SchedulerFieldFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.SubscribeOnSyncSourceFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.TooDeepFilter;
import io.asyncmiddleware.detection.fixtures.nonblocking.WebClientFilter;
import io.asyncmiddleware.detection.fixtures.support.AuditLog;
import io.asyncmiddleware.detection.fixtures.support.JdbcAuditSink;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlockingFilterDetector} against the fixture filters: each verdict and
 * its evidence chains, exactly. The fixtures are only scanned, never run.
 */
class BlockingFilterDetectorTests {

	private static final String FIXTURES = "io.asyncmiddleware.detection.fixtures";

	private static final String JDBC_SUGGESTION = "R2DBC (Spring's DatabaseClient or Spring Data R2DBC), or mode "
			+ "adapt/isolate";

	private final BlockingFilterDetector detector = detector(BlockingApiCatalogue.defaults(), 6);

	// blocking

	@Test
	void sleepInFilterBodyIsBlocking() {
		Verdict verdict = assertBlocking(new SleepFilter(),
				"SleepFilter.filter(SleepFilter.java:16) -> java.lang.Thread.sleep");
		Evidence evidence = verdict.evidence().get(0);
		assertThat(evidence.blockingApi()).isEqualTo("java.lang.Thread.sleep");
		assertThat(evidence.description()).isEqualTo("Thread.sleep parks the thread");
		assertThat(evidence.suggestion()).isEqualTo("Mono.delay(Duration) or delayElement");
		assertThat(evidence.chain()).containsExactly(new CallSite(
				"io.asyncmiddleware.detection.fixtures.blocking.SleepFilter", "filter", "SleepFilter.java", 16));
	}

	@Test
	void jdbcThroughHelperInFlatMapLambdaIsBlockingWithOneEvidencePerApi() {
		Verdict verdict = assertBlocking(new JdbcViaHelperFilter(null),
				"JdbcViaHelperFilter.filter(JdbcViaHelperFilter.java:23) -> "
						+ "JdbcViaHelperFilter.lambda$filter$0(JdbcViaHelperFilter.java:24) -> "
						+ "AuditLog.write(AuditLog.java:21) -> javax.sql.DataSource.getConnection",
				"JdbcViaHelperFilter.filter(JdbcViaHelperFilter.java:23) -> "
						+ "JdbcViaHelperFilter.lambda$filter$0(JdbcViaHelperFilter.java:24) -> "
						+ "AuditLog.write(AuditLog.java:22) -> java.sql.Connection.prepareStatement",
				"JdbcViaHelperFilter.filter(JdbcViaHelperFilter.java:23) -> "
						+ "JdbcViaHelperFilter.lambda$filter$0(JdbcViaHelperFilter.java:24) -> "
						+ "AuditLog.write(AuditLog.java:24) -> java.sql.PreparedStatement.executeUpdate");
		assertThat(verdict.evidence().get(2).description()).isEqualTo("JDBC statement execution");
		assertThat(verdict.evidence()).allSatisfy((evidence) -> assertThat(evidence.suggestion())
			.isEqualTo(JDBC_SUGGESTION));
	}

	@Test
	void jdbcTemplateIsBlocking() {
		assertBlocking(new JdbcTemplateFilter(null), "JdbcTemplateFilter.filter(JdbcTemplateFilter.java:22) -> "
				+ "org.springframework.jdbc.core.JdbcTemplate.queryForObject");
	}

	@Test
	void restTemplateIsBlockingAndSuggestsWebClient() {
		Verdict verdict = assertBlocking(new RestTemplateFilter(null),
				"RestTemplateFilter.filter(RestTemplateFilter.java:22) -> "
						+ "org.springframework.web.client.RestTemplate.getForObject");
		assertThat(verdict.evidence().get(0).suggestion()).isEqualTo("WebClient (spring-webflux)");
	}

	@Test
	void httpClientSendIsBlocking() {
		assertBlocking(new HttpClientSendFilter(null),
				"HttpClientSendFilter.filter(HttpClientSendFilter.java:29) -> java.net.http.HttpClient.send");
	}

	@Test
	void monoBlockInDoOnNextIsBlocking() {
		assertBlocking(new BlockInDoOnNextFilter(),
				"BlockInDoOnNextFilter.filter(BlockInDoOnNextFilter.java:15) -> "
						+ "BlockInDoOnNextFilter.lambda$filter$0(BlockInDoOnNextFilter.java:16) -> "
						+ "reactor.core.publisher.Mono.block");
	}

	@Test
	void fluxToIterableIsBlocking() {
		assertBlocking(new FluxToIterableFilter(),
				"FluxToIterableFilter.filter(FluxToIterableFilter.java:16) -> reactor.core.publisher.Flux.toIterable");
	}

	@Test
	void futureGetIsBlocking() {
		assertBlocking(new FutureGetFilter(),
				"FutureGetFilter.filter(FutureGetFilter.java:20) -> java.util.concurrent.CompletableFuture.get");
	}

	@Test
	void latchAwaitIsBlocking() {
		assertBlocking(new LatchAwaitFilter(),
				"LatchAwaitFilter.filter(LatchAwaitFilter.java:20) -> java.util.concurrent.CountDownLatch.await");
	}

	@Test
	void reentrantLockIsBlockingAsSubtypeOfLock() {
		assertBlocking(new ReentrantLockFilter(), "ReentrantLockFilter.filter(ReentrantLockFilter.java:21) -> "
				+ "java.util.concurrent.locks.ReentrantLock.lock");
	}

	@Test
	void blockingQueueTakeIsBlocking() {
		assertBlocking(new BlockingQueueTakeFilter(), "BlockingQueueTakeFilter.filter(BlockingQueueTakeFilter.java:21)"
				+ " -> java.util.concurrent.BlockingQueue.take");
	}

	@Test
	void filesReadAllBytesIsBlocking() {
		assertBlocking(new FilesReadAllBytesFilter(),
				"FilesReadAllBytesFilter.filter(FilesReadAllBytesFilter.java:20) -> java.nio.file.Files.readAllBytes");
	}

	@Test
	void fileInputStreamReadIsBlocking() {
		assertBlocking(new FileInputStreamFilter(),
				"FileInputStreamFilter.filter(FileInputStreamFilter.java:18) -> new java.io.FileInputStream",
				"FileInputStreamFilter.filter(FileInputStreamFilter.java:19) -> java.io.FileInputStream.read");
	}

	@Test
	void urlConnectionIsBlocking() {
		assertBlocking(new UrlConnectionFilter(),
				"UrlConnectionFilter.filter(UrlConnectionFilter.java:20) -> java.net.URL.openConnection",
				"UrlConnectionFilter.filter(UrlConnectionFilter.java:21) -> java.net.HttpURLConnection.getResponseCode");
	}

	@Test
	void entityManagerIsBlocking() {
		assertBlocking(new EntityManagerFilter(null),
				"EntityManagerFilter.filter(EntityManagerFilter.java:22) -> jakarta.persistence.EntityManager.find");
	}

	@Test
	void objectWaitIsBlocking() {
		assertBlocking(new ObjectWaitFilter(),
				"ObjectWaitFilter.filter(ObjectWaitFilter.java:19) -> java.lang.Object.wait");
	}

	@Test
	void blockingInSuperclassFilterIsBlocking() {
		assertBlocking(new InheritingFilter(),
				"InheritingFilter.filter(InheritingFilter.java:15) -> ThrottlingBaseFilter.filter(ThrottlingBaseFilter"
						+ ".java:15) -> ThrottlingBaseFilter.pause(ThrottlingBaseFilter.java:21) -> java.lang.Thread.sleep");
	}

	@Test
	void blockingInMethodReferenceIsBlocking() {
		assertBlocking(new MethodReferenceFilter(),
				"MethodReferenceFilter.filter(MethodReferenceFilter.java:20) -> "
						+ "MethodReferenceFilter.loadSettings(MethodReferenceFilter.java:28) -> "
						+ "java.nio.file.Files.readString");
	}

	@Test
	void blockingFourMethodsDeepIsBlocking() {
		assertBlocking(new DeepCallFilter(),
				"DeepCallFilter.filter(DeepCallFilter.java:19) -> DeepService.first(DeepService.java:13) -> "
						+ "DeepService.second(DeepService.java:17) -> DeepService.third(DeepService.java:21) -> "
						+ "java.util.concurrent.Semaphore.acquireUninterruptibly");
	}

	@Test
	void callOnInterfaceIsResolvedThroughTheFieldsImplementation() {
		assertBlocking(new AuditSinkFilter(new JdbcAuditSink(null)),
				"AuditSinkFilter.filter(AuditSinkFilter.java:23) -> JdbcAuditSink.record(JdbcAuditSink.java:18) -> "
						+ "org.springframework.jdbc.core.JdbcTemplate.update");
	}

	@Test
	void callOnInterfaceWithoutKnownImplementationIsNotFollowed() {
		assertNonBlocking(this.detector.detect(new AuditSinkFilter(null)));
	}

	@Test
	void helperOutsideTheScopeIsOnlyMatchedAgainstTheCatalogue() {
		BlockingFilterDetector filterPackageOnly = new BlockingFilterDetector(BlockingApiCatalogue.defaults(),
				List.of(), 6, getClass().getClassLoader());
		assertNonBlocking(filterPackageOnly.detect(new JdbcViaHelperFilter(null)));
		BlockingFilterDetector withSupport = new BlockingFilterDetector(BlockingApiCatalogue.defaults(),
				List.of("io.asyncmiddleware.detection.fixtures.support"), 6, getClass().getClassLoader());
		assertThat(withSupport.detect(new JdbcViaHelperFilter(null)).evidence()).hasSize(3);
	}

	@Test
	void fromCallableWithoutSubscribeOnIsBlocking() {
		assertBlocking(new FromCallableWithoutSubscribeOnFilter(null),
				"FromCallableWithoutSubscribeOnFilter.filter(FromCallableWithoutSubscribeOnFilter.java:22) -> "
						+ "FromCallableWithoutSubscribeOnFilter.lambda$filter$0(FromCallableWithoutSubscribeOnFilter"
						+ ".java:22) -> org.springframework.jdbc.core.JdbcTemplate.queryForObject");
	}

	@Test
	void subscribeOnParallelSchedulerIsNotOffloading() {
		assertBlocking(new ParallelSchedulerFilter(null),
				"ParallelSchedulerFilter.filter(ParallelSchedulerFilter.java:23) -> "
						+ "ParallelSchedulerFilter.lambda$filter$0(ParallelSchedulerFilter.java:23) -> "
						+ "org.springframework.jdbc.core.JdbcTemplate.queryForObject");
	}

	@Test
	void operatorAfterFlatMapIsNoLongerOnTheWorker() {
		assertBlocking(new AfterFlatMapFilter(null),
				"AfterFlatMapFilter.filter(AfterFlatMapFilter.java:30) -> "
						+ "AfterFlatMapFilter.lambda$filter$1(AfterFlatMapFilter.java:33) -> "
						+ "java.nio.file.Files.writeString");
	}

	@Test
	void lambdaWebFilterBeanIsScannedThroughItsFactoryMethod() throws Exception {
		Method factory = io.asyncmiddleware.detection.fixtures.blocking.LambdaFilterConfiguration.class
			.getMethod("auditFilter", AuditLog.class);
		WebFilter filter = new io.asyncmiddleware.detection.fixtures.blocking.LambdaFilterConfiguration()
			.auditFilter(null);
		Verdict verdict = this.detector.detect(filter, factory);
		String lambda = "LambdaFilterConfiguration.lambda$auditFilter$0(LambdaFilterConfiguration.java:18) -> ";
		assertThat(verdict.kind()).isEqualTo(Verdict.Kind.BLOCKING);
		assertThat(verdict.source()).isEqualTo(Verdict.Source.STATIC_ANALYSIS);
		assertThat(verdict.evidence()).extracting(Evidence::toString)
			.containsExactly(lambda + "AuditLog.write(AuditLog.java:21) -> javax.sql.DataSource.getConnection",
					lambda + "AuditLog.write(AuditLog.java:22) -> java.sql.Connection.prepareStatement",
					lambda + "AuditLog.write(AuditLog.java:24) -> java.sql.PreparedStatement.executeUpdate");
	}

	@Test
	void lambdaWebFilterBeanWithoutFactoryMethodIsNotAnalysed() {
		WebFilter filter = new io.asyncmiddleware.detection.fixtures.blocking.LambdaFilterConfiguration()
			.auditFilter(null);
		Verdict verdict = this.detector.detect(filter);
		assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NON_BLOCKING);
		assertThat(verdict.source()).isEqualTo(Verdict.Source.NOT_ANALYSED);
		assertThat(verdict.evidence()).singleElement()
			.satisfies((note) -> assertThat(note.toString()).startsWith(
					"bytecode of io.asyncmiddleware.detection.fixtures.blocking.LambdaFilterConfiguration$$Lambda")
				.endsWith("could not be read (a lambda or generated class? pass the @Bean factory method, "
						+ "or declare it @Blocking/@NonBlocking)"));
	}

	@Test
	void userAddedCatalogueEntryIsBlocking() {
		BlockingFilterDetector extended = detector(BlockingApiCatalogue.defaults()
			.including(List.of("io.asyncmiddleware.detection.fixtures.support.LegacyInventoryClient#reserve")), 6);
		Verdict verdict = extended.detect(new InventoryFilter());
		assertThat(verdict.kind()).isEqualTo(Verdict.Kind.BLOCKING);
		assertThat(verdict.evidence()).singleElement().satisfies((evidence) -> {
			assertThat(evidence).hasToString("InventoryFilter.filter(InventoryFilter.java:19) -> "
					+ "io.asyncmiddleware.detection.fixtures.support.LegacyInventoryClient.reserve");
			assertThat(evidence.description())
				.isEqualTo("blocking API added by async-middleware.detection.blocking-apis");
		});
		assertNonBlocking(this.detector.detect(new InventoryFilter()));
	}

	@Test
	void declaredBlockingWinsOverAnalysis() {
		Verdict verdict = this.detector.detect(new DeclaredBlockingFilter());
		assertThat(verdict.kind()).isEqualTo(Verdict.Kind.BLOCKING);
		assertThat(verdict.source()).isEqualTo(Verdict.Source.DECLARED);
		assertThat(verdict.evidence()).singleElement()
			.satisfies((evidence) -> assertThat(evidence.isDeclared()).isTrue())
			.hasToString("declared @Blocking on DeclaredBlockingFilter: writes an audit row over JDBC");
	}

	@Test
	void syncHooksAreSyncHooksByDeclaration() {
		Verdict verdict = this.detector.detect(new AuditHooks(null));
		assertThat(verdict.kind()).isEqualTo(Verdict.Kind.SYNC_HOOKS);
		assertThat(verdict.source()).isEqualTo(Verdict.Source.DECLARED);
		assertThat(verdict.isBlocking()).isTrue();
		assertThat(verdict.evidence()).singleElement()
			.hasToString("implements SyncHooks: each hook runs on a worker thread");
	}

	@Test
	void springAopProxyIsUnwrapped() {
		ProxyFactory proxyFactory = new ProxyFactory(new SleepFilter());
		proxyFactory.addInterface(WebFilter.class);
		Object proxy = proxyFactory.getProxy(getClass().getClassLoader());
		assertThat(proxy.getClass().getName()).doesNotContain("SleepFilter");
		assertThat(this.detector.detect(proxy).evidence()).extracting(Evidence::toString)
			.containsExactly("SleepFilter.filter(SleepFilter.java:16) -> java.lang.Thread.sleep");
	}

	// non-blocking

	@Test
	void monoDelayIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new MonoDelayFilter()));
	}

	@Test
	void webClientIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new WebClientFilter(null)));
	}

	@Test
	void r2dbcIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new R2dbcFilter(null)));
	}

	@Test
	void reactiveRedisTemplateIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new ReactiveRedisFilter(null)));
	}

	@Test
	void fromCallableSubscribedOnBoundedElasticIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new OffloadedJdbcFilter(null)));
	}

	@Test
	void operatorAfterPublishOnBoundedElasticIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new PublishOnFilter()));
	}

	@Test
	void methodReferenceSubscribedOnSchedulerFieldIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new SchedulerFieldFilter(null)));
	}

	@Test
	void lambdaInLocalVariableSubscribedOnExecutorSchedulerIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new ExecutorOffloadFilter(null)));
	}

	@Test
	void operatorOnSynchronousSourceSubscribedOnBoundedElasticIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new SubscribeOnSyncSourceFilter(null)));
	}

	@Test
	void fluxFromStreamSubscribedOnBoundedElasticIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new FileLinesFilter()));
	}

	@Test
	void headerManipulationIsNonBlocking() {
		assertNonBlocking(this.detector.detect(new HeaderFilter()));
	}

	@Test
	void byteArrayStreamsAreNonBlocking() {
		assertNonBlocking(this.detector.detect(new ByteArrayStreamFilter()));
	}

	@Test
	void declaredNonBlockingWinsOverAnalysis() {
		Verdict verdict = this.detector.detect(new DeclaredNonBlockingFilter());
		assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NON_BLOCKING);
		assertThat(verdict.source()).isEqualTo(Verdict.Source.DECLARED);
		assertThat(verdict.evidence()).singleElement()
			.hasToString("declared @NonBlocking on DeclaredNonBlockingFilter: sleeps only in tests, behind a flag");
	}

	@Test
	void fullyFollowedNonBlockingVerdictIsCertainAndNotAnalysedIsNot() {
		assertThat(this.detector.detect(new HeaderFilter()).certainty()).isEqualTo(Verdict.Certainty.HIGH);
		assertThat(this.detector.detect(new HeaderFilter()).doubts()).isEmpty();
		Verdict lambda = this.detector.detect((WebFilter) (exchange, chain) -> chain.filter(exchange));
		assertThat(lambda.certainty()).isEqualTo(Verdict.Certainty.NONE);
		assertThat(lambda.doubts()).singleElement().asString().startsWith("bytecode of ");
	}

	@Test
	void allowedApiIsNotReported() {
		assertThat(this.detector.detect(new GuardedCounterFilter()).kind()).isEqualTo(Verdict.Kind.BLOCKING);
		BlockingFilterDetector trimmed = detector(
				BlockingApiCatalogue.defaults().excluding(List.of("java.util.concurrent.locks.Lock#lock")), 6);
		assertNonBlocking(trimmed.detect(new GuardedCounterFilter()));
	}

	@Test
	void blockingCallDeeperThanMaxDepthIsNotReported() {
		Verdict tooDeep = this.detector.detect(new TooDeepFilter());
		assertNonBlocking(tooDeep);
		// not reported, but the verdict says it stopped short
		assertThat(tooDeep.certainty()).isEqualTo(Verdict.Certainty.LOW);
		assertThat(tooDeep.doubts()).containsExactly("max-depth reached: TooDeepService.level7 called in "
				+ "TooDeepService.level6(TooDeepService.java:28) not followed");
		Verdict deeper = detector(BlockingApiCatalogue.defaults(), 7).detect(new TooDeepFilter());
		assertThat(deeper.evidence()).extracting(Evidence::toString)
			.containsExactly("TooDeepFilter.filter(TooDeepFilter.java:17) -> TooDeepService.level2(TooDeepService"
					+ ".java:12) -> TooDeepService.level3(TooDeepService.java:16) -> TooDeepService.level4("
					+ "TooDeepService.java:20) -> TooDeepService.level5(TooDeepService.java:24) -> "
					+ "TooDeepService.level6(TooDeepService.java:28) -> TooDeepService.level7(TooDeepService.java:33)"
					+ " -> java.lang.Thread.sleep");
	}

	@Test
	void maxDepthCountsTheFilterMethodAsOne() {
		assertNonBlocking(detector(BlockingApiCatalogue.defaults(), 3).detect(new DeepCallFilter()));
		assertThat(detector(BlockingApiCatalogue.defaults(), 4).detect(new DeepCallFilter()).kind())
			.isEqualTo(Verdict.Kind.BLOCKING);
		assertThat(detector(BlockingApiCatalogue.defaults(), 1).detect(new SleepFilter()).kind())
			.isEqualTo(Verdict.Kind.BLOCKING);
	}

	@Test
	void nonBlockingLambdaWebFilterBeanIsNonBlockingByAnalysis() throws Exception {
		var configuration = new io.asyncmiddleware.detection.fixtures.nonblocking.LambdaFilterConfiguration();
		Method factory = configuration.getClass().getMethod("poweredByFilter");
		assertNonBlocking(this.detector.detect(configuration.poweredByFilter(), factory));
	}

	@Test
	void nonBlockingDeclaredOnFactoryMethodWins() throws Exception {
		var configuration = new io.asyncmiddleware.detection.fixtures.nonblocking.LambdaFilterConfiguration();
		Method factory = configuration.getClass().getMethod("testPauseFilter");
		Verdict verdict = this.detector.detect(configuration.testPauseFilter(), factory);
		assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NON_BLOCKING);
		assertThat(verdict.source()).isEqualTo(Verdict.Source.DECLARED);
		assertThat(verdict.evidence()).singleElement()
			.hasToString("declared @NonBlocking on LambdaFilterConfiguration.testPauseFilter: "
					+ "the pause only happens in the test profile");
	}

	private Verdict assertBlocking(Object filter, String... chains) {
		Verdict verdict = this.detector.detect(filter);
		assertThat(verdict.kind()).isEqualTo(Verdict.Kind.BLOCKING);
		assertThat(verdict.source()).isEqualTo(Verdict.Source.STATIC_ANALYSIS);
		assertThat(verdict.evidence()).extracting(Evidence::toString).containsExactly(chains);
		assertThat(verdict.evidence()).allSatisfy((evidence) -> {
			assertThat(evidence.isDeclared()).isFalse();
			assertThat(evidence.suggestion()).isNotBlank();
		});
		return verdict;
	}

	private static void assertNonBlocking(Verdict verdict) {
		assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NON_BLOCKING);
		assertThat(verdict.source()).isEqualTo(Verdict.Source.STATIC_ANALYSIS);
		assertThat(verdict.evidence()).isEmpty();
	}

	private BlockingFilterDetector detector(BlockingApiCatalogue catalogue, int maxDepth) {
		return new BlockingFilterDetector(catalogue, List.of(FIXTURES), maxDepth, getClass().getClassLoader());
	}

}
