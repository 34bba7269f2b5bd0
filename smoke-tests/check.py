#!/usr/bin/env python3
"""Checks a running smoke-test application from outside, over HTTP, as a user's client would.

usage: check.py plain|secured PORT LOG_FILE

Exits 1 naming every check that failed. Standard library only.
"""
import http.client
import re
import sys
import urllib.parse

HEADERS_ONCE = {
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)
    return condition


class Client:
    """One browser: keeps cookies, follows nothing."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        sent = dict(headers or {})
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie_name, _, rest = value.partition("=")
                cookie_value = rest.split(";", 1)[0]
                if re.search(r"max-age=0\b", value, re.I):
                    self.cookies.pop(cookie_name, None)
                else:
                    self.cookies[cookie_name] = cookie_value
        connection.close()
        return response, text


def values(response, name):
    return [v for n, v in response.getheaders() if n.lower() == name.lower()]


def check_startup(log_file):
    with open(log_file, encoding="utf-8", errors="replace") as log:
        text = log.read()
    check("Using generated security password" not in text, "startup logs no generated security password")


def check_hello(port):
    response, body = Client(port).request("GET", "/hello/")
    check(response.status == 200 and body == "hello", f"GET /hello/ is 200 'hello' (got {response.status})")
    for name, expected in HEADERS_ONCE.items():
        got = values(response, name)
        check(got == [expected], f"GET /hello/ has {name}: {expected} exactly once (got {got})")


def check_csrf(port):
    response, body = Client(port).request("POST", "/form/", body={"a": "1"})
    check(response.status == 403 and "CSRF verification failed" in body,
          f"POST /form/ without a token gets Django's CSRF 403 (got {response.status})")
    client = Client(port)
    response, token = client.request("GET", "/form/")
    check(response.status == 200 and "csrftoken" in client.cookies, "GET /form/ sets the csrftoken cookie")
    response, body = client.request("POST", "/form/", body={"a": "1"}, headers={"X-CSRFToken": token})
    check(response.status == 200 and body == "ok",
          f"POST /form/ with the csrftoken cookie and X-CSRFToken is 200 'ok' (got {response.status})")


def check_login(port):
    response, _ = Client(port).request("GET", "/private/")
    location = response.getheader("Location") or ""
    check(response.status in (302, 303) and location.endswith("/login"),
          f"GET /private/ redirects to the login page (got {response.status} {location})")

    response, _ = Client(port).request("POST", "/login", body={"username": "alice", "password": "wonderland"})
    check(response.status == 403, f"POST /login without a CSRF token is refused (got {response.status})")

    client = Client(port)
    response, page = client.request("GET", "/login")
    field = re.search(r'name="csrfmiddlewaretoken"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrfmiddlewaretoken"', page)
    check(response.status == 200 and field is not None and "csrftoken" in client.cookies,
          "GET /login renders the form with the stack's token and sets the csrftoken cookie")
    token = (field.group(1) or field.group(2)) if field else ""
    response, _ = client.request("POST", "/login", body={
        "username": "alice", "password": "wonderland", "csrfmiddlewaretoken": token})
    location = response.getheader("Location") or ""
    check(response.status in (302, 303) and not location.endswith("error"),
          f"POST /login with the token logs alice in (got {response.status} {location})")
    for attempt in ("first", "second"):
        response, body = client.request("GET", "/private/")
        check(response.status == 200 and body == "secret for alice",
              f"GET /private/ with the session, {attempt} request: 200 'secret for alice' "
              f"(got {response.status} {body[:60]!r})")


def main():
    kind, port, log_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    check_startup(log_file)
    check_hello(port)
    check_csrf(port)
    if kind == "secured":
        check_login(port)
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
