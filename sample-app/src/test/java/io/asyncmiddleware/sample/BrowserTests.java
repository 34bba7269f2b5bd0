package io.asyncmiddleware.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample in a real browser (headless Chromium driven by Selenium): the form posts
 * with the token the stack filled in, alice logs in through the login page, a flash
 * message shows once, and a page that drops the token gets Django's 403. Skipped when
 * Debian's {@code chromium} or {@code chromium-driver} is not installed.
 */
@ExtendWith(BrowserTests.ChromiumInstalled.class)
// Selenium warns that it has no DevTools binding for this Chromium: not used here
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.level.org.openqa.selenium=ERROR")
class BrowserTests {

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	@LocalServerPort
	private int port;

	private Path profile;

	private WebDriver browser;

	@BeforeEach
	void openBrowser() throws IOException {
		this.profile = Files.createTempDirectory("sample-app-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--user-data-dir=" + this.profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		// a loaded CI machine may still be rendering when the test looks for an element
		this.browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
	}

	@AfterEach
	void closeBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	@Test
	void formPostsWithTheTokenTheStackFilledIn() {
		open("/form/");
		String token = this.browser.findElement(By.name("csrfmiddlewaretoken")).getAttribute("value");
		assertThat(token).matches("[A-Za-z0-9]{64}");
		assertThat(this.browser.manage().getCookieNamed("csrftoken")).isNotNull();
		this.browser.findElement(By.name("comment")).sendKeys("hello from Chromium");
		submit();
		assertThat(text()).isEqualTo("ok");
	}

	@Test
	void aliceLogsInThroughTheLoginPageAndSeesAFlashMessageOnce() {
		open("/whoami/");
		assertThat(text()).isEqualTo("anonymous");
		open("/private/");
		assertThat(this.browser.getCurrentUrl()).endsWith("/accounts/login/?next=/private/");
		this.browser.findElement(By.name("username")).sendKeys("alice");
		this.browser.findElement(By.name("password")).sendKeys("wonderland");
		submit();
		assertThat(this.browser.getCurrentUrl()).endsWith("/whoami/");
		assertThat(text()).isEqualTo("alice");
		assertThat(this.browser.manage().getCookieNamed("sessionid")).isNotNull();
		open("/private/");
		assertThat(text()).isEqualTo("secret");

		open("/messages/");
		// seen once in a loaded full run: the page without its "No messages." line; show what it was
		assertThat(this.browser.findElements(By.className("empty"))).as(this.browser::getPageSource).isNotEmpty();
		assertThat(this.browser.findElement(By.className("empty")).getText()).isEqualTo("No messages.");
		this.browser.findElement(By.name("text")).sendKeys("Welcome back, alice");
		submit();
		assertThat(this.browser.getCurrentUrl()).endsWith("/messages/show/");
		assertThat(text()).isEqualTo("Welcome back, alice");
		this.browser.navigate().refresh();
		assertThat(text()).isEmpty();
		open("/messages/");
		assertThat(this.browser.findElements(By.cssSelector("ul.messages li"))).isEmpty();
	}

	@Test
	void pageWithoutTheTokenGetsDjangos403() {
		open("/form/without-token/");
		assertThat(this.browser.findElements(By.name("csrfmiddlewaretoken"))).isEmpty();
		submit();
		assertThat(this.browser.getTitle()).isEqualTo("403 Forbidden");
		assertThat(text()).contains("Forbidden (403)", "CSRF verification failed. Request aborted.");
	}

	/** Clicks the page's button and waits until the next page replaced it. */
	private void submit() {
		WebElement page = this.browser.findElement(By.tagName("html"));
		this.browser.findElement(By.tagName("button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
	}

	private void open(String path) {
		this.browser.get("http://localhost:" + this.port + path);
	}

	private String text() {
		return this.browser.findElement(By.tagName("body")).getText().trim();
	}

	/**
	 * Runs the browser tests only where Debian's chromium and chromium-driver are
	 * installed.
	 */
	static final class ChromiumInstalled implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			for (File file : new File[] { CHROMIUM, CHROMEDRIVER }) {
				if (!file.canExecute()) {
					return ConditionEvaluationResult.disabled("Skipped: " + file
							+ " is missing; install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
				}
			}
			return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
		}

	}

}
