#!/usr/bin/env python3
"""Blind real-world log corpus for Log Gardener (written from the user docs only).

Writes, per kind of log, into OUT (default: ./data beside this file):

  <kind>.<ext>         the log as a service would write it (what a user feeds the tool)
  <kind>.tagged.<ext>  the same records with two instrument columns: the ground-truth event id
                       (read by the tool as the record's module) and a per-event trace id (read
                       as a `trace` link key).  run.py recovers from the Report which events
                       every cluster holds, and checks that the tags moved no cluster.
  truth.json           per kind: format, log_format, window, and per event its id, line count,
                       the words a useful title must keep, and a note.

Every generator uses a fixed seed; the output is byte-identical on every run.

Ground truth: an *event* is what an on-call engineer would want as ONE GitHub issue: the same
message template and, for errors with a stack, the same exception type and the same throwing code
(Sentry's grouping); parameters (ids, users, hosts, queues, paths, durations, sizes, SQL values,
attempt numbers) vary inside an event. Severity is not part of an event (a retry logged at WARNING
and its final failure at ERROR with the same text is one event).
"""
import datetime
import json
import os
import random
import sys

UTC = datetime.timezone.utc
BASE = datetime.datetime(2025, 9, 13, 17, 0, 0, tzinfo=UTC)
SPAN = 7080  # seconds; the window is [17:00, 19:00)
WINDOW = ("2025-09-13T17:00:00Z", "2025-09-13T19:00:00Z")

USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
         "mallory", "oscar", "peggy", "trent", "victor", "walter"]
TENANTS = ["Acme Corp", "Globex", "Initech", "Umbrella Health Systems", "Stark Industries",
           "Wayne Enterprises"]
PODS = ["web-7d9f8b6c4-x2kqz", "web-7d9f8b6c4-p9wlm", "api-5c6b7d8f9-qq2rt", "worker-6f7c8d9b5-zk4mn",
        "cron-runner-28012345-abcde", "payments-84c7b6d5f-hh7jk"]
NODES = ["gke-prod-pool-1-8f3a2c1d-9xk2", "gke-prod-pool-1-8f3a2c1d-b7qm", "gke-prod-pool-2-4c1e9a7b-tt5v"]


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid(rng):
    h = hexid(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def ip(rng, net="10.0"):
    return f"{net}.{rng.randint(0, 15)}.{rng.randint(2, 250)}"


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


SCALE = 3  # events seen 10+ times in the lists below are scaled up; rare ones stay rare


class Event:
    def __init__(self, eid, n, make, must=(), note=""):
        n = n * SCALE if n >= 10 else n
        self.eid, self.n, self.make, self.must, self.note = eid, n, make, list(must), note


# ----------------------------------------------------------------------------------------------
# 1. Java / Spring Boot with multi-line exceptions
# ----------------------------------------------------------------------------------------------
SERVLET_TAIL = [
    "org.springframework.web.servlet.FrameworkServlet.processRequest(FrameworkServlet.java:1014)",
    "org.springframework.web.servlet.FrameworkServlet.doPost(FrameworkServlet.java:914)",
    "jakarta.servlet.http.HttpServlet.service(HttpServlet.java:590)",
    "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
    "jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)",
    "org.apache.catalina.core.ApplicationFilterChain.internalDoFilter(ApplicationFilterChain.java:205)",
    "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:149)",
    "org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1740)",
    "java.base/java.lang.Thread.run(Thread.java:1583)",
]
SERVLET_LOGGER = "o.a.c.c.C.[.[.[/].[dispatcherServlet]"


def at(frames):
    return ["\tat " + f for f in frames]


def java_kind():
    def thread(rng):
        return f"nio-8080-exec-{rng.randint(1, 10)}"

    def servlet(exc, msg, app_frames):
        def make(rng, i):
            head = (f"Servlet.service() for servlet [dispatcherServlet] in context with path [] threw "
                    f"exception [Request processing failed: {exc}: {msg(rng)}] with root cause")
            lines = [head, f"{exc}: {msg(rng)}"] + at(app_frames + SERVLET_TAIL)
            return "ERROR", (thread(rng), SERVLET_LOGGER, lines)
        return make

    def coupon(rng):
        return 'Cannot invoke "com.acme.orders.model.Coupon.getPercent()" because "coupon" is null'

    def strlen(rng):
        return 'Cannot invoke "String.length()" because "name" is null'

    def currency(rng):
        return f"Unknown currency code: {pick(rng, ['XYZ', 'BTC', 'ABC', 'ZZZ'])}"

    def async_task(exc):
        def make(rng, i):
            lines = ["Async task sync-inventory failed", exc] + at([
                "java.base/java.util.concurrent.FutureTask.report(FutureTask.java:122)",
                "java.base/java.util.concurrent.FutureTask.get(FutureTask.java:205)",
                "com.acme.inventory.sched.InventorySync.run(InventorySync.java:77)",
                "org.springframework.scheduling.support.DelegatingErrorHandlingRunnable.run(DelegatingErrorHandlingRunnable.java:54)",
                "java.base/java.util.concurrent.ScheduledThreadPoolExecutor$ScheduledFutureTask.run(ScheduledThreadPoolExecutor.java:304)",
                "java.base/java.lang.Thread.run(Thread.java:1583)"])
            return "ERROR", ("scheduling-1", "c.a.inventory.sched.InventorySync", lines)
        return make

    def cart(root, root_frames):
        def make(rng, i):
            u = pick(rng, USERS)
            lines = [f"Failed to load cart for user {u}",
                     "org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection"] + at([
                "org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:275)",
                "com.acme.cart.repo.CartRepository.findByUser(CartRepository.java:31)",
                "com.acme.cart.service.CartService.load(CartService.java:58)"]) + [
                "Caused by: org.hibernate.exception.JDBCConnectionException: Unable to acquire JDBC Connection"] + at([
                "org.hibernate.exception.internal.SQLStateConversionDelegate.convert(SQLStateConversionDelegate.java:100)",
                "org.hibernate.engine.jdbc.connections.internal.LogicalConnectionManagedImpl.acquireConnectionIfNeeded(LogicalConnectionManagedImpl.java:99)"]) + [
                f"\t... {rng.randint(40, 60)} common frames omitted", "Caused by: " + root(rng)] + at(root_frames) + [
                f"\t... {rng.randint(60, 90)} common frames omitted"]
            return "ERROR", (thread(rng), "c.a.cart.web.CartController", lines)
        return make

    def order_state(method, line, ctl):
        def make(rng, i):
            lines = [f"Order operation failed for order {rng.randint(100000, 999999)}",
                     "java.lang.IllegalStateException: Order is not in a valid state"] + at([
                f"com.acme.orders.service.OrderService.{method}(OrderService.java:{line})",
                f"com.acme.orders.web.OrderController.{ctl}(OrderController.java:{line // 4})"] + SERVLET_TAIL[:4]) + [
                f"\t... {rng.randint(30, 50)} more"]
            return "ERROR", (thread(rng), "c.a.orders.web.OrderController", lines)
        return make

    def publish(exc_line):
        def make(rng, i):
            oid = rng.randint(100000, 999999)
            lines = [f"Failed to publish event OrderCreated for order {oid}", exc_line(rng)] + at([
                "org.apache.kafka.clients.producer.KafkaProducer.doSend(KafkaProducer.java:1054)",
                "org.springframework.kafka.core.KafkaTemplate.doSend(KafkaTemplate.java:789)",
                "com.acme.orders.events.OrderEventPublisher.publish(OrderEventPublisher.java:44)"])
            return "ERROR", ("kafka-producer-1", "c.a.orders.events.OrderEventPublisher", lines)
        return make

    def breaker(rng, i):
        return "WARN", (thread(rng), "i.g.r.circuitbreaker.CircuitBreaker",
                        [f"Circuit breaker '{pick(rng, ['inventory', 'payments', 'shipping'])}' is OPEN and does not permit further calls"])

    def retry(rng, i):
        a = rng.choice([1, 1, 2, 3])
        sev = "ERROR" if a == 3 else "WARN"
        return sev, (thread(rng), "c.a.payments.client.PaymentsClient",
                     [f"Retrying call to payments-api (attempt {a} of 3) after {rng.choice([100, 200, 400])} ms: Connection refused"])

    def slow(rng, i):
        m, p = pick(rng, [("GET", f"/api/v1/orders/{rng.randint(1000, 99999)}"), ("POST", "/api/v1/checkout"),
                          ("GET", f"/api/v1/users/{pick(rng, USERS)}/cart")])
        return "WARN", (thread(rng), "c.a.web.SlowRequestFilter",
                        [f"Slow request: {m} {p} took {rng.randint(2001, 9000)} ms (threshold 2000 ms)"])

    def hikari(rng, i):
        return "WARN", ("HikariPool-1 housekeeper", "com.zaxxer.hikari.pool.HikariPool",
                        [f"HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta={rng.randint(1, 3)}m{rng.randint(1, 59)}s)."])

    evs = [
        Event("J01", 40, servlet("java.lang.NullPointerException", coupon, [
            "com.acme.orders.service.PricingService.applyDiscount(PricingService.java:142)",
            "com.acme.orders.web.CheckoutController.checkout(CheckoutController.java:61)"]),
            ["NullPointerException"], "NPE in PricingService.applyDiscount"),
        Event("J02", 12, servlet("java.lang.NullPointerException", strlen, [
            "com.acme.billing.InvoiceRenderer.render(InvoiceRenderer.java:88)",
            "com.acme.billing.web.InvoiceController.pdf(InvoiceController.java:35)"]),
            ["NullPointerException"], "NPE in InvoiceRenderer.render (other method, other message)"),
        Event("J03", 6, servlet("java.lang.IllegalArgumentException", currency, [
            "com.acme.orders.fx.CurrencyConverter.convert(CurrencyConverter.java:23)",
            "com.acme.orders.web.CheckoutController.checkout(CheckoutController.java:58)"]),
            ["IllegalArgumentException"], "bad currency code"),
        Event("J04", 25, async_task("java.util.concurrent.TimeoutException"), ["TimeoutException"],
              "same header and frames as J05, exception type differs"),
        Event("J05", 5, async_task("java.util.concurrent.CancellationException"), ["CancellationException"],
              "same header and frames as J04, exception type differs"),
        Event("J06", 30, cart(lambda r: "java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is not available, request timed out after "
                              f"{r.randint(30000, 30100)}ms.", [
            "com.zaxxer.hikari.pool.HikariPool.createTimeoutException(HikariPool.java:696)",
            "com.zaxxer.hikari.pool.HikariPool.getConnection(HikariPool.java:181)"]),
            ["DataAccessResourceFailureException"], "root cause: pool timeout"),
        Event("J07", 8, cart(lambda r: "org.postgresql.util.PSQLException: FATAL: sorry, too many clients already", [
            "org.postgresql.core.v3.ConnectionFactoryImpl.doAuthentication(ConnectionFactoryImpl.java:693)",
            "org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:203)"]),
            ["DataAccessResourceFailureException"], "same top exception as J06, root cause: server refuses clients"),
        Event("J08", 15, order_state("cancel", 211, "cancel"), ["IllegalStateException"],
              "thrown from OrderService.cancel"),
        Event("J09", 10, order_state("refund", 264, "refund"), ["IllegalStateException"],
              "same exception+message as J08, thrown from OrderService.refund"),
        Event("J10", 60, breaker, ["Circuit breaker"], "breaker name is a parameter"),
        Event("J11", 80, retry, ["payments-api"], "WARN attempts 1-2, ERROR attempt 3, same text"),
        Event("J12", 50, slow, ["Slow request"], "method and path are parameters (taste)"),
        Event("J13", 3, hikari, ["Thread starvation"], "rare"),
        Event("J14", 10, publish(lambda r: "org.apache.kafka.common.errors.TimeoutException: Topic orders not present in metadata after 60000 ms."),
              ["TimeoutException"], "kafka metadata timeout"),
        Event("J15", 4, publish(lambda r: f"org.apache.kafka.common.errors.RecordTooLargeException: The message is {r.randint(1100000, 3000000)} bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration."),
              ["RecordTooLargeException"], "same header as J14, other exception"),
    ]

    def render(ts, sev, payload):
        th, logger, lines = payload
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"
        return [f"{t} {sev:>5} 1 --- [{th:>15}] {logger:<40} : {lines[0]}"] + lines[1:]

    return dict(name="java_spring", fmt="text", ext="log",
                log_format=r"<Timestamp> <Level> <Pid> --- \[<Thread>\] <Logger> : <Content>",
                render=render, events=evs)


# ----------------------------------------------------------------------------------------------
# 2. Python (uvicorn / celery / django / urllib3) with tracebacks
# ----------------------------------------------------------------------------------------------
ASGI_FRAMES = [
    ("/usr/local/lib/python3.12/site-packages/uvicorn/protocols/http/httptools_impl.py", 409, "run_asgi",
     "result = await app(  # type: ignore[func-returns-value]"),
    ("/usr/local/lib/python3.12/site-packages/starlette/applications.py", 123, "__call__",
     "await self.middleware_stack(scope, receive, send)"),
    ("/usr/local/lib/python3.12/site-packages/starlette/middleware/errors.py", 186, "__call__",
     "raise exc"),
    ("/usr/local/lib/python3.12/site-packages/starlette/routing.py", 756, "__call__",
     "await route.handle(scope, receive, send)"),
    ("/usr/local/lib/python3.12/site-packages/fastapi/routing.py", 301, "app",
     "raw_response = await run_endpoint_function("),
]


def tb(frames):
    out = ["Traceback (most recent call last):"]
    for f, ln, fn, code in frames:
        out += [f'  File "{f}", line {ln}, in {fn}', f"    {code}"]
    return out


def python_kind():
    def asgi(app_frames, exc_lines):
        def make(rng, i):
            return "ERROR", ("uvicorn.error", ["Exception in ASGI application"] + tb(ASGI_FRAMES + app_frames) + exc_lines(rng))
        return make

    def sqla(rng):
        host = "10.0.0.5"
        return [f'psycopg2.OperationalError: connection to server at "{host}", port 5432 failed: Connection refused',
                "\tIs the server running on that host and accepting TCP/IP connections?",
                "",
                "The above exception was the direct cause of the following exception:",
                ""] + tb([("/app/app/db.py", 31, "get_session", "conn = engine.connect()"),
                          ("/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", 3276, "connect",
                           "return self._connection_cls(self)")]) + [
                f'sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "{host}", port 5432 failed: Connection refused',
                "\tIs the server running on that host and accepting TCP/IP connections?",
                "",
                "(Background on this error at: https://sqlalche.me/e/20/e3q8)"]

    def celery(exc_repr, frames, last):
        def make(rng, i):
            return "ERROR", ("celery.app.trace", [
                f"Task app.tasks.sync_customer[{uuid(rng)}] raised unexpected: {exc_repr}"] + tb([
                    ("/usr/local/lib/python3.12/site-packages/celery/app/trace.py", 453, "trace_task",
                     "R = retval = fun(*args, **kwargs)"),
                    ("/usr/local/lib/python3.12/site-packages/celery/app/trace.py", 736, "__protected_call__",
                     "return self.run(*args, **kwargs)")] + frames) + [last])
        return make

    def urllib3(rng, i):
        t = rng.choice([2, 1, 0])
        return "WARNING", ("urllib3.connectionpool", [
            f"Retrying (Retry(total={t}, connect=None, read=None, redirect=None, status=None)) after connection broken by "
            f"'NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f{hexid(rng, 10)}>: Failed to establish a new "
            f"connection: [Errno 111] Connection refused')': /v1/charges"])

    def unclosed(rng, i):
        return "ERROR", ("asyncio", ["Unclosed client session",
                                     f"client_session: <aiohttp.client.ClientSession object at 0x7f{hexid(rng, 10)}>"])

    def django(rng, i):
        ref = f"A-{rng.randint(1000, 9999)}"
        return "ERROR", ("django.request", [f"Internal Server Error: /api/orders/{rng.randint(100, 99999)}/"] + tb([
            ("/usr/local/lib/python3.12/site-packages/django/core/handlers/exception.py", 55, "inner",
             "response = get_response(request)"),
            ("/app/orders/views.py", 72, "create", "order.save()"),
            ("/usr/local/lib/python3.12/site-packages/django/db/backends/utils.py", 105, "_execute",
             "return self.cursor.execute(sql, params)")]) + [
            'django.db.utils.IntegrityError: duplicate key value violates unique constraint "orders_order_ref_key"',
            f"DETAIL:  Key (ref)=({ref}) already exists."])

    def queue(rng, i):
        q = pick(rng, ["notifications", "emails", "webhooks"])
        return "ERROR", ("app.consumer", [f"Failed to process message {uuid(rng)} from queue {q}"] + tb([
            ("/app/app/consumer.py", 54, "handle", "payload = json.loads(body)"),
            ("/usr/local/lib/python3.12/json/__init__.py", 346, "loads", "return _default_decoder.decode(s)"),
            ("/usr/local/lib/python3.12/json/decoder.py", 355, "raw_decode", 'raise JSONDecodeError("Expecting value", s, err.value) from None')]) + [
            "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)"])

    def health(rng, i):
        sev = "ERROR" if rng.random() < 0.25 else "WARNING"
        return sev, ("app.health", [f"Health check failed for dependency redis: Error 111 connecting to redis-master:6379. Connection refused."])

    evs = [
        Event("P01", 40, asgi([("/app/app/api/profile.py", 88, "get_profile", 'uid = claims["user_id"]')],
                              lambda r: ["KeyError: 'user_id'"]), ["KeyError"], "KeyError in profile.get_profile"),
        Event("P02", 10, asgi([("/app/app/api/billing.py", 41, "charge", 'customer = session["user_id"]')],
                              lambda r: ["KeyError: 'user_id'"]), ["KeyError"], "same class+message as P01, other file/function"),
        Event("P03", 15, asgi([("/app/app/api/profile.py", 120, "send_welcome", "to = user.email")],
                              lambda r: ["AttributeError: 'NoneType' object has no attribute 'email'"]), ["AttributeError"], ""),
        Event("P04", 25, asgi([("/app/app/api/orders.py", 19, "list_orders", "with get_session() as s:")], sqla),
              ["OperationalError"], "chained exception, blank lines inside"),
        Event("P05", 20, asgi([("/app/app/clients/payments.py", 66, "authorize", "r = await self.http.post(url, json=body)"),
                               ("/usr/local/lib/python3.12/site-packages/httpx/_transports/default.py", 86, "map_httpcore_exceptions",
                                "raise mapped_exc(message) from exc")],
                              lambda r: ["httpx.ReadTimeout: timed out"]), ["ReadTimeout"], ""),
        Event("P06", 20, celery("KeyError('email')", [("/app/app/tasks.py", 112, "sync_customer", 'email = row["email"]')],
                                "KeyError: 'email'"), ["KeyError"], "celery task, KeyError"),
        Event("P07", 8, celery("ValueError(\"invalid literal for int() with base 10: 'N/A'\")",
                               [("/app/app/tasks.py", 118, "sync_customer", 'age = int(row["age"])')],
                               "ValueError: invalid literal for int() with base 10: 'N/A'"), ["ValueError"],
              "same task as P06, other exception"),
        Event("P08", 50, urllib3, ["Retrying", "NewConnectionError"], "urllib3 retry warning"),
        Event("P09", 12, unclosed, ["Unclosed client session"], ""),
        Event("P10", 10, django, ["IntegrityError"], "django, path is a parameter"),
        Event("P11", 30, queue, ["JSONDecodeError"], "queue name is a parameter (3 word values)"),
        Event("P12", 40, health, ["Health check failed"], "WARNING and ERROR, same text"),
    ]

    def render(ts, sev, payload):
        logger, lines = payload
        t = ts.strftime("%Y-%m-%d %H:%M:%S,") + f"{ts.microsecond // 1000:03d}"
        return [f"{t} {sev} [{logger}] {lines[0]}"] + lines[1:]

    return dict(name="python", fmt="text", ext="log",
                log_format=r"<Date> <Time> <Level> \[<Logger>\] <Content>", render=render, events=evs)


# ----------------------------------------------------------------------------------------------
# 3. Go service (zap console encoder) with stack traces and net/http panics
# ----------------------------------------------------------------------------------------------
def go_kind():
    def zap(msg, caller, fields, stack):
        def make(rng, i):
            return "ERROR", ("zap", caller, msg, fields(rng), stack)
        return make

    order_stack = ["main.(*Server).CreateOrder", "\t/app/internal/handler/orders.go:88",
                   "net/http.HandlerFunc.ServeHTTP", "\t/usr/local/go/src/net/http/server.go:2171",
                   "github.com/go-chi/chi/v5.(*Mux).routeHTTP", "\t/go/pkg/mod/github.com/go-chi/chi/v5@v5.0.12/mux.go:444"]
    consumer_stack = ["main.(*Consumer).handle", "\t/app/internal/worker/consumer.go:120",
                      "main.(*Consumer).Run", "\t/app/internal/worker/consumer.go:80"]

    def grpc_err(err):
        return lambda r: {"user": pick(r, USERS), "order_id": r.randint(100000, 999999), "error": err(r)}

    def unmarshal(r):
        return {"topic": pick(r, ["orders", "refunds", "payments"]), "partition": r.randint(0, 11),
                "offset": r.randint(100000, 999999),
                "error": "json: cannot unmarshal string into Go struct field Order.amount of type float64"}

    def canceled(r):
        return {"topic": pick(r, ["orders", "refunds", "payments"]), "partition": r.randint(0, 11),
                "offset": r.randint(100000, 999999), "error": "context canceled"}

    def panic(err, fn, line):
        def make(rng, i):
            g = rng.randint(1000, 99999)
            lines = [f"http: panic serving {ip(rng)}:{rng.randint(30000, 60000)}: {err}",
                     f"goroutine {g} [running]:",
                     "net/http.(*conn).serve.func1()",
                     "\t/usr/local/go/src/net/http/server.go:1868 +0xb9",
                     f"panic({{0x{hexid(rng, 6)}?, 0x{hexid(rng, 6)}?}})",
                     "\t/usr/local/go/src/runtime/panic.go:920 +0x270",
                     f"main.(*Server).{fn}(0xc000{hexid(rng, 6)}, {{0x{hexid(rng, 6)}, 0xc000{hexid(rng, 6)}}}, 0xc000{hexid(rng, 6)})",
                     f"\t/app/internal/handler/{fn.lower()}.go:{line} +0x{hexid(rng, 2)}",
                     "net/http.HandlerFunc.ServeHTTP(0x0?, {0xb1e2a0?, 0xc000532000?}, 0x0?)",
                     "\t/usr/local/go/src/net/http/server.go:2171 +0x29",
                     "created by net/http.(*Server).Serve in goroutine 1",
                     "\t/usr/local/go/src/net/http/server.go:3285 +0x4b4"]
            return "PANIC", ("stdlog", None, None, None, lines)
        return make

    def storm(rng, i):
        return "WARN", ("zap", "cache/redis.go:55", "cache miss storm",
                        {"keys": rng.randint(500, 20000), "shard": f"cache-{rng.randint(0, 7)}"}, None)

    def slow(rng, i):
        m, p = pick(rng, [("GET", f"/v1/orders/{rng.randint(1000, 99999)}"), ("POST", "/v1/orders"), ("GET", "/v1/catalog")])
        return "WARN", ("zap", "middleware/log.go:41", "slow handler",
                        {"method": m, "path": p, "duration": f"{rng.randint(2, 9)}.{rng.randint(0, 9)}s"}, None)

    def lock(rng, i):
        return "ERROR", ("zap", "billing/lock.go:33", "failed to acquire lock",
                         {"key": f"invoice:{rng.randint(10000, 99999)}", "owner": f"worker-{rng.randint(1, 8)}", "error": "redis: nil"},
                         ["main.(*Billing).Run", "\t/app/internal/billing/lock.go:33"])

    evs = [
        Event("G01", 40, zap("failed to create order", "handler/orders.go:88", grpc_err(lambda r: (
            f'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial tcp '
            f'{ip(r, "10.4")}:50051: connect: connection refused"')), order_stack), ["failed to create order", "Unavailable"],
              "cause only in the zap fields"),
        Event("G02", 25, zap("failed to create order", "handler/orders.go:88",
                             grpc_err(lambda r: "rpc error: code = DeadlineExceeded desc = context deadline exceeded"), order_stack),
              ["failed to create order", "DeadlineExceeded"], "same msg as G01, other cause"),
        Event("G03", 8, zap("failed to create order", "handler/orders.go:88",
                            grpc_err(lambda r: f"rpc error: code = NotFound desc = product SKU-{r.randint(1000, 9999)} not found"), order_stack),
              ["failed to create order", "NotFound"], "same msg as G01, other cause"),
        Event("G04", 30, zap("failed to process message", "worker/consumer.go:120", unmarshal, consumer_stack),
              ["failed to process message", "unmarshal"], "topic is a parameter"),
        Event("G05", 10, zap("failed to process message", "worker/consumer.go:120", canceled, consumer_stack),
              ["failed to process message", "canceled"], "same msg as G04, other cause"),
        Event("G06", 6, panic("runtime error: invalid memory address or nil pointer dereference", "GetUser", 142),
              ["panic", "nil pointer"], "net/http recovered panic, logged by the std log package (no level)"),
        Event("G07", 4, panic("runtime error: index out of range [5] with length 3", "ListOrders", 77),
              ["panic", "index out of range"], "other panic, same shape"),
        Event("G08", 40, storm, ["cache miss storm"], ""),
        Event("G09", 50, slow, ["slow handler"], ""),
        Event("G10", 15, lock, ["failed to acquire lock"], ""),
    ]

    def render(ts, sev, payload):
        kind, caller, msg, fields, stack = payload
        if kind == "stdlog":
            t = ts.strftime("%Y/%m/%d %H:%M:%S")
            return [f"{t} {stack[0]}"] + stack[1:]
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"
        return [f"{t}\t{sev}\t{caller}\t{msg}\t{json.dumps(fields)}"] + (stack or [])

    return dict(name="go_zap", fmt="text", ext="log",
                log_format=r"<Timestamp> <Level> <Caller> <Content>", render=render, events=evs)


# ----------------------------------------------------------------------------------------------
# 4. Node.js: pino JSON lines (pino-http) and console text with stacks
# ----------------------------------------------------------------------------------------------
def node_errors():
    """(eid, n, message header, err type, err message, frames, must)"""
    return [
        ("01", 40, "TypeError", "Cannot read properties of undefined (reading 'id')",
         ["OrdersService.findOne (/app/dist/orders/orders.service.js:42:31)",
          "OrdersController.get (/app/dist/orders/orders.controller.js:19:40)"], ["TypeError", "'id'"]),
        ("02", 12, "TypeError", "Cannot read properties of undefined (reading 'email')",
         ["NotificationService.send (/app/dist/notify/notification.service.js:77:22)",
          "UsersController.invite (/app/dist/users/users.controller.js:51:18)"], ["TypeError", "'email'"]),
        ("03", 25, "Error", "connect ECONNREFUSED 10.0.0.5:6379",
         ["TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)"], ["ECONNREFUSED"]),
        ("04", 10, "Error", "connect ETIMEDOUT 10.0.2.9:5432",
         ["TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)"], ["ETIMEDOUT"]),
        ("05", 15, "AxiosError", "Request failed with status code 503",
         ["settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)",
          "IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3065:11)"], ["AxiosError", "503"]),
        ("06", 6, "AxiosError", "Request failed with status code 401",
         ["settle (/app/node_modules/axios/dist/node/axios.cjs:1966:12)",
          "IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3065:11)"], ["AxiosError", "401"]),
    ]


def node_pino_kind():
    def req_err(et, em, frames):
        def make(rng, i):
            m, u = pick(rng, [("GET", f"/api/orders/{rng.randint(1000, 99999)}"), ("POST", "/api/users/invite"),
                              ("GET", "/api/cart")])
            stack = f"{et}: {em}\n" + "\n".join("    at " + f for f in frames + [
                "process.processTicksAndRejections (node:internal/process/task_queues:95:5)"])
            return 50, {"reqId": f"req-{hexid(rng, 6)}", "req": {"method": m, "url": u},
                        "res": {"statusCode": 500}, "err": {"type": et, "message": em, "stack": stack},
                        "responseTime": rng.randint(3, 3000), "msg": "request errored"}
        return make

    evs = [Event("N" + eid, n, req_err(et, em, fr), must, "pino-http 'request errored' with err object")
           for eid, n, et, em, fr, must in node_errors()]

    def slowq(rng, i):
        return 40, {"query": pick(rng, ["SELECT * FROM orders WHERE user_id = $1", "UPDATE carts SET items = $1 WHERE id = $2"]),
                    "durationMs": rng.randint(500, 5000), "msg": "Slow query detected"}

    def uncaught(rng, i):
        return 60, {"err": {"type": "RangeError", "message": "Maximum call stack size exceeded",
                            "stack": "RangeError: Maximum call stack size exceeded\n    at flatten (/app/dist/util/tree.js:12:9)"},
                    "msg": "uncaughtException"}

    def dup(rng, i):
        u = pick(rng, USERS)
        em = f'E11000 duplicate key error collection: shop.users index: email_1 dup key: {{ email: "{u}@example.com" }}'
        return 50, {"err": {"type": "MongoServerError", "message": em, "stack": "MongoServerError: " + em}, "msg": "Unhandled promise rejection"}

    def partner(rng, i):
        return 40, {"msg": f"Request to https://api.partner.com/v2/quotes?customer={rng.randint(1000, 9999)}&currency=EUR took {rng.randint(2000, 9000)}ms"}

    evs += [Event("N07", 40, slowq, ["Slow query"], "level 40"),
            Event("N08", 3, uncaught, ["RangeError"], "level 60"),
            Event("N09", 8, dup, ["E11000"], "user e-mail inside the error"),
            Event("N10", 30, partner, ["partner"], "URL with query string in msg")]

    def render(ts, lvl, payload):
        d = {"level": lvl, "time": int(ts.timestamp() * 1000), "pid": 1, "hostname": "api-6c9f7d-x2k"}
        d.update(payload)
        return d

    return dict(name="node_pino", fmt="jsonl", ext="jsonl", log_format="", render=render, events=evs)


def node_console_kind():
    def unhandled(et, em, frames):
        def make(rng, i):
            m, u = pick(rng, [("GET", f"/api/orders/{rng.randint(1000, 99999)}"), ("POST", "/api/users/invite"),
                              ("GET", "/api/cart")])
            return "error", [f"Unhandled error in {m} {u}", f"{et}: {em}"] + ["    at " + f for f in frames + [
                "process.processTicksAndRejections (node:internal/process/task_queues:95:5)"]]
        return make

    evs = [Event("W" + eid, n, unhandled(et, em, fr), must, "winston text, stack follows")
           for eid, n, et, em, fr, must in node_errors()]

    def deprec(rng, i):
        return "warn", [f"(node:1) [DEP0005] DeprecationWarning: Buffer() is deprecated due to security and usability issues."]

    def pool(rng, i):
        return "warn", [f"Connection pool for {pick(rng, ['orders-db', 'users-db'])} is {rng.randint(85, 99)}% utilised ({rng.randint(17, 20)}/20)"]

    evs += [Event("W07", 20, deprec, ["DeprecationWarning"], ""),
            Event("W08", 40, pool, ["Connection pool"], "db name is a parameter")]

    def render(ts, lvl, lines):
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"
        return [f"{t} [api] {lvl}: {lines[0]}"] + lines[1:]

    return dict(name="node_console", fmt="text", ext="log",
                log_format=r"<Timestamp> \[<Component>\] <Level>: <Content>", render=render, events=evs)


# ----------------------------------------------------------------------------------------------
# 5. Kubernetes klog (kubelet, controllers)
# ----------------------------------------------------------------------------------------------
def klog_kind():
    def syncpod(reason_fmt):
        def make(rng, i):
            pod, c = pick(rng, PODS), pick(rng, ["app", "app", "istio-proxy"])
            uid = uuid(rng)
            ns = "team"
            inner = reason_fmt(rng, c, pod, ns, uid)
            return "E", "pod_workers.go:1298", (f'"Error syncing pod, skipping" err="{inner}" pod="{ns}/{pod}" podUID="{uid}"')
        return make

    def crash(rng, c, pod, ns, uid):
        return (f'failed to \\"StartContainer\\" for \\"{c}\\" with CrashLoopBackOff: \\"back-off {pick(rng, ["10s", "20s", "40s", "1m20s", "2m40s", "5m0s"])} '
                f'restarting failed container={c} pod={pod}_{ns}({uid})\\"')

    def imgback(rng, c, pod, ns, uid):
        return (f'failed to \\"StartContainer\\" for \\"{c}\\" with ImagePullBackOff: \\"Back-off pulling image '
                f'\\\\\\"registry.example.com/team/{pod.split("-")[0]}:v1.{rng.randint(0, 9)}.{rng.randint(0, 9)}\\\\\\"\\"')

    def errpull(rng, c, pod, ns, uid):
        img = f"registry.example.com/team/{pod.split('-')[0]}:v1.{rng.randint(0, 9)}.{rng.randint(0, 9)}"
        return (f'failed to \\"StartContainer\\" for \\"{c}\\" with ErrImagePull: \\"rpc error: code = NotFound desc = failed to pull and unpack image '
                f'\\\\\\"{img}\\\\\\": failed to resolve reference \\\\\\"{img}\\\\\\": {img}: not found\\"')

    def probe(ptype):
        def make(rng, i):
            pod = pick(rng, PODS)
            a = ip(rng, "10.244")
            return "W", "prober.go:107", (f'"Probe failed" probeType="{ptype}" pod="team/{pod}" podUID="{uuid(rng)}" containerName="app" '
                                          f'probeResult="failure" output="Get \\"http://{a}:8080/healthz\\": dial tcp {a}:8080: connect: connection refused"')
        return make

    def reflist(rng, i):
        return "W", "reflector.go:539", (f"k8s.io/client-go/informers/factory.go:160: failed to list *v1.{pick(rng, ['Pod', 'Service', 'Endpoints', 'ConfigMap', 'Node'])}: Unauthorized")

    def forbidden(rng, i):
        res = pick(rng, ["secrets", "configmaps"])
        kind = {"secrets": "Secret", "configmaps": "ConfigMap"}[res]
        return "E", "reflector.go:147", (f'k8s.io/client-go/informers/factory.go:160: Failed to watch *v1.{kind}: failed to list *v1.{kind}: {res} is forbidden: '
                                         f'User "system:serviceaccount:team:app" cannot list resource "{res}" in API group "" in the namespace "team"')

    def reconcile(errf):
        def make(rng, i):
            name = pick(rng, ["web", "api", "worker", "cron-runner"])
            return "E", "controller.go:329", (f'"Reconciler error" err="{errf(rng, name)}" controller="deployment" controllerGroup="apps" '
                                              f'controllerKind="Deployment" Deployment="team/{name}" namespace="team" name="{name}" reconcileID="{uuid(rng)}"')
        return make

    def lease(rng, i):
        node = pick(rng, NODES)
        return rng.choice(["E", "W"]), "controller.go:195", (
            f'"Failed to update lease" err="Put \\"https://10.96.0.1:443/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/{node}?timeout=10s\\": context deadline exceeded"')

    def configerr(rng, i):
        pod = pick(rng, PODS)
        return "E", "kuberuntime_manager.go:1256", (f'"Unhandled Error" err="container app start failed in pod {pod}_team({uuid(rng)}): '
                                                    f'CreateContainerConfigError: secret \\"{pick(rng, ["db-creds", "api-keys"])}\\" not found" logger="UnhandledError"')

    def evict(res):
        def make(rng, i):
            return "W", "eviction_manager.go:366", f'"Eviction manager: attempting to reclaim" resourceName="{res}"'
        return make

    evs = [
        Event("K01", 80, syncpod(crash), ["CrashLoopBackOff"], ""),
        Event("K02", 20, syncpod(imgback), ["ImagePullBackOff"], ""),
        Event("K03", 8, syncpod(errpull), ["ErrImagePull"], ""),
        Event("K04", 60, probe("Readiness"), ["Probe failed", "Readiness"], ""),
        Event("K05", 25, probe("Liveness"), ["Probe failed", "Liveness"], "liveness failures restart containers"),
        Event("K06", 30, reflist, ["failed to list", "Unauthorized"], "resource kind is a parameter"),
        Event("K07", 10, forbidden, ["forbidden"], "RBAC"),
        Event("K08", 40, reconcile(lambda r, n: f'Operation cannot be fulfilled on deployments.apps \\"{n}\\": the object has been modified; please apply your changes to the latest version and try again'),
              ["Reconciler error", "modified"], "optimistic-lock conflict"),
        Event("K09", 6, reconcile(lambda r, n: 'admission webhook \\"vdeployment.kb.io\\" denied the request: spec.replicas: Invalid value: 0: must be greater than or equal to 1'),
              ["Reconciler error", "webhook"], "webhook denial"),
        Event("K10", 30, lease, ["Failed to update lease"], "E and W mixed"),
        Event("K11", 8, configerr, ["CreateContainerConfigError"], "secret name is a parameter"),
        Event("K12", 10, evict("memory"), ["Eviction", "memory"], ""),
        Event("K13", 4, evict("ephemeral-storage"), ["Eviction", "ephemeral-storage"], "disk pressure, not memory"),
    ]

    def render(ts, sev, payload):
        lvl, src, msg = sev, payload[0], payload[1]
        t = ts.strftime("%m%d %H:%M:%S.") + f"{ts.microsecond:06d}"
        pid = 1 if src.startswith("controller.go:329") else 1234
        return [f"{lvl}{t}    {pid} {src}] {msg}"]

    def make_wrap(e):
        f = e.make

        def m(rng, i):
            lvl, src, msg = f(rng, i)
            return lvl, (src, msg)
        e.make = m
        return e

    return dict(name="klog", fmt="text", ext="log",
                log_format=r"<Level>\d{4} <Time> <Pid> <File>:<Line>\] <Content>",
                render=render, events=[make_wrap(e) for e in evs])


# ----------------------------------------------------------------------------------------------
# 6. logfmt (Go slog TextHandler)
# ----------------------------------------------------------------------------------------------
def logfmt_kind():
    def q(v):
        return f'"{v}"' if (" " in v or "=" in v or '"' in v or v == "") else v

    def line(msg, fields):
        return " ".join([f"msg={q(msg)}"] + [f"{k}={q(str(v))}" for k, v in fields])

    def pay(err):
        def make(rng, i):
            f = [("provider", pick(rng, ["stripe", "adyen"])), ("user", pick(rng, USERS)),
                 ("amount", f"{rng.randint(1, 500)}.{rng.randint(0, 99):02d}"), ("currency", pick(rng, ["USD", "EUR"]))]
            sev = "ERROR"
            if rng.random() < 0.3:
                f.append(("retry", rng.randint(1, 2)))
                sev = "WARN"
            f.append(("err", err))
            return sev, line("payment failed", f)
        return make

    def slowq(rng, i):
        qy = pick(rng, [f"SELECT id, total FROM orders WHERE user_id = {rng.randint(1, 9999)} ORDER BY created_at DESC LIMIT 50",
                        f"UPDATE carts SET updated_at = now() WHERE id = {rng.randint(1, 9999)}"])
        return "WARN", line("db query slow", [("query", qy), ("duration", f"{rng.randint(1, 9)}.{rng.randint(0, 999):03d}s"),
                                             ("rows", rng.randint(0, 500))])

    def job(rng, i):
        return "ERROR", line("job failed", [("job", pick(rng, ["nightly-report", "invoice-export", "cleanup"])),
                                            ("tenant", pick(rng, TENANTS)), ("attempt", 3), ("err", "exit status 1")])

    def rate(rng, i):
        return "WARN", line("rate limited", [("user", pick(rng, USERS)), ("route", pick(rng, ["/api/v1/search", "/api/v1/export"])),
                                            ("limit", 100), ("window", "1m")])

    def cache(err):
        def make(rng, i):
            n = rng.randint(0, 2)
            return "ERROR", line("cache unavailable", [("addr", f"redis-{n}.redis:6379"), ("err", err(rng, n))])
        return make

    def req(rng, i):
        st = pick(rng, [502, 503, 504])
        return "ERROR", line("request completed", [("method", "POST"), ("path", pick(rng, ["/v1/checkout", "/v1/orders"])),
                                                  ("status", st), ("duration", f"{rng.randint(1, 30)}.{rng.randint(0, 999):03d}s")])

    def cfg(rng, i):
        return "ERROR", line("config reload failed", [("file", "/etc/app/config.yaml"),
                                                     ("err", f"yaml: line {rng.randint(3, 40)}: did not find expected key")])

    evs = [
        Event("L01", 50, pay("card_declined: insufficient funds"), ["payment failed", "card_declined"], "retry key sometimes present"),
        Event("L02", 20, pay("upstream timeout after 30s"), ["payment failed", "timeout"], "same msg, other err"),
        Event("L03", 5, pay("invalid api key"), ["payment failed", "invalid api key"], "same msg, other err"),
        Event("L04", 40, slowq, ["db query slow"], "SQL in a quoted field"),
        Event("L05", 20, job, ["job failed"], "tenant names of several words"),
        Event("L06", 60, rate, ["rate limited"], ""),
        Event("L07", 30, cache(lambda r, n: f"dial tcp 10.0.0.{5 + n}:6379: connect: connection refused"), ["cache unavailable", "refused"], ""),
        Event("L08", 10, cache(lambda r, n: f"dial tcp 10.0.0.{5 + n}:6379: i/o timeout"), ["cache unavailable", "timeout"], "same msg, other err"),
        Event("L09", 40, req, ["request completed"], "5xx, status is a parameter"),
        Event("L10", 3, cfg, ["config reload failed"], "rare"),
    ]

    def render(ts, sev, body):
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"
        return [f"time={t} level={sev} {body}"]

    return dict(name="logfmt", fmt="text", ext="log", log_format=r"time=<Timestamp> level=<Level> <Content>",
                render=render, events=evs)


# ----------------------------------------------------------------------------------------------
# 7. GCP LogEntry JSON lines (Cloud Run / GKE)
# ----------------------------------------------------------------------------------------------
def gcp_kind():
    def reqlog(method, path, status, sev):
        def make(rng, i):
            return sev, {"httpRequest": {"requestMethod": method, "requestUrl": "https://shop-api-xyz-uc.a.run.app" + path(rng),
                                         "status": status, "responseSize": str(rng.randint(0, 400)),
                                         "userAgent": "Mozilla/5.0", "remoteIp": ip(rng, "203.0"),
                                         "latency": f"{rng.randint(0, 30)}.{rng.randint(0, 999999):06d}s", "protocol": "HTTP/1.1"},
                         "logName": "projects/shop-prod/logs/run.googleapis.com%2Frequests"}
        return make

    def jp(msg, extra):
        def make(rng, i):
            d = {"message": msg}
            d.update(extra(rng))
            return "ERROR", {"jsonPayload": d}
        return make

    def exc(last, frame):
        return lambda r: {"exc_info": "Traceback (most recent call last):\n" + frame + "\n" + last,
                          "request_id": hexid(r, 12)}

    def text(msg, sevs):
        def make(rng, i):
            return pick(rng, sevs), {"textPayload": msg(rng)}
        return make

    def webhook(rng, i):
        blob = pick(rng, [
            {"event": "invoice.paid", "id": f"evt_{hexid(rng, 8)}", "amount": rng.randint(100, 9999)},
            {"event": "customer.deleted", "id": f"evt_{hexid(rng, 8)}"},
            {"event": "charge.refunded", "id": f"evt_{hexid(rng, 8)}", "amount": rng.randint(100, 9999), "currency": "eur", "reason": "requested_by_customer"}])
        return "ERROR", {"jsonPayload": {"message": f"Webhook payload rejected: {json.dumps(blob, separators=(',', ':'))}"}}

    def publish(rng, i):
        a = rng.randint(1, 3)
        return ("ERROR" if a == 3 else "WARNING"), {"jsonPayload": {"message": f"Retrying publish to topic orders-events (attempt {a})"}}

    def errrep(rng, i):
        st = ("Error: Payment provider returned invalid signature\n    at verify (/app/src/webhooks.js:41:11)\n"
              "    at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)")
        return "ERROR", {"jsonPayload": {"@type": "type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent",
                                         "message": st, "serviceContext": {"service": "shop-api", "version": "v42"}}}

    evs = [
        Event("C01", 40, reqlog("POST", lambda r: "/v1/checkout", 503, "ERROR"), ["503", "/v1/checkout"], "Cloud Run request log, no payload"),
        Event("C02", 20, reqlog("GET", lambda r: f"/v1/orders/{r.randint(1000, 99999)}", 500, "ERROR"), ["500", "/v1/orders"], "request log"),
        Event("C03", 30, reqlog("GET", lambda r: f"/v1/search?q={pick(r, ['shoes', 'red+hat', 'gift'])}", 429, "WARNING"), ["429", "/v1/search"], "request log"),
        Event("C04", 30, jp("request failed", lambda r: {"error": "context deadline exceeded", "path": "/v1/checkout"}),
              ["request failed", "deadline"], "cause in a sibling field"),
        Event("C05", 10, jp("request failed", lambda r: {"error": "pq: sorry, too many clients already", "path": "/v1/orders"}),
              ["request failed", "too many clients"], "same message, other cause"),
        Event("C06", 15, jp("Unhandled exception while processing request",
                            exc("ZeroDivisionError: division by zero", '  File "/app/main.py", line 42, in handler')),
              ["ZeroDivisionError"], "python-json-logger: traceback in exc_info"),
        Event("C07", 8, jp("Unhandled exception while processing request",
                           exc("KeyError: 'cart_id'", '  File "/app/cart.py", line 17, in load')),
              ["KeyError"], "same message, other exception"),
        Event("C08", 6, text(lambda r: (lambda lim: f"Memory limit of {lim} MiB exceeded with {lim + r.randint(1, 60)} MiB used. "
                                        "Consider increasing the memory limit, see https://cloud.google.com/run/docs/configuring/memory-limits")(pick(r, [512, 1024])),
                             ["ERROR"]), ["Memory limit"], ""),
        Event("C09", 25, text(lambda r: "The request was aborted because there was no available instance. Additional troubleshooting "
                              "documentation can be found at: https://cloud.google.com/run/docs/troubleshooting#abort-request", ["WARNING", "ERROR"]),
              ["no available instance"], "WARNING and ERROR"),
        Event("C10", 10, text(lambda r: "The request failed because either the HTTP response was malformed or connection to the instance had an error. "
                              "Additional troubleshooting documentation can be found at: https://cloud.google.com/run/docs/troubleshooting#malformed-response-or-connection-error",
                              ["ERROR"]), ["malformed"], ""),
        Event("C11", 20, webhook, ["Webhook payload rejected"], "JSON blob of three shapes"),
        Event("C12", 30, publish, ["Retrying publish"], "WARNING and ERROR"),
        Event("C13", 8, errrep, ["invalid signature"], "Error Reporting event"),
    ]

    def render(ts, sev, payload):
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond:06d}Z"
        d = {"insertId": None, "timestamp": t, "severity": sev,
             "resource": {"type": "cloud_run_revision", "labels": {"service_name": "shop-api", "revision_name": "shop-api-00042-xyz",
                                                                   "project_id": "shop-prod", "location": "us-central1"}},
             "labels": {"instanceId": "00c61b117c"}}
        d.update(payload)
        d.setdefault("logName", "projects/shop-prod/logs/run.googleapis.com%2Fstdout")
        return d

    return dict(name="gcp_json", fmt="jsonl", ext="jsonl", log_format="", render=render, events=evs)


# ----------------------------------------------------------------------------------------------
# 8. nginx error log
# ----------------------------------------------------------------------------------------------
def nginx_kind():
    def ctx(rng, path=None, upstream=True, method=None):
        m = method or pick(rng, ["GET", "GET", "POST", "PUT"])
        p = path or pick(rng, [f"/v1/users/{rng.randint(1, 99999)}?expand=orders", "/v1/orders", f"/v1/orders/{rng.randint(1, 99999)}/items"])
        s = f', client: {ip(rng, "203.0")}, server: api.example.com, request: "{m} {p} HTTP/1.1"'
        if upstream:
            s += f', upstream: "http://10.0.1.{rng.randint(2, 9)}:8080{p}"'
        s += ', host: "api.example.com"'
        if rng.random() < 0.3:
            s += ', referrer: "https://www.example.com/account"'
        return s

    def conn(rng):
        return f"*{rng.randint(1000, 9999999)} "

    def up(head):
        def make(rng, i):
            return "error", conn(rng) + head + ctx(rng)
        return make

    def buffered(rng, i):
        return "warn", conn(rng) + (f"an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/{rng.randint(0, 9)}/"
                                    f"{rng.randint(10, 99)}/00000{rng.randint(10000, 99999)} while reading upstream") + ctx(rng)

    def body(rng, i):
        return "warn", conn(rng) + f"a client request body is buffered to a temporary file /var/cache/nginx/client_temp/00000{rng.randint(10000, 99999)}" + ctx(rng, upstream=False, method="POST", path="/v1/uploads")

    def notfound(rng, i):
        p = pick(rng, ["/wp-login.php", "/.env", "/phpmyadmin/index.php", "/admin/config.php"])
        return "error", conn(rng) + f'open() "/usr/share/nginx/html{p}" failed (2: No such file or directory)' + ctx(rng, path=p, upstream=False, method="GET")

    def ssl(rng, i):
        return "crit", conn(rng) + (f"SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking, "
                                    f"client: {ip(rng, '198.51')}, server: 0.0.0.0:443")

    def limit(rng, i):
        return "error", conn(rng) + f'limiting requests, excess: {rng.randint(1, 30)}.{rng.randint(0, 999):03d} by zone "api_limit"' + ctx(rng, upstream=False)

    def disabled(rng, i):
        return "warn", conn(rng) + "upstream server temporarily disabled while connecting to upstream" + ctx(rng)

    def signal(sig):
        def make(rng, i):
            return "alert", f"worker process {rng.randint(20, 9999)} exited on signal {sig}"
        return make

    def bind(rng, i):
        return "emerg", "bind() to 0.0.0.0:80 failed (98: Address already in use)"

    evs = [
        Event("X01", 60, up("connect() failed (111: Connection refused) while connecting to upstream"), ["Connection refused"], ""),
        Event("X02", 10, up("connect() failed (113: No route to host) while connecting to upstream"), ["No route to host"], ""),
        Event("X03", 40, up("upstream timed out (110: Connection timed out) while reading response header from upstream"), ["timed out"], ""),
        Event("X04", 20, up("upstream prematurely closed connection while reading response header from upstream"), ["prematurely closed"], ""),
        Event("X05", 30, buffered, ["buffered"], ""),
        Event("X06", 10, body, ["client request body"], ""),
        Event("X07", 50, notfound, ["No such file"], "scanner noise"),
        Event("X08", 15, ssl, ["SSL_do_handshake"], ""),
        Event("X09", 40, limit, ["limiting requests"], ""),
        Event("X10", 12, disabled, ["temporarily disabled"], ""),
        Event("X11", 3, signal(9), ["signal 9"], "SIGKILL (OOM killer)"),
        Event("X12", 2, signal(11), ["signal 11"], "SIGSEGV: a crash, not an OOM"),
        Event("X13", 2, bind, ["bind()"], "rare"),
    ]

    def render(ts, sev, content):
        t = ts.strftime("%Y/%m/%d %H:%M:%S")
        return [f"{t} [{sev}] {7}#{7}: {content}"]

    return dict(name="nginx_error", fmt="text", ext="log", log_format=r"<Date> <Time> \[<Level>\] <Pid>#<Tid>: <Content>",
                render=render, events=evs)


# ----------------------------------------------------------------------------------------------
# 9. PostgreSQL server log (ERROR/FATAL with DETAIL, HINT, CONTEXT, STATEMENT lines)
# ----------------------------------------------------------------------------------------------
def postgres_kind():
    # Each event yields one or more lines; every line is its own record (they all match the
    # prefix), so every (parent, role[, SQL shape]) is an event of its own.
    SQL_SLOW = ["SELECT o.id, o.total, u.email FROM orders o JOIN users u ON u.id = o.user_id WHERE o.created_at > now() - interval '30 days' ORDER BY o.total DESC",
                "SELECT count(*) FROM events WHERE tenant_id = $1 AND kind = $2",
                "UPDATE inventory SET reserved = reserved + $1 WHERE sku = $2"]
    evs = []
    groups = {}

    def grp(gid, n, lines_fn):
        groups[gid] = (n, lines_fn)

    # lines_fn returns list of (role, level, text, shape) ; role/shape make the event id
    grp("Q01", 40, lambda r: [("", "ERROR", f'duplicate key value violates unique constraint "{pick(r, ["orders_pkey", "users_email_key"])}"', ""),
                              ("DETAIL", "DETAIL", f"Key (id)=({r.randint(1, 99999)}) already exists.", ""),
                              ("STATEMENT", "STATEMENT", "INSERT INTO orders (id, user_id, total) VALUES ($1, $2, $3)", "")])
    grp("Q02", 8, lambda r: [("", "ERROR", "deadlock detected", ""),
                             ("DETAIL", "DETAIL", (lambda a, b, t1, t2: f"Process {a} waits for ShareLock on transaction {t1}; blocked by process {b}.\n"
                                                   f"\tProcess {b} waits for ShareLock on transaction {t2}; blocked by process {a}.\n"
                                                   f"\tProcess {a}: UPDATE inventory SET reserved = reserved + 1 WHERE sku = 'SKU-1'\n"
                                                   f"\tProcess {b}: UPDATE inventory SET reserved = reserved + 1 WHERE sku = 'SKU-2'")(
                                 r.randint(1000, 9999), r.randint(1000, 9999), r.randint(10 ** 6, 10 ** 7), r.randint(10 ** 6, 10 ** 7)), ""),
                             ("HINT", "HINT", "See server log for query details.", ""),
                             ("CONTEXT", "CONTEXT", f'while updating tuple (0,{r.randint(1, 99)}) in relation "inventory"', ""),
                             ("STATEMENT", "STATEMENT", "UPDATE inventory SET reserved = reserved + 1 WHERE sku = $1", "")])

    def timeout(r):
        k = r.randrange(3)
        return [("", "ERROR", "canceling statement due to statement timeout", ""),
                ("STATEMENT", "STATEMENT", SQL_SLOW[k], str(k))]
    grp("Q03", 45, timeout)
    grp("Q04", 20, lambda r: [("", "FATAL", f'password authentication failed for user "{pick(r, ["reporting", "metabase"])}"', ""),
                              ("DETAIL", "DETAIL", 'Connection matched pg_hba.conf line 99: "host all all 0.0.0.0/0 scram-sha-256"', "")])
    grp("Q05", 15, lambda r: [("", "FATAL", "remaining connection slots are reserved for non-replication superuser connections", "")])
    grp("Q06", 10, lambda r: [("", "ERROR", f'relation "{pick(r, ["user_sessions", "audit_log"])}" does not exist at character {r.randint(14, 40)}', ""),
                              ("STATEMENT", "STATEMENT", "SELECT * FROM user_sessions WHERE token = $1", "")])
    grp("Q07", 6, lambda r: [("", "ERROR", 'column "emial" does not exist at character 8', ""),
                             ("HINT", "HINT", 'Perhaps you meant to reference the column "users.email".', ""),
                             ("STATEMENT", "STATEMENT", "SELECT emial FROM users WHERE id = $1", "")])
    grp("Q08", 30, lambda r: [("", "WARNING", "there is no transaction in progress", "")])
    grp("Q09", 12, lambda r: [("", "ERROR", "could not serialize access due to concurrent update", ""),
                              ("STATEMENT", "STATEMENT", "UPDATE accounts SET balance = balance - $1 WHERE id = $2", "")])
    grp("Q10", 10, lambda r: [("", "ERROR", "value too long for type character varying(255)", ""),
                              ("STATEMENT", "STATEMENT", "INSERT INTO reviews (product_id, body) VALUES ($1, $2)", "")])
    grp("Q11", 8, lambda r: [("", "ERROR", 'null value in column "customer_id" of relation "orders" violates not-null constraint', ""),
                             ("DETAIL", "DETAIL", f"Failing row contains ({r.randint(1, 99999)}, null, {r.randint(1, 999)}.00, pending, 2025-09-13 17:{r.randint(10, 59)}:00+00).", ""),
                             ("STATEMENT", "STATEMENT", "INSERT INTO orders (id, customer_id, total, status, created_at) VALUES ($1, $2, $3, $4, $5)", "")])
    grp("Q12", 8, lambda r: [("", "ERROR", 'insert or update on table "order_items" violates foreign key constraint "order_items_order_id_fkey"', ""),
                             ("DETAIL", "DETAIL", f'Key (order_id)=({r.randint(1, 99999)}) is not present in table "orders".', "")])
    grp("Q13", 3, lambda r: [("", "PANIC", 'could not write to file "pg_wal/xlogtemp.123": No space left on device', "")])

    MUST = {"Q01": ["duplicate key"], "Q02": ["deadlock"], "Q03": ["statement timeout"], "Q04": ["password authentication"],
            "Q05": ["connection slots"], "Q06": ["does not exist"], "Q07": ["emial"], "Q08": ["no transaction"],
            "Q09": ["serialize"], "Q10": ["too long"], "Q11": ["null value"], "Q12": ["foreign key"], "Q13": ["No space left"]}

    # One Event per group produces the whole group (several records); run.py counts records.
    class Group(Event):
        pass

    for gid, (n, fn) in groups.items():
        evs.append(Group(gid, n, fn, MUST[gid], "group: ERROR line and its DETAIL/HINT/CONTEXT/STATEMENT lines"))

    def render(ts, sev, payload):
        pid, user, db, level, text = payload
        t = ts.strftime("%Y-%m-%d %H:%M:%S.") + f"{ts.microsecond // 1000:03d}"
        lines = text.split("\n")
        return [f"{t} UTC [{pid}] {user}@{db} {level}:  {lines[0]}"] + lines[1:]

    return dict(name="postgres", fmt="text", ext="log",
                log_format=r"<Date> <Time> <Tz> \[<Pid>\] <User>@<Db> <Level>:  <Content>",
                render=render, events=evs, multi_record=True)


# ----------------------------------------------------------------------------------------------
# 10. Kafka and Redis clients (logback)
# ----------------------------------------------------------------------------------------------
def kafka_redis_kind():
    def nodeconn(rng, i):
        n = rng.randint(0, 2)
        return "WARN", ("kafka-producer-network-thread | producer-1", "o.a.k.clients.NetworkClient",
                        f"[Producer clientId=producer-1] Connection to node {n} (kafka-{n}.kafka-headless.svc.cluster.local/10.0.3.{n + 4}:9092) "
                        "could not be established. Broker may not be available.")

    def produce(err):
        def make(rng, i):
            return "WARN", ("kafka-producer-network-thread | producer-1", "o.a.k.c.producer.internals.Sender",
                            f"[Producer clientId=producer-1] Got error produce response with correlation id {rng.randint(1000, 99999)} on topic-partition "
                            f"{pick(rng, ['payments', 'orders'])}-{rng.randint(0, 5)}, retrying ({2147483647 - rng.randint(1, 5)} attempts left). Error: {err}")
        return make

    def commit(rng, i):
        p = rng.randint(0, 11)
        return "ERROR", ("main", "o.a.k.c.c.internals.ConsumerCoordinator",
                         f"[Consumer clientId=consumer-orders-1, groupId=orders] Offset commit failed on partition orders-{p} at offset "
                         f"{rng.randint(10000, 999999)}: The coordinator is not aware of this member.")

    def autocommit(rng, i):
        p = rng.randint(0, 11)
        return "WARN", ("main", "o.a.k.c.c.internals.ConsumerCoordinator",
                        f"[Consumer clientId=consumer-orders-1, groupId=orders] Asynchronous auto-commit of offsets {{orders-{p}=OffsetAndMetadata{{offset={rng.randint(10000, 999999)}, "
                        f"leaderEpoch={rng.randint(1, 9)}, metadata=''}}}} failed: Offset commit cannot be completed since the consumer is not part of an active group "
                        "for auto partition assignment; it is likely that the consumer was kicked out of the group.")

    def meta(code, topic):
        def make(rng, i):
            return "WARN", ("main", "o.a.k.clients.NetworkClient",
                            f"[Consumer clientId=consumer-orders-1, groupId=orders] Error while fetching metadata with correlation id {rng.randint(10, 9999)} : {{{topic}={code}}}")
        return make

    def redis(text):
        def make(rng, i):
            return "ERROR", (f"lettuce-nioEventLoop-4-{rng.randint(1, 4)}", "c.a.cache.RedisCache", f"Redis command failed: {text(rng)}")
        return make

    def reconnect(rng, i):
        return "WARN", (f"lettuce-eventExecutorLoop-1-{rng.randint(1, 4)}", "i.l.core.protocol.ConnectionWatchdog",
                        "Cannot reconnect to [redis-master.cache.svc.cluster.local/<unresolved>:6379]: Connection refused: "
                        f"redis-master.cache.svc.cluster.local/10.0.5.{rng.randint(2, 9)}:6379")

    evs = [
        Event("R01", 60, nodeconn, ["could not be established"], "node id is a parameter"),
        Event("R02", 30, produce("NOT_LEADER_OR_FOLLOWER"), ["NOT_LEADER_OR_FOLLOWER"], ""),
        Event("R03", 12, produce("REQUEST_TIMED_OUT"), ["REQUEST_TIMED_OUT"], "same text as R02 but the error code"),
        Event("R04", 20, commit, ["Offset commit failed"], ""),
        Event("R05", 15, autocommit, ["auto-commit"], "braces and nested braces"),
        Event("R06", 10, meta("UNKNOWN_TOPIC_OR_PARTITION", "orders-retry"), ["UNKNOWN_TOPIC_OR_PARTITION"], ""),
        Event("R07", 6, meta("LEADER_NOT_AVAILABLE", "orders-dlq"), ["LEADER_NOT_AVAILABLE"], "same text as R06 but the error code"),
        Event("R08", 40, redis(lambda r: f"io.lettuce.core.RedisCommandTimeoutException: Command timed out after {pick(r, ['1 minute(s)', '5 second(s)'])}"),
              ["RedisCommandTimeoutException"], ""),
        Event("R09", 10, redis(lambda r: "io.lettuce.core.RedisCommandExecutionException: OOM command not allowed when used memory > 'maxmemory'."),
              ["OOM"], ""),
        Event("R10", 8, redis(lambda r: "io.lettuce.core.RedisCommandExecutionException: READONLY You can't write against a read only replica."),
              ["READONLY"], "same exception class as R09"),
        Event("R11", 5, redis(lambda r: "io.lettuce.core.RedisCommandExecutionException: ERR max number of clients reached"),
              ["max number of clients"], "same exception class as R09"),
        Event("R12", 25, reconnect, ["Cannot reconnect"], ""),
    ]

    def render(ts, sev, payload):
        th, logger, msg = payload
        t = ts.strftime("%Y-%m-%d %H:%M:%S.") + f"{ts.microsecond // 1000:03d}"
        return [f"{t} [{th}] {sev:<5} {logger} - {msg}"]

    return dict(name="kafka_redis", fmt="text", ext="log", log_format=r"<Date> <Time> \[<Thread>\] <Level> <Logger> - <Content>",
                render=render, events=evs)


# ----------------------------------------------------------------------------------------------
# 11. Word-valued parameters, dates in words, sizes, SQL, JSON blobs, URLs, long lines (JSONL)
# ----------------------------------------------------------------------------------------------
def messy_kind():
    def m(sev, fn):
        def make(rng, i):
            s = sev(rng) if callable(sev) else sev
            return s, fn(rng)
        return make

    def quota(r):
        lim = pick(r, [5, 10, 50])
        return (f"User {pick(r, USERS)} exceeded storage quota on bucket {pick(r, ['media-prod', 'exports', 'avatars'])}: "
                f"{lim + r.randint(0, 9)}.{r.randint(0, 9)} GB used of {lim} GB")

    def job(r):
        d = pick(r, ["Sat, 13 Sep 2025 17:00:00 GMT", "Sat, 13 Sep 2025 18:00:00 GMT", "Sat, 13 Sep 2025 18:30:00 GMT"])
        return f"Scheduled job {pick(r, ['nightly-report', 'invoice-export'])} for tenant {pick(r, TENANTS)} failed at {d}"

    SQLS = [lambda r: f"SELECT id, total FROM orders WHERE user_id = {r.randint(1, 9999)} AND status = '{pick(r, ['open', 'shipped', 'cancelled'])}' ORDER BY created_at DESC LIMIT 50",
            lambda r: f"SELECT * FROM products WHERE id IN ({', '.join(str(r.randint(1, 999)) for _ in range(r.randint(2, 6)))})",
            lambda r: f"DELETE FROM sessions WHERE expires_at < '2025-09-{r.randint(1, 12):02d} 00:00:00'"]

    def slow(k):
        return lambda r: f"Slow query ({r.randint(1000, 9000)} ms): {SQLS[k](r)}"

    def webhook(r):
        return (f"Webhook delivery to https://hooks.{pick(r, ['partner-a', 'partner-b'])}.com/notify?customer={r.randint(100, 999)}&event=order.paid "
                f"failed with status {pick(r, [502, 503])} after 3 attempts")

    def backlog(r):
        th = pick(r, [10000, 50000])
        return f"Queue {pick(r, ['orders-high', 'orders-low', 'emails-bulk', 'webhooks-retry'])} backlog {th + r.randint(1, 9999)} messages exceeds threshold {th}"

    def email(r):
        return f"Failed to send email to {pick(r, USERS)}@{pick(r, ['example.com', 'mail.example.org'])}: 550 5.1.1 mailbox unavailable"

    def evict(r):
        return f"Cache eviction storm: evicted {r.randint(1000, 90000)} keys from shard cache-{r.randint(0, 7)} in {r.randint(1, 9)}.{r.randint(0, 9)}s"

    def longline(r):
        k = r.randint(3, 25)
        rows = "; ".join(f"row {r.randint(2, 90000)}: {pick(r, ['invalid email', 'missing country', 'duplicate customer id'])}" for _ in range(k))
        return f"Batch import failed for file s3://imports-prod/2025-09-13/customers-{r.randint(1, 99)}.csv: {k} rows rejected: {rows}"

    def login(reason):
        return lambda r: f"Login failed for user {pick(r, USERS)} from {ip(r, '203.0')}: {reason}"

    def disk(r):
        tot = pick(r, [50, 100, 200])
        pct = r.randint(90, 99)
        return f"Disk usage on host {pick(r, ['db-primary-1', 'db-replica-2', 'worker-a', 'worker-b'])} at {pct}% ({tot * pct / 100:.1f} GiB of {tot} GiB)"

    def cert(r):
        d = r.randint(1, 14)
        return f"Certificate for {pick(r, ['api.example.com', 'shop.example.com'])} expires on September {13 + d}, 2025 (in {d} days)"

    def perm(r):
        return f"Permission denied for user {pick(r, ['alice', 'bob'])} on project billing"

    def upload(r):
        if r.random() < 0.5:
            return f"Upload rejected: file size {r.randint(11, 99)} MB exceeds limit of 10 MB"
        return f"Upload rejected: file size {r.randint(11000000, 99000000)} exceeds limit of 10485760"

    evs = [
        Event("M01", 40, m("WARNING", quota), ["storage quota"], "user and bucket are parameters"),
        Event("M02", 12, m("ERROR", job), ["Scheduled job"], "tenant names of 1-3 words, date in words"),
        Event("M03", 20, m("WARNING", slow(0)), ["Slow query"], "SQL shape 1 (literal values vary)"),
        Event("M04", 15, m("WARNING", slow(1)), ["Slow query"], "SQL shape 2 (IN list length varies)"),
        Event("M05", 10, m("WARNING", slow(2)), ["Slow query"], "SQL shape 3"),
        Event("M06", 25, m("ERROR", webhook), ["Webhook delivery"], "URL with a query string"),
        Event("M07", 30, m("WARNING", backlog), ["backlog"], "queue names with dashes"),
        Event("M08", 12, m("ERROR", email), ["send email"], "e-mail address of a user (personal data)"),
        Event("M09", 20, m("WARNING", evict), ["eviction"], ""),
        Event("M10", 10, m("ERROR", longline), ["Batch import failed"], "very long line, length varies"),
        Event("M11", 40, m("WARNING", login("invalid password")), ["Login failed", "invalid password"], ""),
        Event("M12", 8, m("WARNING", login("account locked")), ["Login failed", "account locked"], "same as M11 but the reason"),
        Event("M13", 20, m("WARNING", disk), ["Disk usage"], "host names"),
        Event("M14", 6, m("WARNING", cert), ["Certificate"], "date in words"),
        Event("M15", 9, m("ERROR", perm), ["Permission denied"], "only two users in the window"),
        Event("M16", 16, m("WARNING", upload), ["Upload rejected"], "size with and without a unit"),
    ]

    def render(ts, sev, msg):
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond:06d}Z"
        return {"timestamp": t, "severity": sev, "jsonPayload": {"message": msg},
                "resource": {"type": "cloud_run_revision", "labels": {"service_name": "platform"}}}

    return dict(name="messy_params", fmt="jsonl", ext="jsonl", log_format="", render=render, events=evs)


KINDS = [java_kind, python_kind, go_kind, node_pino_kind, node_console_kind, klog_kind,
         logfmt_kind, gcp_kind, nginx_kind, postgres_kind, kafka_redis_kind, messy_kind]


WARN_PLUS = {"WARN", "WARNING", "ERROR", "E", "W", "F", "FATAL", "PANIC", "CRIT", "CRITICAL", "ALERT", "EMERG",
             "SEVERE", "warn", "warning", "error", "crit", "alert", "emerg", "fatal", "50", "40", "60"}


def build(kind_fn, kidx):
    k = kind_fn()
    rng = random.Random(1000 + kidx)
    recs = []   # (ts, eid, rendered)
    truth_events = {}
    pg_pids = iter(range(20000, 99999))
    for evidx, ev in enumerate(k["events"]):
        for i in range(ev.n):
            ts = BASE + datetime.timedelta(seconds=rng.uniform(0, SPAN))
            if k.get("multi_record"):
                pid = next(pg_pids)
                user, db = pick(rng, [("app", "orders"), ("reporting", "orders"), ("app", "shop")])
                for j, (role, level, text, shape) in enumerate(ev.make(rng)):
                    eid = ev.eid + (("." + role) if role else "") + (("#" + shape) if shape else "")
                    t2 = ts + datetime.timedelta(microseconds=j)
                    recs.append((t2, eid, k["render"](t2, level, (pid, user, db, level, text))))
                    te = truth_events.setdefault(eid, {"n": 0, "must": ev.must if not role else [],
                                                       "note": ev.note if not role else f"{role} line of {ev.eid}",
                                                       "severity": set()})
                    te["n"] += 1
                    te["n_warning_plus"] = te.get("n_warning_plus", 0) + (level in WARN_PLUS)
                    te["severity"].add(level)
            else:
                sev, payload = ev.make(rng, i)
                recs.append((ts, ev.eid, k["render"](ts, sev, payload)))
                te = truth_events.setdefault(ev.eid, {"n": 0, "must": ev.must, "note": ev.note, "severity": set()})
                te["n"] += 1
                te["n_warning_plus"] = te.get("n_warning_plus", 0) + (str(sev) in WARN_PLUS)
                te["severity"].add(str(sev))
    recs.sort(key=lambda r: (r[0], r[1]))
    eids = sorted(truth_events)
    trace_of = {e: f"t{kidx:02d}{i:03d}q7" for i, e in enumerate(eids)}
    for e in truth_events:
        truth_events[e]["severity"] = sorted(truth_events[e]["severity"])
        truth_events[e]["trace"] = trace_of[e]
    return k, recs, truth_events, trace_of


def write_kind(out, k, recs, trace_of):
    plain = os.path.join(out, f"{k['name']}.{k['ext']}")
    tagged = os.path.join(out, f"{k['name']}.tagged.{k['ext']}")
    with open(plain, "w") as fp, open(tagged, "w") as ft:
        for ts, eid, r in recs:
            if k["fmt"] == "jsonl":
                fp.write(json.dumps(r) + "\n")
                t = json.loads(json.dumps(r))
                t["trace"] = "projects/blind/traces/" + trace_of[eid]
                t.setdefault("labels", {})["module"] = eid
                ft.write(json.dumps(t) + "\n")
            else:
                fp.write("\n".join(r) + "\n")
                ft.write(f"{eid} {trace_of[eid]} " + "\n".join(r) + "\n")
    return os.path.basename(plain), os.path.basename(tagged)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    os.makedirs(out, exist_ok=True)
    truth = {"window": WINDOW, "kinds": {}}
    for kidx, fn in enumerate(KINDS, start=1):
        k, recs, ev, trace_of = build(fn, kidx)
        plain, tagged = write_kind(out, k, recs, trace_of)
        lf = k["log_format"]
        truth["kinds"][k["name"]] = {
            "format": k["fmt"], "file": plain, "tagged_file": tagged, "log_format": lf,
            "tagged_log_format": ("<Module> <trace_id> " + lf) if lf else "",
            "records": len(recs), "events": ev}
        print(f"{k['name']:14s} {len(recs):6d} records {len(ev):3d} events -> {plain}")
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump(truth, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
