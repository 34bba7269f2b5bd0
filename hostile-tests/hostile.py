#!/usr/bin/env python3
"""The hostile-input suite: seeded malformed and hostile HTTP/1.1 conversations against a
running sample app, over raw sockets, at several connections at once.

    python3 hostile-tests/hostile.py --port 18090 --seed 14 --requests 10000 --connections 8

Each conversation is one TCP connection carrying one or more requests (keep-alive,
pipelined, the last often with Connection: close). Every request must be answered within
--timeout seconds. A response with Connection: close answers its own request, and the
server processes nothing sent after it (RFC 9112 9.6; a client retries those, 9.3.2): the
requests behind a refusal, or behind a request that asked to close, and a chunked body the
client never finishes, are counted as 'closed'. Stricter than the RFC (which lets a server
close at any time): a close after a normal answer (below 400) to a request that did not ask
for it counts the requests behind it as unanswered. No answer may be a 5xx, redirect to
another host, adopt a session id the client chose, or carry a header the client smuggled in.
Each unanswered request is listed with the client's port, which names its connection in the
server's debug log (logging.level.reactor.netty.http.server=debug). Exits 1 on any violation, after
printing the summary table and the first violations with the seed that reproduces them.
"""
import argparse
import random
import re
import socket
import sys
import threading
import time
import urllib.parse

HOSTS = {"localhost", "127.0.0.1", "testserver", "trusted.example"}
INJECTED = "x-hostile-injected"
SECRET_RE = re.compile(rb"csrftoken=([A-Za-z0-9]{32})")
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


class Request:
    def __init__(self, kind, raw, head=False):
        self.kind = kind
        self.raw = raw
        self.head = head
        self.asks_close = b"\r\nConnection: close\r\n" in raw.split(b"\r\n\r\n", 1)[0] + b"\r\n"
        self.incomplete = False


def req(method, path, headers=(), body=b"", chunked=None, close=False, host="localhost"):
    lines = [f"{method} {path} HTTP/1.1".encode("latin-1"), b"Host: " + host.encode("latin-1")]
    for name, value in headers:
        lines.append(name.encode("latin-1") + b": " + (value if isinstance(value, bytes) else value.encode("latin-1")))
    if chunked is not None:
        lines.append(b"Transfer-Encoding: chunked")
    elif body or method in ("POST", "PUT", "PATCH"):
        lines.append(b"Content-Length: %d" % len(body))
    if close:
        lines.append(b"Connection: close")
    raw = b"\r\n".join(lines) + b"\r\n\r\n"
    return raw + (chunked if chunked is not None else body)


class Generator:
    """Builds one conversation per call from a seeded Random."""

    def __init__(self, rnd, secret):
        self.r = rnd
        self.secret = secret

    def token(self):
        r = self.r
        return r.choice([
            self.secret, "", "x" * r.choice([1, 31, 32, 63, 64, 65, 4096]),
            "".join(r.choice(ALNUM) for _ in range(64)), "%00" * 16, "é" * 32, self.secret.swapcase(),
            "".join(r.choice(ALNUM) for _ in range(32)),
        ])

    def cookie(self, session_ids):
        r = self.r
        parts = []
        if r.random() < 0.7:
            parts.append("csrftoken=" + r.choice([self.secret, self.token()]))
        if r.random() < 0.5:
            chosen = r.choice(["attacker-" + "".join(r.choice(ALNUM) for _ in range(12)),
                               "00000000-0000-0000-0000-000000000000", "../../etc/passwd", "a" * 4000, ""])
            session_ids.add(chosen)
            parts.append("sessionid=" + chosen)
        if r.random() < 0.2:
            parts.append(r.choice(["messages=" + "A" * r.choice([10, 5000]) + ":bad", "django_language=xx;;",
                                   "=", ";;;", "a=\"b", "x" * 8000, "sessionid=\r\nX-Hostile-Injected: 1"]))
        return "; ".join(parts)

    def origin_headers(self):
        r = self.r
        out = []
        choice = r.random()
        if choice < 0.3:
            out.append(("Origin", r.choice(["http://localhost", "https://evil.example", "null", "http://localhost:1",
                                            "https://trusted.example", "http://[", "", "http://localhost\x00"])))
        elif choice < 0.5:
            out.append(("Referer", r.choice(["https://evil.example/?q=secret", "http://localhost/form/", "::", "https://[/",
                                             "http://localhost/%0d%0aX-Hostile-Injected:%201"])))
        if r.random() < 0.15:
            out.append(("X-Forwarded-Proto", r.choice(["https", "http", "https, http", "gopher"])))
        return out

    def form_body(self):
        r = self.r
        kind = r.choice(["ok", "many", "big", "badpct", "binary", "charset", "repeat"])
        token = "csrfmiddlewaretoken=" + urllib.parse.quote(r.choice([self.secret, self.token()]))
        if kind == "ok":
            return kind, token + "&a=1&b=%E2%82%AC", "application/x-www-form-urlencoded"
        if kind == "many":
            return kind, token + "&f=1" * r.choice([999, 1000, 1500, 5000]), "application/x-www-form-urlencoded"
        if kind == "big":
            return kind, token + "&a=" + "x" * r.choice([300_000, 2_700_000]), "application/x-www-form-urlencoded"
        if kind == "badpct":
            return kind, token + "&a=" + r.choice(["%zz", "%", "%4", "%C3%28", "%ff%fe"]), "application/x-www-form-urlencoded"
        if kind == "binary":
            return kind, "".join(chr(r.randrange(256)) for _ in range(200)), "application/x-www-form-urlencoded"
        if kind == "charset":
            return kind, token, "application/x-www-form-urlencoded; charset=" + r.choice(["nonesuch", "utf-7", "", "\"", "latin1"])
        return kind, (token + "&") * r.choice([2, 50]), "application/x-www-form-urlencoded"

    def multipart_body(self):
        r = self.r
        b = r.choice(["b0undary", "x" * 70, "", "é"])
        kind = r.choice(["ok", "files", "fields", "broken", "noend", "bigfield", "badheader"])
        def field(name, value):
            return f"--{b}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        def file(name):
            return f"--{b}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nxyz\r\n"
        body = field("csrfmiddlewaretoken", r.choice([self.secret, self.token()]))
        if kind == "files":
            body += "".join(file(f"f{i}") for i in range(r.choice([2, 101, 150])))
        elif kind == "fields":
            body += "".join(field(f"a{i}", "1") for i in range(r.choice([10, 1001, 1200])))
        elif kind == "bigfield":
            body += field("a", "x" * r.choice([100_000, 2_700_000]))
        elif kind == "badheader":
            body += f"--{b}\r\nContent-Disposition: form-data; name=\"a\r\n" + "X" * 20000 + "\r\n\r\n1\r\n"
        elif kind == "broken":
            body += f"--{b}\r\nno headers here"
        if kind != "noend":
            body += f"--{b}--\r\n"
        return kind, body, "multipart/form-data; boundary=" + b

    def one_request(self, session_ids, close):
        r = self.r
        headers = []
        cookie = self.cookie(session_ids)
        if cookie:
            headers.append(("Cookie", cookie.encode("utf-8", "replace")))
        headers += self.origin_headers()
        if r.random() < 0.3:
            headers.append(("X-CSRFToken", self.token().encode("utf-8")))
        family = r.choice(["get", "get", "form", "multipart", "chunked", "headers", "method", "path", "login"])
        host = r.choice(["localhost"] * 8 + ["evil.example", "localhost:18090", "127.0.0.1", "[::1]", "a" * 300,
                                              "localhost\t", "trusted.example"])
        if family == "get":
            path = r.choice(["/hello/", "/session/", "/whoami/", "/messages/add/", "/messages/show/", "/form/", "/etag/",
                             "/big/", "/private/", "/session/flush/", "/frame/exempt/", "/hello", "/accounts/login/",
                             "/actuator/middleware", "/actuator/health", "/nowhere"])
            method = r.choice(["GET", "GET", "HEAD", "OPTIONS"])
            if r.random() < 0.2:
                headers.append(("If-None-Match", r.choice(["*", "\"x\"", "W/\"", "\"" * 100])))
            if r.random() < 0.2:
                headers.append(("Accept-Encoding", r.choice(["gzip", "gzip;q=0", "*", "br, gzip, deflate", "g" * 3000])))
            if r.random() < 0.1:
                headers.append(("Accept-Language", r.choice(["xx-YY", "*", "de;q=x", "en-" + "a" * 500])))
            if r.random() < 0.1:
                headers.append(("User-Agent", r.choice(["BadBot/1.0", "", "\x7f"])))
            return family + "/" + method, Request(family, req(method, path, headers, close=close, host=host), method == "HEAD")
        if family in ("form", "login"):
            kind, body, ctype = self.form_body()
            if family == "login":
                body = body + "&username=alice&password=" + r.choice(["wonderland", "wrong", "%zz"])
            headers.append(("Content-Type", ctype))
            path = "/login/" if family == "login" else r.choice(["/form/", "/api/exempt/", "/logout/", "/nowhere/"])
            return family + "/" + kind, Request(family, req("POST", path, headers, body.encode("latin-1", "replace"), close=close, host=host))
        if family == "multipart":
            kind, body, ctype = self.multipart_body()
            headers.append(("Content-Type", ctype))
            return "multipart/" + kind, Request(family, req("POST", r.choice(["/form/", "/api/exempt/"]), headers,
                                                            body.encode("utf-8"), close=close, host=host))
        if family == "chunked":
            kind = r.choice(["ok", "badsize", "hugesize", "noend", "ext", "trailer"])
            payload = b"csrfmiddlewaretoken=" + self.secret.encode() + b"&a=1"
            if kind == "ok":
                chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(payload), payload)
            elif kind == "badsize":
                chunked = b"zz\r\n" + payload + b"\r\n0\r\n\r\n"
            elif kind == "hugesize":
                chunked = b"ffffffffffffffff\r\n" + payload + b"\r\n0\r\n\r\n"
            elif kind == "noend":
                chunked = b"%x\r\n%s\r\n" % (len(payload), payload)
                close = True  # the body never ends: the server answers only when the client stops sending
            elif kind == "ext":
                chunked = b"%x;name=value\r\n%s\r\n0\r\n\r\n" % (len(payload), payload)
            else:
                chunked = b"%x\r\n%s\r\n0\r\nX-Hostile-Injected: 1\r\n\r\n" % (len(payload), payload)
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
            request = Request(family, req("POST", "/form/", headers, chunked=chunked, close=close, host=host))
            request.incomplete = kind == "noend"
            return "chunked/" + kind, request, request.incomplete
        if family == "headers":
            kind = r.choice(["many", "long", "badname", "crlf", "dup-host", "dup-cl"])
            if kind == "many":
                headers += [(f"X-H{i}", "v") for i in range(r.choice([100, 500]))]
            elif kind == "long":
                headers.append(("X-Long", "v" * r.choice([4000, 9000, 20000])))
            elif kind == "badname":
                headers.append(("Bad Name", "v"))
            elif kind == "crlf":
                headers.append(("X-Value", b"a\rX-Hostile-Injected: 1"))
            elif kind == "dup-host":
                headers.append(("Host", "evil.example"))
            else:
                return "headers/" + kind, Request(family, b"POST /form/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n"
                                                  b"Content-Length: 5\r\n\r\na=1"), True
            return "headers/" + kind, Request(family, req("GET", "/hello/", headers, close=close, host=host))
        if family == "method":
            method = r.choice(["X" * 256, "PROPFIND", "get", "TRACE", "CONNECT", "DELETE", "PUT", "PATCH", "M-SEARCH", "BREW"])
            return "method/" + ("long" if len(method) > 20 else method), Request(family, req(method, r.choice(["/hello/", "/methods/", "/form/"]),
                                                                                          headers, close=close, host=host), )
        path = r.choice(["/" + "a" * r.choice([100, 2100, 3000]) + "/", "/%2e%2e/%2e%2e/etc/passwd", "//evil.example/",
                         "/hello/%0d%0aX-Hostile-Injected:%201", "/%zz/", "/hello/?next=//evil.example", "/\\evil.example",
                         "/hello?a=%ff", "/messages/add/?text=" + "m" * 3000, "/%00/", "/hello;jsessionid=x/",
                         "///evil.example/%2f%2e%2e", "/whoami", "/session"])
        return "path", Request(family, req("GET", path, headers, close=close, host=host))

    def conversation(self):
        r = self.r
        session_ids = set()
        n = r.choice([1, 1, 2, 3, 4])
        pipelined = n > 1 and r.random() < 0.3
        close_last = r.random() < 0.6
        requests = []
        ends = False
        for i in range(n):
            built = self.one_request(session_ids, close_last and i == n - 1)
            label, request = built[0], built[1]
            requests.append((label, request))
            if len(built) > 2 and built[2]:
                ends = True  # a request after which the server may close: nothing follows it
                break
        return requests, pipelined, session_ids, ends


def read_response(sock, buf, head, deadline):
    """Reads one response; returns (status, headers list, rest of buffer) or None if the
    connection closed or the deadline passed without a whole response."""
    while b"\r\n\r\n" not in buf:
        chunk = recv(sock, deadline)
        if not chunk:
            return None, buf
        buf += chunk
    head_end = buf.index(b"\r\n\r\n")
    lines = buf[:head_end].split(b"\r\n")
    buf = buf[head_end + 4:]
    status = int(lines[0].split(b" ")[1])
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers.append((name.strip().decode("latin-1").lower(), value.strip().decode("latin-1")))
    hmap = {}
    for name, value in headers:
        hmap.setdefault(name, value)
    if head or status in (204, 304) or 100 <= status < 200:
        return (status, headers), buf
    if hmap.get("transfer-encoding", "").lower() == "chunked":
        while True:
            while b"\r\n" not in buf:
                chunk = recv(sock, deadline)
                if not chunk:
                    return None, buf
                buf += chunk
            size_line, _, buf = buf.partition(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            while len(buf) < size + 2:
                chunk = recv(sock, deadline)
                if not chunk:
                    return None, buf
                buf += chunk
            buf = buf[size + 2:]
            if size == 0:
                return (status, headers), buf
    if "content-length" in hmap:
        length = int(hmap["content-length"])
        while len(buf) < length:
            chunk = recv(sock, deadline)
            if not chunk:
                return None, buf
            buf += chunk
        return (status, headers), buf[length:]
    while True:  # delimited by close
        chunk = recv(sock, deadline)
        if not chunk:
            return (status, headers), b""
        buf += chunk


def recv(sock, deadline):
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        return b""
    sock.settimeout(remaining)
    try:
        return sock.recv(65536)
    except (socket.timeout, ConnectionResetError, OSError):
        return b""


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = {}
        self.violations = []
        self.unanswered = []
        self.requests = 0

    def add(self, label, status, problem, unanswered=False):
        with self.lock:
            row = self.rows.setdefault(label, {"n": 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, "none": 0,
                                               "dropped": 0, "bad": 0})
            row["n"] += 1
            self.requests += 1
            if status == "dropped":
                row["dropped"] += 1
            elif status is None:
                row["none"] += 1
            else:
                row["%dxx" % (status // 100)] += 1
            if problem and unanswered:
                self.unanswered.append(problem)
            elif problem:
                row["bad"] += 1
                self.violations.append(problem)


def check(label, status, headers, session_ids):
    problems = []
    if status >= 500:
        problems.append(f"{status} answer")
    for name, value in headers:
        if name == INJECTED or INJECTED in value.lower() and name != "set-cookie":
            problems.append(f"header injection: {name}: {value[:80]}")
        if name == "location":
            target = urllib.parse.urlsplit(value.replace("\\", "/"))
            if (target.netloc or value.startswith("//")) and target.hostname not in HOSTS:
                problems.append(f"open redirect: Location {value[:80]}")
        if name == "set-cookie" and value.startswith("sessionid="):
            sid = value[len("sessionid="):].split(";")[0]
            if sid and sid in session_ids:
                problems.append(f"adopted session id {sid[:40]}")
    return problems


def run_conversation(port, conv, timeout, stats, seed_note):
    requests, pipelined, session_ids, ends = conv
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except OSError as ex:
        for label, _ in requests:
            stats.add(label, None, f"{seed_note} {label}: could not connect: {ex}")
        return
    buf = b""
    # the client's port names the connection in the server's debug log (reactor.netty.http.server)
    seed_note += f" port {sock.getsockname()[1]}"
    try:
        if pipelined:
            try:
                sock.sendall(b"".join(request.raw for _, request in requests))
            except OSError:
                pass  # the server refused an early request and closed: its answer is still read
        for index, (label, request) in enumerate(requests):
            if not pipelined:
                try:
                    sock.sendall(request.raw)
                except OSError:
                    pass  # the server may refuse to read a body; its answer is still expected
            if request.incomplete:
                # the body never ends: the client gives up sending; an answer, or a close
                # without one (the request was never whole), are both fine
                try:
                    sock.shutdown(socket.SHUT_WR)
                except OSError:
                    pass  # the server already closed the connection
            deadline = time.monotonic() + timeout
            response, buf = read_response(sock, buf, request.head, deadline)
            if response is None:
                if request.incomplete and time.monotonic() < deadline:
                    stats.add(label, "dropped", None)
                    return
                waited = timeout - (deadline - time.monotonic())
                how = (f"no answer within {timeout}s" if time.monotonic() >= deadline
                       else f"connection closed after {waited:.1f}s without an answer")
                stats.add(label, None, f"{seed_note} {label} (request {index + 1} of {len(requests)}"
                                       f"{', pipelined' if pipelined else ''}): {how}", True)
                for later_label, _ in requests[index + 1:]:
                    stats.add(later_label, None, f"{seed_note} {later_label}: not answered (connection ended)", True)
                return
            status, headers = response
            problems = check(label, status, headers, session_ids)
            closing = any(n == "connection" and v.lower() == "close" for n, v in headers)
            rest = requests[index + 1:]
            # after a response with Connection: close the server processes nothing more
            # (RFC 9112 9.6) and the client would retry the rest (9.3.2): 'closed' when the
            # server refused the request (its body perhaps unread) or the request asked to
            # close; after a normal answer to a request that did not ask, nothing in the
            # request explains the close, and the suite counts the rest unanswered
            stats.add(label, status, (f"{seed_note} {label}: " + "; ".join(problems)) if problems else None)
            if closing and rest:
                premature = status < 400 and not request.asks_close
                for later_label, _ in rest:
                    if premature:
                        stats.add(later_label, None, f"{seed_note} {later_label}: not answered, the server closed "
                                                     f"after a normal answer to request {index + 1}", True)
                    else:
                        stats.add(later_label, "dropped", None)
                return
    finally:
        sock.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--requests", type=int, default=10000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--only", type=int, help="run conversation N alone")
    parser.add_argument("--dump", type=int, help="print conversation N's requests and send nothing")
    parser.add_argument("--max-unanswered", type=int, default=0,
                        help="requests that may go unanswered (0: every request must be answered)")
    parser.add_argument("--show", type=int, default=30, help="how many violations to list")
    args = parser.parse_args()

    # the first request of a cold JVM on a busy machine may take a while
    page = socket.create_connection(("127.0.0.1", args.port), timeout=max(args.timeout, 60))
    page.sendall(req("GET", "/form/", close=True))
    data = b""
    while True:
        chunk = page.recv(65536)
        if not chunk:
            break
        data += chunk
    page.close()
    match = SECRET_RE.search(data)
    if not match:
        print("hostile: GET /form/ sent no csrftoken cookie", file=sys.stderr)
        return 2
    secret = match.group(1).decode()

    # conversations are generated up front from the seed, so a run is reproducible
    rnd = random.Random(args.seed)
    generator = Generator(rnd, secret)
    conversations = []
    total = 0
    while total < args.requests:
        conv = generator.conversation()
        conversations.append((len(conversations), conv))
        total += len(conv[0])

    if args.dump is not None:
        requests, pipelined, _, _ = conversations[args.dump][1]
        print(f"conversation {args.dump}: {'pipelined' if pipelined else 'one after another'}")
        for label, request in requests:
            print(f"--- {label}\n{request.raw[:1500]!r}")
        return 0

    if args.only is not None:
        conversations = [conversations[args.only]]
    stats = Stats()
    queue = list(reversed(conversations))
    queue_lock = threading.Lock()

    def worker():
        while True:
            with queue_lock:
                if not queue:
                    return
                number, conv = queue.pop()
            run_conversation(args.port, conv, args.timeout, stats, f"[seed {args.seed} conversation {number}]")

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    print(f"hostile: seed {args.seed}, {stats.requests} requests in {len(conversations)} conversations, "
          f"{args.connections} connections, {elapsed:.1f} s")
    print(f"{'family/kind':<24}{'requests':>9}{'2xx':>7}{'3xx':>7}{'4xx':>7}{'5xx':>7}{'no answer':>11}"
          f"{'closed':>8}{'violations':>12}")
    totals = {"n": 0, "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0, "none": 0, "dropped": 0, "bad": 0}
    for label in sorted(stats.rows):
        row = stats.rows[label]
        for key in totals:
            totals[key] += row[key]
        print(f"{label[:24]:<24}{row['n']:>9}{row['2xx']:>7}{row['3xx']:>7}{row['4xx']:>7}{row['5xx']:>7}{row['none']:>11}{row['dropped']:>8}{row['bad']:>12}")
    print(f"{'total':<24}{totals['n']:>9}{totals['2xx']:>7}{totals['3xx']:>7}{totals['4xx']:>7}{totals['5xx']:>7}{totals['none']:>11}{totals['dropped']:>8}{totals['bad']:>12}")
    if stats.unanswered:
        print(f"hostile: {len(stats.unanswered)} requests unanswered (allowed: {args.max_unanswered}); "
              f"the first {args.show}:")
        for problem in sorted(stats.unanswered)[:args.show]:
            print("  " + problem)
    if len(stats.unanswered) > args.max_unanswered:
        stats.violations.append(f"{len(stats.unanswered)} requests unanswered")
    if stats.violations:
        print(f"hostile: {len(stats.violations)} violations; the first {args.show}:")
        for violation in sorted(stats.violations)[:args.show]:
            print("  " + violation)
        return 1
    print("hostile: no 5xx, open redirect, adopted session id or header injection")
    return 0


if __name__ == "__main__":
    sys.exit(main())
