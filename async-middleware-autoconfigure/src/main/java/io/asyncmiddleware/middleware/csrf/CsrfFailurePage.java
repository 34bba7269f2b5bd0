package io.asyncmiddleware.middleware.csrf;

import org.springframework.web.util.HtmlUtils;

/**
 * The 403 page of Django's {@code csrf_failure} view: its title, texts and paragraphs;
 * the reason and help only in debug mode, as with Django's {@code DEBUG=True}.
 */
public final class CsrfFailurePage {

	private static final String DOCS_VERSION = "5.2";

	private final boolean debug;

	/**
	 * Creates the page.
	 * @param debug whether to show the reason and the help section (Django: DEBUG)
	 */
	public CsrfFailurePage(boolean debug) {
		this.debug = debug;
	}

	/**
	 * Renders the page for a reason.
	 * @param reason the rejection reason
	 * @return the HTML
	 */
	public String render(String reason) {
		StringBuilder html = new StringBuilder(2048);
		html.append("""
				<!DOCTYPE html>
				<html lang="en">
				<head>
				  <meta http-equiv="content-type" content="text/html; charset=utf-8">
				  <meta name="robots" content="NONE,NOARCHIVE">
				  <title>403 Forbidden</title>
				  <style>
				    html * { padding:0; margin:0; }
				    body * { padding:10px 20px; }
				    body * * { padding:0; }
				    body { font-family: sans-serif; background:#eee; color:#000; }
				    body>div { border-bottom:1px solid #ddd; }
				    h1 { font-weight:normal; margin-bottom:.4em; }
				    h1 span { font-size:60%; color:#666; font-weight:normal; }
				    #info { background:#f6f6f6; }
				    #info ul { margin: 0.5em 4em; }
				    #info p, #summary p { padding-top:10px; }
				    #summary { background: #ffc; }
				    #explanation { background:#eee; border-bottom: 0px none; }
				  </style>
				</head>
				<body>
				<div id="summary">
				  <h1>Forbidden <span>(403)</span></h1>
				  <p>CSRF verification failed. Request aborted.</p>
				""");
		if (CsrfFailureReason.NO_REFERER.equals(reason)) {
			paragraph(html, "You are seeing this message because this HTTPS site requires a “Referer header” to be "
					+ "sent by your web browser, but none was sent. This header is required for security reasons, "
					+ "to ensure that your browser is not being hijacked by third parties.");
			paragraph(html, "If you have configured your browser to disable “Referer” headers, please re-enable "
					+ "them, at least for this site, or for HTTPS connections, or for “same-origin” requests.");
			paragraph(html, "If you are using the <meta name=\"referrer\" content=\"no-referrer\"> tag or including "
					+ "the “Referrer-Policy: no-referrer” header, please remove them. The CSRF protection requires "
					+ "the “Referer” header to do strict referer checking. If you’re concerned about privacy, use "
					+ "alternatives like <a rel=\"noreferrer\" …> for links to third-party sites.");
		}
		if (CsrfFailureReason.NO_CSRF_COOKIE.equals(reason)) {
			paragraph(html, "You are seeing this message because this site requires a CSRF cookie when submitting "
					+ "forms. This cookie is required for security reasons, to ensure that your browser is not "
					+ "being hijacked by third parties.");
			paragraph(html, "If you have configured your browser to disable cookies, please re-enable them, at "
					+ "least for this site, or for “same-origin” requests.");
		}
		html.append("</div>\n");
		if (this.debug) {
			html.append("<div id=\"info\">\n  <h2>Help</h2>\n");
			if (!reason.isEmpty()) {
				html.append("    <p>Reason given for failure:</p>\n    <pre>\n    ")
					.append(HtmlUtils.htmlEscape(reason, "UTF-8"))
					.append("\n    </pre>\n");
			}
			html.append("""

					  <p>In general, this can occur when there is a genuine Cross Site Request Forgery, or when
					  <a
					  href="https://docs.djangoproject.com/en/%1$s/ref/csrf/">Django’s
					  CSRF mechanism</a> has not been used correctly.  For POST forms, you need to
					  ensure:</p>

					  <ul>
					    <li>Your browser is accepting cookies.</li>

					    <li>The view function passes a <code>request</code> to the template’s <a
					    href="https://docs.djangoproject.com/en/%1$s/topics/templates/#django.template.backends.base.Template.render"><code>render</code></a>
					    method.</li>

					    <li>In the template, there is a <code>{%% csrf_token
					    %%}</code> template tag inside each POST form that
					    targets an internal URL.</li>

					    <li>If you are not using <code>CsrfViewMiddleware</code>, then you must use
					    <code>csrf_protect</code> on any views that use the <code>csrf_token</code>
					    template tag, as well as those that accept the POST data.</li>

					    <li>The form has a valid CSRF token. After logging in in another browser
					    tab or hitting the back button after a login, you may need to reload the
					    page with the form, because the token is rotated after a login.</li>
					  </ul>

					  <p>You’re seeing the help section of this page because you have <code>DEBUG =
					  True</code> in your Django settings file. Change that to <code>False</code>,
					  and only the initial error message will be displayed.  </p>

					  <p>You can customize this page using the CSRF_FAILURE_VIEW setting.</p>
					</div>
					""".formatted(DOCS_VERSION));
		}
		else {
			html.append("\n<div id=\"explanation\">\n  <p><small>More information is available with DEBUG=True.</small></p>\n</div>\n");
		}
		html.append("\n</body>\n</html>\n");
		return html.toString();
	}

	private static void paragraph(StringBuilder html, String text) {
		// Django's autoescape: & < > " ' only; the typographic quotes stay as they are
		html.append("  <p>").append(HtmlUtils.htmlEscape(text, "UTF-8")).append("</p>\n");
	}

}
