#!/usr/bin/env python3
"""Second blind real-world log corpus for Log Gardener (written from the user docs only).

Eleven kinds of logs an SRE meets that tests/blind_realworld does not cover: Rails production.log,
ASP.NET Core console, journalctl (short), HAProxy (syslog + httplog), Istio/Envoy access log,
MySQL 8 error log, MongoDB structured JSON (4.4+), Elasticsearch/OpenSearch text, RabbitMQ 3.12,
Laravel (Monolog) and Apache httpd error_log.

Writes, per kind, into OUT (default: ./data beside this file):

  <kind>.<ext>         the log as the service wrote it (what a user feeds the tool)
  <kind>.tagged.<ext>  the same records with two instrument columns: the ground-truth event id
                       (read by the tool as the record's module) and a per-event trace id (read
                       as a `trace` link key).  Text: "<eid> <trace> " before a record's first
                       line, log_format "<Module> <trace_id> " + the user's format.  JSON:
                       top-level "trace" and labels.module.
  truth.json           per kind: format, log_format, window, whether the text carries a level,
                       and per event its id, line count, the words a useful title must keep
                       (`must`), a note, and `judgement` (non-empty when the grouping is debatable).

A *record* is what the tool should read as one log entry: a line, plus the continuation lines the
runtime writes for it (stack traces, SQL, dumps).  Where the runtime itself prefixes every line of
a multi-line message (RabbitMQ 3.9+, MySQL's deadlock dump, HAProxy via syslog), every prefixed
line is a record of its own and has an event of its own.

Ground truth: an *event* is what an on-call engineer would want filed as ONE GitHub issue: one
message template (ids, users, hosts, paths, durations, sizes, counts, tenants, SQL values are
parameters) and, for errors with a stack trace, the same exception type thrown from the same code
location (Sentry's grouping).  Severity is not part of an event.

Every generator uses a fixed seed; the output is byte-identical on every run (Python 3 stdlib).
"""
import datetime
import json
import os
import random
import sys

UTC = datetime.timezone.utc
BASE = datetime.datetime(2025, 9, 13, 17, 0, 0, tzinfo=UTC)   # a Saturday
SPAN = 7080  # seconds; the window is [17:00, 19:00)
WINDOW = ("2025-09-13T17:00:00Z", "2025-09-13T19:00:00Z")

USERS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
         "mallory", "oscar", "peggy", "trent", "victor", "walter"]
TENANTS = ["Acme Corp", "Globex", "Initech", "Umbrella Health Systems", "Stark Industries",
           "Wayne Enterprises", "Blue Ridge Dental Group", "Soylent"]


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def alnum(rng, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def uuid(rng):
    h = hexid(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def ip(rng, net="10.0"):
    return f"{net}.{rng.randint(0, 15)}.{rng.randint(2, 250)}"


def pubip(rng):
    return f"{pick(rng, ['203.0.113', '198.51.100', '192.0.2', '45.83.64', '91.240.118'])}.{rng.randint(2, 250)}"


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


class Event:
    """n occurrences of make(rng, i).  make returns (sev, payload) for one record, or a list of
    (eid, sev, payload) for a group of records (the eids of a group may be Aux events)."""

    def __init__(self, eid, n, make, must=(), note="", judgement=""):
        self.eid, self.n, self.make, self.must, self.note, self.judgement = eid, n, make, list(must), note, judgement


class Aux:
    """Truth of an event that only occurs inside other events' groups."""

    def __init__(self, eid, must=(), note="", judgement=""):
        self.eid, self.must, self.note, self.judgement = eid, list(must), note, judgement


# ==============================================================================================
# 1. Ruby on Rails 7 production.log (Logger + TaggedLogging with request ids)
# ==============================================================================================
def rails_kind():
    PIDS = [12, 15, 18, 21]
    CONTROLLERS = {"orders": "OrdersController", "users": "Admin::UsersController", "invoices": "InvoicesController",
                   "checkout": "CheckoutController", "reports": "ReportsController"}

    def rid(rng):
        return uuid(rng)

    def started(rng, method, path, t_ip):
        return f'Started {method} "{path}" for {t_ip} at @@RTS@@'

    def processing(ctl, action, fmt):
        return f"Processing by {ctl}#{action} as {fmt}"

    def completed(rng, status):
        phrase = {404: "Not Found", 500: "Internal Server Error", 422: "Unprocessable Entity"}[status]
        ms = rng.randint(3, 900)
        ar = f"{rng.uniform(0.2, 300):.1f}ms"
        if status == 500:
            return f"Completed 500 {phrase} in {ms}ms (ActiveRecord: {ar} | Allocations: {rng.randint(800, 90000)})"
        return f"Completed {status} {phrase} in {ms}ms (ActiveRecord: {ar} | Allocations: {rng.randint(800, 90000)})"

    def fatal_lines(cls, msg, trace, source=()):
        lines = ["  ", f"{cls} ({msg}):"] + list(source) + ["  "] + list(trace)
        return lines

    def request(eid, status, method, path_fn, ctl, action, fmt, cls, msg_fn, trace, source_fn=None, warn=None):
        def make(rng, i):
            r, pid, cip = rid(rng), pick(rng, PIDS), pubip(rng)
            m = method(rng) if callable(method) else method
            pth = path_fn(rng)
            recs = [(f"R00~{m}", "INFO", (pid, [r], [started(rng, m, pth, cip)], []))]
            if ctl:
                f = fmt(rng) if callable(fmt) else fmt
                recs.append((f"R00p~{ctl}#{action} {f}", "INFO", (pid, [r], [processing(ctl, action, f)], [])))
            if warn:
                recs.append((warn[0], "WARN", (pid, [r], [warn[1]], [])))
            if status:
                recs.append(({404: "R00n", 500: "R00e", 422: "R00u"}[status], "INFO", (pid, [r], [completed(rng, status)], [])))
            src = source_fn(rng) if source_fn else ()
            feid = f"{eid}~{m}" if eid == "R05" else eid
            recs.append((feid, "FATAL", (pid, [r], fatal_lines(cls, msg_fn(rng, m, pth), trace, src), [])))
            return recs
        return make

    ROUTING_TRACE = ["actionpack (7.1.3) lib/action_dispatch/middleware/debug_exceptions.rb:34:in `call'",
                     "actionpack (7.1.3) lib/action_dispatch/middleware/show_exceptions.rb:31:in `call'",
                     "railties (7.1.3) lib/rails/rack/logger.rb:37:in `call_app'",
                     "railties (7.1.3) lib/rails/rack/logger.rb:24:in `block in call'",
                     "activesupport (7.1.3) lib/active_support/tagged_logging.rb:135:in `block in tagged'"]
    CSRF_TRACE = ["actionpack (7.1.3) lib/action_controller/metal/request_forgery_protection.rb:259:in `handle_unverified_request'",
                  "actionpack (7.1.3) lib/action_controller/metal/request_forgery_protection.rb:354:in `handle_unverified_request'",
                  "actionpack (7.1.3) lib/action_controller/metal/request_forgery_protection.rb:343:in `verify_authenticity_token'",
                  "activesupport (7.1.3) lib/active_support/callbacks.rb:403:in `block in make_lambda'"]

    def oid(rng):
        return str(rng.randint(10000, 999999))

    def template_src(rng):
        return ["    11:   <tr>", "    12:     <td><%= link_to order.number, order %></td>",
                "    13:     <td><%= order.customer.name %></td>", "    14:     <td><%= number_to_currency order.total %></td>",
                "    15:   </tr>"]

    def job(eid, job_cls, queue, exc, msg_fn, bt):
        def make(rng, i):
            jid = uuid(rng)
            ms = f"{rng.uniform(5, 30000):.2f}"
            msg = msg_fn(rng).split("\n")
            head = f"Error performing {job_cls} (Job ID: {jid}) from Sidekiq({queue}) in {ms}ms: {exc} ({msg[0]}"
            lines = [head] + msg[1:]
            lines[-1] = lines[-1] + "):"
            return "ERROR", (pick(rng, PIDS), ["ActiveJob", job_cls, jid], lines[:1], lines[1:] + bt)
        return make

    NET_BT = ["/usr/local/bundle/gems/net-protocol-0.2.2/lib/net/protocol.rb:229:in `rbuf_fill'",
              "/usr/local/bundle/gems/net-protocol-0.2.2/lib/net/protocol.rb:199:in `readuntil'",
              "/usr/local/lib/ruby/3.2.0/net/http.rb:2010:in `transport_request'",
              "/usr/local/bundle/gems/mail-2.8.1/lib/mail/network/delivery_methods/smtp.rb:109:in `start_smtp_session'",
              "/app/app/jobs/invoice_mailer_job.rb:14:in `perform'",
              "/usr/local/bundle/gems/activejob-7.1.3/lib/active_job/execution.rb:68:in `block in _perform_job'"]
    DEADLOCK_BT = ["/usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/connection_adapters/postgresql_adapter.rb:894:in `exec_params'",
                   "/usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/connection_adapters/postgresql/database_statements.rb:162:in `exec_update'",
                   "/app/app/models/invoice.rb:61:in `mark_exported!'",
                   "/app/app/jobs/report_export_job.rb:33:in `block in perform'",
                   "/usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/relation/batches.rb:71:in `find_each'"]

    def deadlock_msg(rng):
        a, b = rng.randint(1000, 99999), rng.randint(1000, 99999)
        ta, tb = rng.randint(10 ** 6, 10 ** 7), rng.randint(10 ** 6, 10 ** 7)
        return (f"PG::TRDeadlockDetected: ERROR:  deadlock detected\nDETAIL:  Process {a} waits for ShareLock on transaction {ta}; blocked by process {b}.\n"
                f"Process {b} waits for ShareLock on transaction {tb}; blocked by process {a}.\nHINT:  See server log for query details.\n"
                f"CONTEXT:  while updating tuple ({rng.randint(0, 900)},{rng.randint(1, 60)}) in relation \"invoices\"")

    def stripe(rng, i):
        reason = pick(rng, ["Your card was declined.", "Your card has insufficient funds.", "Your card has expired.",
                            "Your card's security code is incorrect."])
        return "ERROR", (pick(rng, PIDS), [rid(rng)], [f"Stripe charge failed for order #{oid(rng)} ({pick(rng, TENANTS)}): {reason}"], []), reason.split()[-1].strip(".")

    def deprec_legacy(rng, i):
        return "WARN", (pick(rng, PIDS), [], ["DEPRECATION WARNING: Using legacy connection handling is deprecated. Please set"],
                        ["`legacy_connection_handling` to `false` in your application.", "",
                         "The new connection handling does not support `connection_handlers`",
                         "getter and setter.", "", "Read more about how to migrate at: https://guides.rubyonrails.org/active_record_multiple_databases.html#migrate-to-the-new-connection-handling",
                         " (called from <main> at /app/config/environment.rb:5)"])

    def deprec_tos(rng, i):
        where = pick(rng, [("invoice_presenter", "InvoicePresenter", 17), ("order_presenter", "OrderPresenter", 42),
                           ("receipt_presenter", "ReceiptPresenter", 9)])
        return "WARN", (pick(rng, PIDS), [rid(rng)], [
            "DEPRECATION WARNING: Calling `to_s` with a format argument is deprecated; use `to_fs` instead. "
            f"(called from block in <class:{where[1]}> at /app/app/presenters/{where[0]}.rb:{where[2]})"], [])

    def webhook(rng, i):
        t = pick(rng, TENANTS)
        host = t.lower().replace(" ", "-") + ".example.com"
        st = pick(rng, [502, 503, 504])
        return "WARN", (pick(rng, PIDS), [rid(rng)], [
            f"Webhook delivery to https://hooks.{host}/shop/events failed after 3 attempts (HTTP {st}) for tenant \"{t}\""], []), str(st)

    def rack_timeout(rng, i):
        r = rid(rng)
        svc = rng.randint(15001, 15090)
        return [("R10", "ERROR", (pick(rng, PIDS), [r], [f"source=rack-timeout id={r} timeout=15000ms service={svc}ms state=timed_out at=error"], [])),
                ("R10f", "FATAL", (pick(rng, PIDS), [r], fatal_lines("Rack::Timeout::RequestTimeoutException",
                                                                   "Request ran for longer than 15000ms ",
                                                                   ["app/services/report_exporter.rb:88:in `each_row'",
                                                                    "app/services/report_exporter.rb:41:in `to_csv'",
                                                                    "app/controllers/reports_controller.rb:19:in `export'"]), []))]

    def path_orders(rng):
        return f"/orders/{oid(rng)}"

    evs = [
        Event("R01", 42, request("R01", 404, "GET", path_orders, "OrdersController", "show", lambda r: pick(r, ["HTML", "JSON"]),
                                 "ActiveRecord::RecordNotFound", lambda r, m, p: f"Couldn't find Order with 'id'={oid(r)}",
                                 ["app/controllers/orders_controller.rb:71:in `set_order'"]),
              ["RecordNotFound", "Order"], "Order not found in OrdersController#set_order"),
        Event("R02", 9, request("R02", 404, "GET", lambda r: f"/admin/users/{r.randint(1, 9000)}", "Admin::UsersController", "show", "HTML",
                                "ActiveRecord::RecordNotFound", lambda r, m, p: f"Couldn't find User with 'id'={r.randint(1, 9000)}",
                                ["app/controllers/admin/users_controller.rb:52:in `set_user'"]),
              ["RecordNotFound", "User"], "User not found in Admin::UsersController (other model, other place)"),
        Event("R03", 18, request("R03", 500, "GET", lambda r: "/orders", "OrdersController", "index", "HTML",
                                 "ActionView::Template::Error", lambda r, m, p: "undefined method `name' for nil:NilClass",
                                 ["app/views/orders/_order.html.erb:13", "app/views/orders/index.html.erb:22",
                                  "app/controllers/orders_controller.rb:9:in `index'"], template_src),
              ["Template::Error", "name"], "view error with annotated source lines"),
        Event("R04", 14, request("R04", 500, "POST", lambda r: f"/invoices/{oid(r)}/finalize", "InvoicesController", "finalize", "JSON",
                                 "NoMethodError", lambda r, m, p: "undefined method `each' for nil:NilClass",
                                 ["app/services/invoice_builder.rb:33:in `build_lines'", "app/services/invoice_builder.rb:12:in `call'",
                                  "app/controllers/invoices_controller.rb:44:in `finalize'"]),
              ["NoMethodError", "each"], "nil in InvoiceBuilder#build_lines"),
        Event("R05", 40, request("R05", None, lambda r: pick(r, ["GET", "GET", "GET", "POST"]),
                                 lambda r: pick(r, ["/wp-login.php", "/.env", "/phpmyadmin/index.php", "/xmlrpc.php",
                                                    "/admin/config.php", "/.git/config", "/cgi-bin/luci/;stok=/locale"]),
                                 None, None, None, "ActionController::RoutingError",
                                 lambda r, m, p: f'No route matches [{m}] "{p}"',
                                 ROUTING_TRACE),
              ["RoutingError", "No route matches"], "scanner traffic; the path is a parameter",
              "the method in [GET]/[POST] and the path are parameters (one issue for all probes)"),
        Event("R06", 12, request("R06", 422, "POST", lambda r: "/checkout", "CheckoutController", "create", "HTML",
                                 "ActionController::InvalidAuthenticityToken", lambda r, m, p: "Can't verify CSRF token authenticity.",
                                 CSRF_TRACE, warn=("R06w", "Can't verify CSRF token authenticity.")),
              ["InvalidAuthenticityToken"], "CSRF failure (FATAL part)"),
        Event("R07", 12, request("R07", 500, "GET", lambda r: f"/reports/monthly?month=2025-0{r.randint(1, 8)}", "ReportsController", "monthly", "JSON",
                                 "ActiveRecord::StatementInvalid", lambda r, m, p: "PG::QueryCanceled: ERROR:  canceling statement due to statement timeout",
                                 ["app/models/report.rb:27:in `monthly_totals'", "app/controllers/reports_controller.rb:11:in `monthly'"]),
              ["StatementInvalid", "statement timeout"], "statement timeout in Report.monthly_totals"),
        Event("R08", 9, request("R08", 500, "POST", lambda r: "/api/v1/orders", "OrdersController", "create", "JSON",
                                "Redis::CannotConnectError", lambda r, m, p: f"Error connecting to Redis on 10.0.3.{r.randint(2, 9)}:6379 (Errno::ECONNREFUSED)",
                                ["app/controllers/concerns/rate_limited.rb:14:in `throttle!'"]),
              ["CannotConnectError", "Redis"], "Redis down"),
        Event("R09", 6, request("R09", 500, "GET", lambda r: f"/orders/{oid(r)}", "OrdersController", "show", "HTML",
                                "ActiveRecord::ConnectionTimeoutError",
                                lambda r, m, p: f"could not obtain a connection from the pool within 5.000 seconds (waited 5.0{r.randint(0, 9)}{r.randint(0, 9)} seconds); all pooled connections were in use",
                                ["app/controllers/application_controller.rb:22:in `current_tenant'"]),
              ["ConnectionTimeoutError"], "pool exhausted"),
        Event("R10", 10, rack_timeout, ["rack-timeout", "timed_out"], "rack-timeout's own logfmt line"),
        Event("R11", 15, job("R11", "InvoiceMailerJob", "mailers", "Net::ReadTimeout", lambda r: "Net::ReadTimeout with #<TCPSocket:(closed)>", NET_BT),
              ["InvoiceMailerJob", "ReadTimeout"], "ActiveJob failure, raw backtrace lines follow"),
        Event("R12", 6, job("R12", "ReportExportJob", "default", "ActiveRecord::Deadlocked", deadlock_msg, DEADLOCK_BT),
              ["ReportExportJob", "Deadlocked"], "ActiveJob failure whose message has DETAIL/HINT/CONTEXT lines"),
        Event("R13", 30, stripe, ["Stripe charge failed"], "decline reason and tenant (several words) are parameters",
              "the decline reason after ':' is taken as a parameter (4 texts of different length)"),
        Event("R14", 4, deprec_legacy, ["legacy connection handling"], "boot-time deprecation, multi-line"),
        Event("R15", 20, deprec_tos, ["to_s", "deprecated"], "call site (3 presenters) is a parameter"),
        Event("R16", 24, webhook, ["Webhook delivery", "failed"], "tenant and HTTP status are parameters",
              "HTTP 502/503/504 of a customer's webhook endpoint taken as a parameter"),
    ]
    aux = [Aux("R00", ["Started"], "request start line (INFO)", "method and path are parameters"),
           Aux("R00p", ["Processing by"], "INFO", "Controller#action and format are parameters of one event"),
           Aux("R00n", ["Completed", "Not Found"], "INFO; the status and its phrase are part of the event"),
           Aux("R00e", ["Completed", "Internal Server Error"], "INFO; the status and its phrase are part of the event"),
           Aux("R00u", ["Completed", "Unprocessable Entity"], "INFO; the status and its phrase are part of the event"),
           Aux("R06w", ["CSRF"], "the WARN line before the FATAL"),
           Aux("R10f", ["RequestTimeoutException"], "FATAL after rack-timeout")]

    def render(ts, sev, payload):
        pid, tags, first, raw = payload
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond:06d}"
        pre = "".join(f"[{x}] " for x in tags)
        head = f"{sev[0]}, [{t} #{pid}] {sev:>5} -- : "
        lines = [head + pre + first[0]] + [pre + l for l in first[1:]] + list(raw)
        return [l.replace("@@RTS@@", ts.strftime("%Y-%m-%d %H:%M:%S +0000")) for l in lines]

    return dict(name="rails", fmt="text", ext="log", level_in_text=True,
                log_format=r"<Sev>, \[<Timestamp> #<Pid>\] <Level> -- : <Content>",
                render=render, events=evs, aux=aux)


# ==============================================================================================
# 2. ASP.NET Core (.NET 8) console logger, SimpleConsoleFormatter with a UTC timestamp
# ==============================================================================================
def aspnet_kind():
    MW = ("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", 1)
    TAIL = ["at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.TaskOfIActionResultExecutor.Execute(ActionContext actionContext, IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)",
            "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.<InvokeActionMethodAsync>g__Logged|12_1(ControllerActionInvoker invoker)",
            "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.<InvokeNextActionFilterAsync>g__Awaited|10_0(ControllerActionInvoker invoker, Task lastTask, State next, Scope scope, Object state, Boolean isCompleted)",
            "at Microsoft.AspNetCore.Routing.EndpointMiddleware.<Invoke>g__AwaitRequestTask|7_0(Endpoint endpoint, Task requestTask, ILogger logger)",
            "at Microsoft.AspNetCore.Authorization.AuthorizationMiddleware.Invoke(HttpContext context)",
            "at Microsoft.AspNetCore.Authentication.AuthenticationMiddleware.Invoke(HttpContext context)",
            "at Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl.<Invoke>g__Awaited|10_0(ExceptionHandlerMiddlewareImpl middleware, HttpContext context, Task task)"]

    def at(frames):
        return ["   " + f for f in frames]

    def unhandled(exc_lines, frames):
        def make(rng, i):
            return "fail", (MW, ["An unhandled exception has occurred while executing the request."] + exc_lines(rng) + at(frames + TAIL))
        return make

    def const(lines):
        return lambda rng: list(lines)

    def ef_command(sql):
        def make(rng, i):
            ms = rng.randint(30001, 30250)
            return "fail", (("Microsoft.EntityFrameworkCore.Database.Command", 20102),
                            [f"Failed executing DbCommand ({ms // 1000},{ms % 1000:03d}ms) [Parameters=[@__customerId_0='?' (DbType = Int32)], CommandType='Text', CommandTimeout='30']"] + sql)
        return make

    def ef_query(rng, i):
        return "fail", (("Microsoft.EntityFrameworkCore.Query", 10100), [
            "An exception occurred while iterating over the results of a query for context type 'Shop.Data.ShopDbContext'.",
            "Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
            " ---> System.ComponentModel.Win32Exception (258): The wait operation timed out."] + at([
                "at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
                "at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)",
                "at Microsoft.Data.SqlClient.SqlCommand.<>c.<ExecuteDbDataReaderAsync>b__209_0(Task`1 result)",
                "at Microsoft.EntityFrameworkCore.Storage.RelationalCommand.ExecuteReaderAsync(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken)",
                "at Microsoft.EntityFrameworkCore.Query.Internal.SingleQueryingEnumerable`1.AsyncEnumerator.InitializeReaderAsync(AsyncEnumerator enumerator, CancellationToken cancellationToken)"]) + [
            f"ClientConnectionId:{uuid(rng)}", "Error Number:-2,State:0,Class:11"])

    def kestrel13(rng, i):
        cid = alnum(rng, 13, "0123456789ABCDEFGHIJKLMNOPQRSTUV")
        n = rng.randint(1, 40)
        return "fail", (("Microsoft.AspNetCore.Server.Kestrel", 13), [
            f'Connection id "{cid}", Request id "{cid}:{n:08X}": An unhandled exception was thrown by the application.',
            f"System.InvalidOperationException: Response Content-Length mismatch: too few bytes written (0 of {rng.randint(200, 90000)})."] + at([
                "at Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol.VerifyResponseContentLength(Exception& ex)",
                "at Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol.ProcessRequests[TContext](IHttpApplication`1 application)"]))

    def heartbeat(rng, i):
        s = rng.randint(1, 9)
        return "warn", (("Microsoft.AspNetCore.Server.Kestrel", 22), [
            f'As of "@@HB@@ +00:00", the heartbeat has been running for '
            f'"00:00:0{s}.{rng.randint(0, 9999999):07d}" which is longer than "00:00:01". This could be caused by thread pool starvation.'])

    def polly(rng, i):
        a = rng.randint(0, 2)
        return "warn", (("Polly", 3), [
            f"Execution attempt. Source: 'PaymentsClient-standard//Standard-Retry', Operation Key: '', Result: 'Connection refused (payments-api:8080)', "
            f"Handled: 'True', Attempt: '{a}', Execution Time: {rng.uniform(0.5, 40):.4f}ms"])

    def capture(rng, i):
        st = pick(rng, ["502 (Bad Gateway)", "503 (Service Unavailable)"])
        return "fail", (("Shop.Api.Services.PaymentService", 0), [
            f"Payment capture failed for order {rng.randint(100000, 999999)} (tenant {pick(rng, TENANTS)})",
            f"System.Net.Http.HttpRequestException: Response status code does not indicate success: {st}."] + at([
                "at System.Net.Http.HttpResponseMessage.EnsureSuccessStatusCode()",
                "at Shop.Api.Clients.PaymentsClient.CaptureAsync(Guid paymentId, Decimal amount, CancellationToken ct) in /src/Shop.Api/Clients/PaymentsClient.cs:line 57",
                "at Shop.Api.Services.PaymentService.CaptureAsync(Int32 orderId, CancellationToken ct) in /src/Shop.Api/Services/PaymentService.cs:line 112"])), st[:3]

    def jwt(rng, i):
        h, m = rng.randint(15, 16), rng.randint(0, 59)
        return "info", (("Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler", 1), [
            "Failed to validate the token.",
            f"Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException: IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '09/13/2025 {h}:{m:02d}:{rng.randint(0, 59):02d}', "
            "Current time (UTC): '@@HB@@'."] + at([
                "at Microsoft.IdentityModel.Tokens.Validators.ValidateLifetime(Nullable`1 notBefore, Nullable`1 expires, SecurityToken securityToken, TokenValidationParameters validationParameters)",
                "at System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler.ValidateLifetime(Nullable`1 notBefore, Nullable`1 expires, JwtSecurityToken jwtToken, TokenValidationParameters validationParameters)",
                "at Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler.HandleAuthenticateAsync()"]))

    def dataprot(rng, i):
        return "warn", (("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", 35), [
            f"No XML encryptor configured. Key {{{uuid(rng)}}} may be persisted to storage in unencrypted form."])

    def startup(rng, i):
        return "crit", (("Microsoft.AspNetCore.Hosting.Diagnostics", 6), [
            "Application startup exception",
            "System.IO.FileNotFoundException: The configuration file 'appsettings.Production.json' was not found and is not optional. The expected physical path was '/app/appsettings.Production.json'."] + at([
                "at Microsoft.Extensions.Configuration.FileConfigurationProvider.HandleException(ExceptionDispatchInfo info)",
                "at Microsoft.Extensions.Configuration.FileConfigurationProvider.Load(Boolean reload)",
                "at Program.<Main>$(String[] args) in /src/Shop.Api/Program.cs:line 23"]))

    def https(rng, i):
        return "warn", (("Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionMiddleware", 3), ["Failed to determine the https port for redirect."])

    def outbox(rng, i):
        return "fail", (("Shop.Api.Workers.OutboxPublisher", 0), [
            f"Outbox message {uuid(rng)} could not be published to topic orders.v1 after 5 attempts",
            "RabbitMQ.Client.Exceptions.BrokerUnreachableException: None of the specified endpoints were reachable",
            " ---> RabbitMQ.Client.Exceptions.ConnectFailureException: Connection failed",
            " ---> System.Net.Sockets.SocketException (111): Connection refused"] + at([
                "at RabbitMQ.Client.Impl.SocketFrameHandler.ConnectOrFail(ITcpClient socket, AmqpTcpEndpoint endpoint, TimeSpan timeout)",
                "--- End of inner exception stack trace ---"]) + at([
                "at RabbitMQ.Client.ConnectionFactory.CreateConnection(IEndpointResolver endpointResolver, String clientProvidedName)",
                "at Shop.Api.Workers.OutboxPublisher.PublishBatchAsync(CancellationToken ct) in /src/Shop.Api/Workers/OutboxPublisher.cs:line 64"]))

    def taskcanceled(rng):
        return ["System.Threading.Tasks.TaskCanceledException: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.",
                " ---> System.TimeoutException: The operation was canceled.",
                " ---> System.Threading.Tasks.TaskCanceledException: The operation was canceled.",
                " ---> System.IO.IOException: Unable to read data from the transport connection: Operation canceled.",
                " ---> System.Net.Sockets.SocketException (125): Operation canceled",
                "   --- End of inner exception stack trace ---"]

    SQL1 = ["SELECT TOP(1) [o].[Id], [o].[CreatedAt], [o].[CustomerId], [o].[Status], [o].[Total]",
            "FROM [Orders] AS [o]", "WHERE [o].[CustomerId] = @__customerId_0", "ORDER BY [o].[CreatedAt] DESC"]
    SQL2 = ["SELECT [l].[Id], [l].[OrderId], [l].[ProductId], [l].[Quantity], [l].[UnitPrice]",
            "FROM [OrderLines] AS [l]", "INNER JOIN [Orders] AS [o] ON [l].[OrderId] = [o].[Id]", "WHERE [o].[CustomerId] = @__customerId_0"]
    evs = [
        Event("N01", 45, unhandled(const(["System.InvalidOperationException: Sequence contains no elements"]), [
            "at System.Linq.ThrowHelper.ThrowNoElementsException()",
            "at System.Linq.Enumerable.First[TSource](IEnumerable`1 source)",
            "at Shop.Api.Services.OrderService.GetLatestAsync(Int32 customerId) in /src/Shop.Api/Services/OrderService.cs:line 88",
            "at Shop.Api.Controllers.OrdersController.Latest(Int32 customerId) in /src/Shop.Api/Controllers/OrdersController.cs:line 41",
            "at lambda_method12(Closure, Object)"]),
            ["InvalidOperationException", "Sequence contains no elements"], "First() on empty in OrderService.GetLatestAsync"),
        Event("N02", 37, unhandled(const(["System.NullReferenceException: Object reference not set to an instance of an object."]), [
            "at Shop.Api.Services.CartService.ApplyCouponAsync(Guid cartId, String code) in /src/Shop.Api/Services/CartService.cs:line 133",
            "at Shop.Api.Controllers.CartController.ApplyCoupon(Guid id, CouponRequest body) in /src/Shop.Api/Controllers/CartController.cs:line 58",
            "at lambda_method31(Closure, Object)"]),
            ["NullReferenceException", "ApplyCoupon"], "NRE in CartService.ApplyCouponAsync"),
        Event("N03", 18, unhandled(const(["System.NullReferenceException: Object reference not set to an instance of an object."]), [
            "at Shop.Api.Services.ShippingService.QuoteAsync(Address destination, IReadOnlyList`1 lines) in /src/Shop.Api/Services/ShippingService.cs:line 71",
            "at Shop.Api.Controllers.ShippingController.Quote(QuoteRequest body) in /src/Shop.Api/Controllers/ShippingController.cs:line 30",
            "at lambda_method44(Closure, Object)"]),
            ["NullReferenceException", "Quote"], "same exception and message as N02, thrown in ShippingService.QuoteAsync"),
        Event("N04", 12, unhandled(const([
            "Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException: The database operation was expected to affect 1 row(s), but actually affected 0 row(s); "
            "data may have been modified or deleted since entities were loaded. See https://go.microsoft.com/fwlink/?LinkId=527962 for information on understanding and handling optimistic concurrency exceptions."]), [
            "at Microsoft.EntityFrameworkCore.Update.AffectedCountModificationCommandBatch.ThrowAggregateUpdateConcurrencyExceptionAsync(RelationalDataReader reader, Int32 commandIndex, Int32 expectedRowsAffected, Int32 rowsAffected, CancellationToken cancellationToken)",
            "at Microsoft.EntityFrameworkCore.DbContext.SaveChangesAsync(Boolean acceptAllChangesOnSuccess, CancellationToken cancellationToken)",
            "at Shop.Api.Services.InventoryService.ReserveAsync(Guid productId, Int32 quantity) in /src/Shop.Api/Services/InventoryService.cs:line 49"]),
            ["DbUpdateConcurrencyException"], "optimistic concurrency in InventoryService.ReserveAsync"),
        Event("N05", 21, ef_command(SQL1), ["Failed executing DbCommand"], "timeout of the latest-order query (SQL on continuation lines)",
              "one event per SQL statement: N05 and N06 differ only in the statement"),
        Event("N06", 12, ef_command(SQL2), ["Failed executing DbCommand"], "timeout of the order-lines query",
              "one event per SQL statement: N05 and N06 differ only in the statement"),
        Event("N07", 30, ef_query, ["SqlException", "Execution Timeout"], "EF Core query iteration failed"),
        Event("N08", 9, kestrel13, ["Content-Length mismatch"], "Kestrel[13]"),
        Event("N09", 22, heartbeat, ["heartbeat", "thread pool starvation"], "dates M/d/yyyy and TimeSpans are parameters"),
        Event("N10", 60, polly, ["Execution attempt", "Connection refused"], "Polly v8 retry telemetry; attempt 0..2"),
        Event("N11", 27, capture, ["Payment capture failed", "HttpRequestException"], "status 502/503 and tenant are parameters",
              "the status in the exception message (502 vs 503) taken as a parameter"),
        Event("N12", 45, jwt, ["SecurityTokenExpiredException"], "info level; expired tokens"),
        Event("N13", 4, dataprot, ["No XML encryptor"], "startup, key id in braces"),
        Event("N14", 3, startup, ["FileNotFoundException", "startup"], "crit at startup"),
        Event("N15", 30, https, ["https port"], "constant warning"),
        Event("N16", 15, outbox, ["BrokerUnreachableException", "Outbox"], "inner exceptions with ---> and End of inner exception"),
        Event("N17", 18, unhandled(taskcanceled, [
            "at System.Net.Http.HttpClient.HandleFailure(Exception e, Boolean telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)",
            "at System.Net.Http.HttpClient.<SendAsync>g__Core|83_0(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationTokenSource cts, Boolean disposeCts, CancellationTokenSource pendingRequestsCts, CancellationToken originalCancellationToken)",
            "at Shop.Api.Clients.CatalogClient.GetProductAsync(Guid id, CancellationToken ct) in /src/Shop.Api/Clients/CatalogClient.cs:line 39",
            "at Shop.Api.Controllers.ProductsController.Get(Guid id, CancellationToken ct) in /src/Shop.Api/Controllers/ProductsController.cs:line 27"]),
            ["TaskCanceledException"], "HttpClient timeout with four inner exceptions"),
    ]

    def render(ts, sev, payload):
        (cat, eid), lines = payload
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"
        hb = ts.strftime("%m/%d/%Y %H:%M:%S")
        return [f"{t} {sev}: {cat}[{eid}]"] + ["      " + l.replace("@@HB@@", hb) for l in lines]

    return dict(name="aspnet", fmt="text", ext="log", level_in_text=True,
                log_format=r"<Timestamp> <Level>: <Content>", render=render, events=evs, aux=[], alt_merge=[["N05", "N06"]])


# ==============================================================================================
# 3. journalctl -p warning -o short (several hosts, systemd, kernel, sshd, dockerd, kubelet)
# ==============================================================================================
UNIT_J = "the unit is a parameter; one issue per unit is defensible too"


def journald_kind():
    HOSTS = ["web-01", "web-02", "web-03", "db-01", "k8s-node-4"]
    UNITS = [("nginx.service", "A high performance web server and a reverse proxy server"),
             ("gunicorn.service", "gunicorn daemon for the shop API"),
             ("node-exporter.service", "Prometheus exporter for machine metrics"),
             ("backup-s3.service", "Nightly database backup to S3"),
             ("certbot.service", "Certbot")]

    def sysd(host, msg):
        return (host, "systemd", 1, msg)

    def unit_failure(rng, i):
        host = pick(rng, HOSTS[:4])
        unit, desc = pick(rng, UNITS)
        u = "~" + unit
        recs = [("S01" + u, "warning", (host, "systemd", 1, f"{unit}: Main process exited, code=exited, status=1/FAILURE")),
                ("S02" + u, "warning", (host, "systemd", 1, f"{unit}: Failed with result 'exit-code'."))]
        restarts = rng.randint(0, 5)
        for k in range(restarts):
            recs.append(("S05" + u, "warning", (host, "systemd", 1, f"{unit}: Scheduled restart job, restart counter is at {k + 1}.")))
        if restarts == 5:
            recs.append(("S22" + u, "warning", (host, "systemd", 1, f"{unit}: Start request repeated too quickly.")))
            recs.append(("S02" + u, "warning", (host, "systemd", 1, f"{unit}: Failed with result 'exit-code'.")))
            recs.append(("S04" + u, "err", (host, "systemd", 1, f"Failed to start {unit} - {desc}.")))
        return recs

    def oom(rng, i):
        host = pick(rng, HOSTS[:3])
        proc, unit, uid = pick(rng, [("gunicorn", "gunicorn.service", 33), ("java", "elasticsearch.service", 112), ("node", "ssr.service", 1000)])
        pid = rng.randint(1000, 99999)
        return [(f"S07~{proc}", "err", (host, "kernel", None,
                                f"Out of memory: Killed process {pid} ({proc}) total-vm:{rng.randint(10 ** 6, 9 * 10 ** 6)}kB, anon-rss:{rng.randint(10 ** 5, 4 * 10 ** 6)}kB, "
                                f"file-rss:{rng.randint(0, 9000)}kB, shmem-rss:0kB, UID:{uid} pgtables:{rng.randint(500, 9000)}kB oom_score_adj:0")),
                (f"S06~{unit}", "warning", (host, "systemd", 1, f"{unit}: A process of this unit has been killed by the OOM killer.")),
                (f"S03~{unit}", "warning", (host, "systemd", 1, f"{unit}: Failed with result 'oom-kill'."))]

    def ext4(rng, i):
        return "err", ("db-01", "kernel", None,
                       f"EXT4-fs error (device nvme1n1p1): ext4_lookup:1855: inode #{rng.randint(10 ** 5, 10 ** 7)}: comm {pick(rng, ['rsync', 'postgres', 'tar'])}: deleted inode referenced: {rng.randint(10 ** 5, 10 ** 7)}")

    def syn(rng, i):
        return "warning", (pick(rng, HOSTS[:3]), "kernel", None,
                           f"TCP: request_sock_TCP: Possible SYN flooding on port {pick(rng, [443, 80, 8443])}. Sending cookies.  Check SNMP counters.")

    def conntrack(rng, i):
        return "warning", (pick(rng, HOSTS), "kernel", None, "nf_conntrack: nf_conntrack: table full, dropping packet")

    def kex(rng, i):
        return "err", (pick(rng, HOSTS), "sshd", rng.randint(1000, 99999), "error: kex_exchange_identification: Connection closed by remote host")

    def invalid_user(rng, i):
        u = pick(rng, ["admin", "oracle", "ubuntu", "test", "git", "postgres", "user1", "deploy"])
        a, p = pubip(rng), rng.randint(30000, 65000)
        h = pick(rng, HOSTS)
        spid = rng.randint(1000, 99999)
        return [("S12", "warning", (h, "sshd", spid, f"Invalid user {u} from {a} port {p}")),
                ("S13", "warning", (h, "sshd", spid, f"Connection closed by invalid user {u} {a} port {p} [preauth]"))]

    def suppressed(rng, i):
        return "warning", (pick(rng, HOSTS), "systemd-journald", 412,
                           f"Suppressed {rng.randint(100, 90000)} messages from {pick(rng, ['nginx.service', 'gunicorn.service', 'kubelet.service'])}")

    def docker(rng, i):
        cid = hexid(rng, 64)
        port = pick(rng, [8080, 5432, 6379, 9000])
        return "err", ("k8s-node-4", "dockerd", 873,
                       f'time="@@DTS@@" level=error '
                       f'msg="Handler for POST /v1.43/containers/{cid[:12]}/start returned error: driver failed programming external connectivity on endpoint '
                       f'{pick(rng, ["shop-api-1", "redis-cache", "pg-replica", "minio"])} ({cid}): Bind for 0.0.0.0:{port} failed: port is already allocated"')

    def kubelet(rng, i):
        pod = pick(rng, ["web-7d9f8b6c4-x2kqz", "api-5c6b7d8f9-qq2rt", "worker-6f7c8d9b5-zk4mn"])
        u = uuid(rng)
        return "err", ("k8s-node-4", "kubelet", 1187,
                       f'E@@KLOG@@    1187 pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"app\\" with CrashLoopBackOff: '
                       f'\\"back-off 5m0s restarting failed container=app pod={pod}_shop({u})\\"" pod="shop/{pod}" podUID="{u}"')

    def ufw(rng, i):
        src, dst = pubip(rng), ip(rng, "10.20")
        mac = ":".join(hexid(rng, 2) for _ in range(12)) + ":08:00"
        if rng.random() < 0.7:
            body = (f"PROTO=TCP SPT={rng.randint(1024, 65535)} DPT={pick(rng, [22, 23, 3389, 5432, 6379, 8080])} WINDOW={pick(rng, [1024, 29200, 64240, 65535])} "
                    f"RES=0x00 SYN URGP=0")
            df = pick(rng, ["DF ", ""])
        else:
            body = f"PROTO=UDP SPT={rng.randint(1024, 65535)} DPT={pick(rng, [53, 123, 161, 1900, 5060])} LEN={rng.randint(20, 200)}"
            df = ""
        return "warning", (pick(rng, HOSTS[:3]), "kernel", None,
                           f"[UFW BLOCK] IN=eth0 OUT= MAC={mac} SRC={src} DST={dst} LEN={rng.randint(40, 400)} TOS=0x00 PREC=0x00 "
                           f"TTL={rng.randint(30, 250)} ID={rng.randint(1, 65535)} {df}{body}")

    def dhcp(rng, i):
        return "warning", (pick(rng, HOSTS), "systemd-networkd", rng.randint(300, 900), "eth0: Could not set DHCPv4 address: Connection timed out")

    def nvme(rng, i):
        return "warning", ("db-01", "kernel", None, f"nvme nvme0: I/O {rng.randint(1, 1023)} QID {rng.randint(1, 8)} timeout, aborting")

    def sudo(rng, i):
        u = pick(rng, ["deploy", "alice", "bob", "ci-runner"])
        return "warning", (pick(rng, HOSTS), "sudo", rng.randint(1000, 99999),
                           f"pam_unix(sudo:auth): authentication failure; logname={u} uid={rng.randint(1000, 1010)} euid=0 tty=/dev/pts/{rng.randint(0, 4)} ruser={u} rhost=  user={u}")

    evs = [
        Event("S01g", 40, unit_failure, [], ""),
        Event("S07g", 12, oom, [], ""),
        Event("S08", 6, ext4, ["EXT4-fs error"], "filesystem corruption"),
        Event("S09", 25, syn, ["SYN flooding"], "port is a parameter"),
        Event("S10", 20, conntrack, ["conntrack", "table full"], "constant"),
        Event("S11", 45, kex, ["kex_exchange_identification"], "constant"),
        Event("S12g", 40, invalid_user, [], ""),
        Event("S14", 10, suppressed, ["Suppressed", "messages"], "unit is a parameter"),
        Event("S15", 6, docker, ["port is already allocated"], "dockerd's own logfmt inside the journal line"),
        Event("S16", 20, kubelet, ["Error syncing pod", "CrashLoopBackOff"], "klog inside the journal line"),
        Event("S17", 120, ufw, ["UFW BLOCK"], "TCP lines carry WINDOW/RES/SYN and maybe DF; UDP lines do not"),
        Event("S18", 5, dhcp, ["DHCPv4"], ""),
        Event("S19", 8, nvme, ["nvme", "timeout"], ""),
        Event("S20", 12, sudo, ["authentication failure", "sudo"], "the user in logname/ruser/user is a parameter"),
    ]
    aux = [Aux("S01", ["Main process exited"], "unit is a parameter", UNIT_J),
           Aux("S02", ["Failed with result", "exit-code"], "unit is a parameter",
               "'exit-code' (S02) and 'oom-kill' (S03) are two events; the unit is a parameter"),
           Aux("S03", ["Failed with result", "oom-kill"], "unit is a parameter",
               "'exit-code' (S02) and 'oom-kill' (S03) are two events; the unit is a parameter"),
           Aux("S04", ["Failed to start"], "unit and its description (2-9 words) are parameters",
               "the unit is a parameter: one issue for every unit that fails to start"),
           Aux("S05", ["Scheduled restart job"], "unit and counter are parameters", UNIT_J),
           Aux("S06", ["OOM killer"], "unit is a parameter", UNIT_J),
           Aux("S07", ["Out of memory", "Killed process"], "process name is a parameter", "the process name is a parameter; one issue per program is defensible too"),
           Aux("S12", ["Invalid user"], "user, address and port are parameters"),
           Aux("S13", ["Connection closed by invalid user"], ""),
           Aux("S22", ["Start request repeated too quickly"], "unit is a parameter", UNIT_J)]

    def render(ts, sev, payload):
        host, ident, pid, msg = payload
        who = f"{ident}[{pid}]" if pid is not None else ident
        msg = msg.replace("@@KLOG@@", ts.strftime("%m%d %H:%M:%S.") + f"{ts.microsecond:06d}").replace(
            "@@DTS@@", ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond:06d}{ts.microsecond % 997:03d}Z")
        return [f"{ts:%b} {ts.day:2d} {ts:%H:%M:%S} {host} {who}: {msg}"]

    return dict(name="journald", fmt="text", ext="log", level_in_text=False,
                log_format=r"<Month> <Day> <Time> <Host> <Component>(\[<Pid>\])?: <Content>",
                render=render, events=evs, aux=aux, alt_merge=[["S02", "S03"]])


# ==============================================================================================
# 4. HAProxy 2.8 via syslog: httplog lines (dontlog-normal: errors only) + server state lines
# ==============================================================================================
METHOD_J = "the HTTP method (and path, backend, server) is a parameter; the tool's docs keep a quoted request line's method apart"


def haproxy_kind():
    BACKENDS = {"be_api": ["api-01", "api-02", "api-03", "api-04"], "be_static": ["static-01", "static-02"],
                "be_auth": ["auth-01", "auth-02"]}
    PATHS = {"be_api": ["/v1/orders", "/v1/orders/{n}", "/v1/cart/{n}/items", "/v1/checkout", "/v1/search?q=shoes&page={n}"],
             "be_static": ["/assets/app-{h}.js", "/img/products/{n}.webp"], "be_auth": ["/oauth/token", "/v1/sessions"]}

    def accept(rng):
        return "@@ACC@@"

    def path(rng, be):
        return pick(rng, PATHS[be]).replace("{n}", str(rng.randint(1, 99999))).replace("{h}", hexid(rng, 8))

    def httplog(status, flags, srv_mode, timers, bytes_fn=None, req=None, methods=("GET", "POST")):
        def make(rng, i):
            be = pick(rng, list(BACKENDS))
            if srv_mode == "srv":
                bs = f"{be}/{pick(rng, BACKENDS[be])}"
            elif srv_mode == "nosrv":
                bs = f"{be}/<NOSRV>"
            else:
                bs = "fe_https/<NOSRV>"
            fe = "fe_https~" if rng.random() < 0.85 else "fe_http"
            if srv_mode == "fe":
                bs = fe.rstrip("~") + "/<NOSRV>"
            meth = pick(rng, methods)
            r = req(rng) if req else f'"{meth} {path(rng, be)} HTTP/1.1"'
            nb = bytes_fn(rng) if bytes_fn else rng.randint(150, 260)
            ac = rng.randint(50, 900)
            line = (f"{pubip(rng)}:{rng.randint(1024, 65535)} [{accept(rng)}] {fe} {bs} {timers(rng)} {status} {nb} - - {flags} "
                    f"{ac}/{ac - rng.randint(0, 40)}/{rng.randint(0, 60)}/{rng.randint(0, 20)}/{rng.randint(0, 3)} {rng.randint(0, 5)}/{rng.randint(0, 30)} {r}")
            return ("info", line) if req else ("info", line, meth)
        return make

    def t504(rng):
        return f"0/0/{rng.randint(0, 3)}/-1/{rng.randint(30000, 30050)}"

    def t503(rng):
        return f"0/0/-1/-1/{rng.randint(0, 3)}"

    def tnos(rng):
        return f"0/{rng.randint(0, 3000)}/-1/-1/{rng.randint(0, 3000)}"

    def tbad(rng):
        return f"-1/-1/-1/-1/{rng.randint(0, 5)}"

    def t408(rng):
        return f"-1/-1/-1/-1/{rng.randint(10000, 10010)}"

    def tcd(rng):
        a = rng.randint(1, 900)
        return f"0/0/{rng.randint(0, 3)}/{a}/{a + rng.randint(100, 60000)}"

    def t502(rng):
        return f"0/0/{rng.randint(0, 3)}/-1/{rng.randint(1, 300)}"

    def t429(rng):
        return f"0/-1/-1/-1/{rng.randint(0, 3)}"

    def down(rng, i):
        be = pick(rng, ["be_api", "be_auth"])
        srv = pick(rng, BACKENDS[be])
        left = rng.randint(0, len(BACKENDS[be]) - 1)
        if rng.random() < 0.6:
            why, v = f'Layer4 connection problem, info: "Connection refused", check duration: {rng.randint(0, 2)}ms', "L4"
        else:
            why, v = f"Layer7 timeout, check duration: {rng.randint(2000, 2010)}ms", "L7"
        return [("H09~" + v, "alert", f"Server {be}/{srv} is DOWN, reason: {why}. {left} active and 0 backup servers left. "
                                 f"{rng.randint(0, 40)} sessions active, 0 requeued, 0 remaining in queue."),
                ("H10", "notice", f"Server {be}/{srv} is UP, reason: Layer7 check passed, code: 200, check duration: {rng.randint(1, 9)}ms. "
                                  f"{left + 1} active and 0 backup servers online. 0 sessions requeued, 0 total in queue.")]

    def hc(rng, i):
        be = pick(rng, ["be_api", "be_auth"])
        s = rng.randint(0, 2)
        st = f"{s}/2 DOWN" if s == 0 else f"{s}/3 UP"
        return "warning", (f"Health check for server {be}/{pick(rng, BACKENDS[be])} failed, reason: Layer7 wrong status, code: 503, "
                           f'info: "Service Unavailable", check duration: {rng.randint(1, 30)}ms, status: {st}.')

    def noserver(rng, i):
        return "emerg", f"backend {pick(rng, ['be_api', 'be_auth'])} has no server available!"

    def ssl(rng, i):
        return "info", f"{pubip(rng)}:{rng.randint(1024, 65535)} [{accept(rng)}] fe_https/1: SSL handshake failure"

    def logger(rng, i):
        return "warning", "sendmsg()/writev() failed in logger #1: Resource temporarily unavailable (errno=11)"

    def badreq(rng):
        return '"<BADREQ>"'

    evs = [
        Event("H01", 120, httplog(504, "sH--", "srv", t504), ["504", "sH--"], "server timeout before response headers", METHOD_J),
        Event("H02", 60, httplog(503, "SC--", "srv", t503), ["503", "SC--"], "server refused the connection", METHOD_J),
        Event("H03", 45, httplog(503, "SC--", "nosrv", tnos), ["503", "NOSRV"], "no server available in the backend (queue timeout)",
              METHOD_J + "; <NOSRV> (whole backend down) taken as another event than one server refusing (H02)"),
        Event("H04", 40, httplog(400, "PR--", "fe", tbad, req=badreq), ["400", "BADREQ"], "malformed request"),
        Event("H05", 90, httplog(200, "CD--", "srv", tcd, bytes_fn=lambda r: r.randint(1000, 900000)), ["CD--"], "client aborted during data transfer", METHOD_J),
        Event("H06", 50, httplog(408, "cR--", "fe", t408, req=badreq), ["408", "cR--"], "client timeout while sending the request"),
        Event("H07", 30, httplog(502, "SH--", "srv", t502), ["502", "SH--"], "server aborted before sending headers", METHOD_J),
        Event("H08", 60, httplog(429, "PR--", "fe", t429, bytes_fn=lambda r: r.randint(150, 200)), ["429"], "rate-limited by http-request deny", METHOD_J),
        Event("H09g", 12, down, [], ""),
        Event("H11", 40, hc, ["Health check", "failed"], "status n/m UP|DOWN is a parameter"),
        Event("H12", 6, noserver, ["has no server available"], "backend is a parameter"),
        Event("H13", 80, ssl, ["SSL handshake failure"], "client address is a parameter"),
        Event("H14", 5, logger, ["sendmsg()/writev() failed"], "constant"),
    ]
    aux = [Aux("H09", ["is DOWN"], "the reason (L4 refused / L7 timeout) is a parameter",
               "the check's reason (Layer4 connection problem vs Layer7 timeout) taken as a parameter of one DOWN event"),
           Aux("H10", ["is UP"], "server back")]

    def render(ts, sev, msg):
        msg = msg.replace("@@ACC@@", ts.strftime("%d/%b/%Y:%H:%M:%S.") + f"{ts.microsecond // 1000:03d}")
        return [f"{ts:%b} {ts.day:2d} {ts:%H:%M:%S} lb-0{1 + (ts.microsecond % 2)} haproxy[2345]: {msg}"]

    return dict(name="haproxy", fmt="text", ext="log", level_in_text=False,
                log_format=r"<Month> <Day> <Time> <Host> <Component>\[<Pid>\]: <Content>",
                render=render, events=evs, aux=aux, alt_merge=[["H02", "H03"]])


# ==============================================================================================
# 5. Istio / Envoy sidecar access log (Istio's default TEXT format)
# ==============================================================================================
def envoy_kind():
    SVCS = [("cart", 8080, ["/api/v1/cart/{n}", "/api/v1/cart/{n}/items"]),
            ("payments", 8443, ["/v2/payments", "/v2/payments/{u}/capture"]),
            ("catalog", 8080, ["/api/v1/products/{n}", "/api/v1/products?category=shoes&page={n}"]),
            ("inventory", 9090, ["/shop.inventory.v1.Inventory/Reserve", "/shop.inventory.v1.Inventory/Release"])]
    UAS = ["okhttp/4.12.0", "Go-http-client/1.1", "grpc-go/1.59.0", "python-requests/2.31.0",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148"]

    def line(code, flags, details, term, utfr, upstream_host=True, proto=None, sent=None, dur=None, up_time=None, method=None):
        def make(rng, i):
            svc, port, paths = pick(rng, SVCS)
            grpc = svc == "inventory"
            p = pick(rng, paths).replace("{n}", str(rng.randint(1, 99999))).replace("{u}", uuid(rng))
            m = "POST" if grpc else (method(rng) if method else pick(rng, ["GET", "GET", "POST", "PUT", "DELETE"]))
            pr = proto or ("HTTP/2" if grpc else pick(rng, ["HTTP/1.1", "HTTP/2"]))
            fqdn = f"{svc}.shop.svc.cluster.local"
            uh = f'"{ip(rng, "10.4")}:{port}"' if upstream_host else '"-"'
            d = dur(rng) if dur else rng.randint(0, 40)
            ut = up_time(rng) if up_time else "-"
            s = sent(rng) if sent else rng.randint(19, 120)
            xff = pick(rng, ['"-"', f'"{pubip(rng)}"'])
            local = f"{ip(rng, '10.4')}:{rng.randint(32768, 60999)}" if upstream_host else "-"
            return "info", (f'"{m} {p} {pr}" {code} {flags} {details} {term} "{utfr}" {rng.randint(0, 4000)} {s} {d} {ut} {xff} '
                            f'"{"grpc-go/1.59.0" if grpc else pick(rng, UAS)}" "{uuid(rng)}" "{fqdn}:{port}" {uh} outbound|{port}||{fqdn} {local} '
                            f"{ip(rng, '10.96')}:{port} {ip(rng, '10.4')}:{rng.randint(32768, 60999)} - default"), m
        return make

    def tcp(rng, i):
        port = pick(rng, [5432, 6379])
        fqdn = "pg-main.db.svc.cluster.local" if port == 5432 else "redis.cache.svc.cluster.local"
        return "info", (f'"- - -" 0 UF,URX - - "delayed_connect_error:_Connection_refused" 0 0 {rng.randint(1, 3000)} - "-" "-" "-" "-" '
                        f'"{ip(rng, "10.4")}:{port}" outbound|{port}||{fqdn} - {ip(rng, "10.96")}:{port} {ip(rng, "10.4")}:{rng.randint(32768, 60999)} - -')

    evs = [
        Event("E01", 110, line(503, "UF", "upstream_reset_before_response_started{connection_failure}", "-",
                               "delayed_connect_error:_Connection_refused"),
              ["503", "UF"], "connect failure to the upstream; service, path and method are parameters",
              METHOD_J),
        Event("E02", 70, line(503, "UH", "no_healthy_upstream", "-", "-", upstream_host=False), ["503", "no_healthy_upstream"],
              "no healthy upstream", METHOD_J),
        Event("E03", 90, line(504, "UT", "response_timeout", "-", "-", dur=lambda r: r.randint(15000, 15020), up_time=lambda r: "-"),
              ["504", "response_timeout"], "route timeout", METHOD_J),
        Event("E04", 60, line(503, "UC", "upstream_reset_before_response_started{connection_termination}", "-", "-"),
              ["503", "UC"], "upstream closed a kept-alive connection", METHOD_J),
        Event("E05", 50, line(0, "DC", "downstream_remote_disconnect", "-", "-", sent=lambda r: 0), ["DC", "downstream_remote_disconnect"],
              "client went away", METHOD_J),
        Event("E06", 40, line(404, "NR", "route_not_found", "-", "-", upstream_host=False), ["404", "route_not_found"], "no route", METHOD_J),
        Event("E07", 30, line(403, "UAEX", "ext_authz_denied", "-", "-", upstream_host=False), ["403", "ext_authz_denied"], "ext-authz denied", METHOD_J),
        Event("E08", 60, line(429, "RL", "request_rate_limited", "-", "-", upstream_host=False), ["429", "rate_limited"], "local rate limit", METHOD_J),
        Event("E09", 25, line(503, "UO", "upstream_reset_before_response_started{overflow}", "-", "-", upstream_host=False),
              ["503", "UO"], "circuit breaker overflow", METHOD_J),
        Event("E10", 20, line(502, "UPE", "upstream_reset_before_response_started{protocol_error}", "-", "-"), ["502", "protocol_error"],
              "upstream protocol error", METHOD_J),
        Event("E11", 120, line(500, "-", "via_upstream", "-", "-", up_time=lambda r: str(r.randint(1, 900))), ["500", "via_upstream"],
              "the application answered 500",
              METHOD_J + "; the upstream service is a parameter: one issue for 500s from any service"),
        Event("E12", 25, tcp, ["UF,URX", "delayed_connect_error"], "TCP (database) connect failures"),
    ]

    def render(ts, sev, msg):
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}Z"
        return [f"[{t}] {msg}"]

    return dict(name="envoy", fmt="text", ext="log", level_in_text=False,
                log_format=r"\[<Timestamp>\] <Content>", render=render, events=evs, aux=[])


# ==============================================================================================
# 6. MySQL 8.0 error log
# ==============================================================================================
def mysql_kind():
    USERS_DB = [("app", "shop"), ("reporting", "shop"), ("billing", "billing"), ("app", "sessions")]

    def rec(level, code, sub, msg, extra=()):
        return level, (code, sub, msg, list(extra))

    def resolve(rng, i):
        return rec("Warning", "MY-010055", "Server", f"IP address '{ip(rng, '10.2')}' could not be resolved: Name or service not known")

    def aborted(reason):
        def make(rng, i):
            u, d = pick(rng, USERS_DB)
            return rec("Note", "MY-010914", "Server",
                       f"Aborted connection {rng.randint(1000, 9999999)} to db: '{d}' user: '{u}' host: '{ip(rng, '10.2')}' ({reason}).")
        return make

    def denied(rng, i):
        u = pick(rng, ["report", "root", "app", "grafana", "backup"])
        yn = pick(rng, ['YES', 'YES', 'NO'])
        return rec("Note", "MY-010926", "Server", f"Access denied for user '{u}'@'{ip(rng, '10.2')}' (using password: {yn})") + (yn,)

    def disk_full(rng, i):
        return [("M05", "ERROR", ("MY-012592", "InnoDB", "Operating system error number 28 in a file operation.", [])),
                ("M05b", "ERROR", ("MY-012596", "InnoDB", "Error number 28 means 'No space left on device'", [])),
                ("M05c", "ERROR", ("MY-012646", "InnoDB", f"File ./shop/{pick(rng, ['orders', 'order_lines', 'events'])}.ibd: 'write' returned OS error 128. Cannot continue operation", []))]

    def semaphore(rng, i):
        th = rng.randint(139000000000000, 140999999999999)
        secs = rng.randint(241, 900)
        return rec("Warning", "MY-012985", "InnoDB", "A long semaphore wait:", [
            f"--Thread {th} has waited at buf0flu.cc line {pick(rng, [1424, 1893])} for {secs} seconds the semaphore:",
            f"SX-lock on RW-latch at 0x7f{hexid(rng, 10)} created in file buf0buf.cc line 789",
            "a writer (thread id 139872435631872) has reserved it in mode  SX",
            "number of readers 0, waiters flag 1, lock_word: 10000000",
            f"Last time write locked in file /build/mysql-8.0.39/storage/innobase/buf/buf0flu.cc line {rng.randint(1200, 1900)}"])

    SQLS = ["UPDATE orders SET status='paid', paid_at=NOW() WHERE id={n}",
            "UPDATE inventory SET reserved = reserved + {q} WHERE sku='{s}' AND warehouse_id={w}",
            "DELETE FROM cart_items WHERE cart_id={n} AND product_id IN ({n}, {n})"]

    def sql(rng):
        return pick(rng, SQLS).replace("{n}", str(rng.randint(1000, 999999))).replace("{q}", str(rng.randint(1, 9))).replace(
            "{s}", "SKU-" + alnum(rng, 6)).replace("{w}", str(rng.randint(1, 4)))

    def deadlock(rng, i):
        def txn():
            t = rng.randint(10 ** 6, 10 ** 8)
            st = sql(rng)
            shape[0] = st.split()[0] + "_" + st.split()[1 if st.startswith("UPDATE") else 2]
            return [f"TRANSACTION {t}, ACTIVE {rng.randint(0, 3)} sec starting index read",
                    "mysql tables in use 1, locked 1", f"LOCK WAIT {rng.randint(2, 5)} lock struct(s), heap size 1128, {rng.randint(1, 4)} row lock(s)",
                    f"MySQL thread id {rng.randint(1000, 99999)}, OS thread handle {rng.randint(139000000000000, 140999999999999)}, query id {rng.randint(10 ** 5, 10 ** 8)} {ip(rng, '10.2')} app updating",
                    st, ""]

        def lock(mode):
            tbl = pick(rng, ["orders", "inventory", "cart_items"])
            return [f"RECORD LOCKS space id {rng.randint(2, 400)} page no {rng.randint(4, 9000)} n bits {pick(rng, [72, 144, 240])} index PRIMARY of table `shop`.`{tbl}` "
                    f"trx id {rng.randint(10 ** 6, 10 ** 8)} lock_mode X{mode}",
                    f"Record lock, heap no {rng.randint(2, 90)} PHYSICAL RECORD: n_fields {rng.randint(5, 12)}; compact format; info bits 0",
                    f" 0: len 8; hex 80000000{hexid(rng, 8)}; asc         ;;", ""]
        shape = [""]
        recs = [("M07", "Note", ("MY-012468", "InnoDB", "Transactions deadlock detected, dumping detailed information. (lock0lock.cc:6482)", []))]
        for k in (1, 2):
            t = txn()
            recs += [("M07t~" + shape[0], "Note", ("MY-012469", "InnoDB", f"*** ({k}) TRANSACTION:", t)),
                     ("M07h", "Note", ("MY-012469", "InnoDB", f"*** ({k}) HOLDS THE LOCK(S):", lock(" locks rec but not gap"))),
                     ("M07w", "Note", ("MY-012469", "InnoDB", f"*** ({k}) WAITING FOR THIS LOCK TO BE GRANTED:", lock(" locks rec but not gap waiting")))]
        recs.append(("M07r", "Note", ("MY-012469", "InnoDB", "*** WE ROLL BACK TRANSACTION (2)", [])))
        return recs

    def repl_dup(rng, i):
        n, pos = rng.randint(1, 999999), rng.randint(1000, 99999999)
        f = f"mysql-bin.{rng.randint(100, 999):06d}"
        return rec("ERROR", "MY-010584", "Repl",
                   f"Replica SQL for channel '': Worker 1 failed executing transaction 'ANONYMOUS' at source log {f}, end_log_pos {pos}; "
                   f"Could not execute Write_rows event on table shop.orders; Duplicate entry '{n}' for key 'orders.PRIMARY', Error_code: 1062; "
                   f"handler error HA_ERR_FOUND_DUPP_KEY; the event's source log {f}, end_log_pos {pos}, Error_code: MY-001062")

    def repl_io(rng, i):
        a = rng.randint(1, 86400)
        return rec("ERROR", "MY-010584", "Repl",
                   f"Replica I/O for channel '': Error connecting to source 'repl@10.2.0.5:3306'. This was attempt {a}/86400, with a delay of 60 seconds "
                   f"between attempts. Message: Can't connect to MySQL server on '10.2.0.5:3306' (111), Error_code: MY-002003")

    def native(rng, i):
        return rec("Warning", "MY-013360", "Server",
                   "Plugin mysql_native_password reported: ''mysql_native_password' is deprecated and will be removed in a future release. Please use caching_sha2_password instead'")

    def table_full(rng, i):
        return rec("ERROR", "MY-013132", "Server", f"The table '{pick(rng, ['tmp_report_2025_09', '#sql-3f2_1a9', 'orders_archive'])}' is full!")

    def forcing(rng, i):
        return rec("Warning", "MY-010909", "Server", f"/usr/sbin/mysqld: Forcing close of thread {rng.randint(10, 99999)}  user: '{pick(rng, USERS_DB)[0]}'.")

    def pidfile(rng, i):
        return rec("Warning", "MY-011810", "Server",
                   "Insecure configuration for --pid-file: Location '/var/run/mysqld' in the path is accessible to all OS users. Consider choosing a different directory.")

    def ca(rng, i):
        return rec("Warning", "MY-010068", "Server", "CA certificate ca.pem is self signed.")

    def lock(rng, i):
        return rec("ERROR", "MY-012574", "InnoDB", "Unable to lock ./ibdata1 error: 11")

    def lock_wait(rng, i):
        return rec("Warning", "MY-013717", "InnoDB",
                   f"Lock wait timeout exceeded; try restarting transaction (thread {rng.randint(10, 99999)}, table `shop`.`{pick(rng, ['orders', 'inventory'])}`, waited {rng.randint(50, 52)} s)")

    evs = [
        Event("M01", 60, resolve, ["could not be resolved"], "address is a parameter"),
        Event("M02", 90, aborted("Got an error reading communication packets"), ["Aborted connection", "error reading"],
              "client vanished", "the reason in parentheses is part of the event (M02 vs M03)"),
        Event("M03", 45, aborted("Got timeout reading communication packets"), ["Aborted connection", "timeout reading"],
              "idle client timed out", "the reason in parentheses is part of the event (M02 vs M03)"),
        Event("M04", 50, denied, ["Access denied"], "user, host and YES/NO are parameters", "(using password: YES|NO) taken as a parameter"),
        Event("M05g", 5, disk_full, [], ""),
        Event("M06", 8, semaphore, ["semaphore wait"], "multi-line InnoDB diagnostic"),
        Event("M07g", 12, deadlock, [], ""),
        Event("M08", 10, repl_dup, ["Duplicate entry", "Replica SQL"], "replication stopped on a duplicate key"),
        Event("M09", 30, repl_io, ["Error connecting to source"], "attempt counter is a parameter"),
        Event("M10", 110, native, ["mysql_native_password", "deprecated"], "logged on every login with the old plugin"),
        Event("M11", 8, table_full, ["is full"], "table name is a parameter"),
        Event("M12", 12, forcing, ["Forcing close of thread"], "shutdown"),
        Event("M13", 2, pidfile, ["pid-file"], "startup"),
        Event("M14", 2, ca, ["self signed"], "startup"),
        Event("M15", 3, lock, ["Unable to lock", "ibdata1"], "second instance on the same datadir"),
        Event("M16", 25, lock_wait, ["Lock wait timeout"], "table is a parameter"),
    ]
    aux = [Aux("M05", ["Operating system error number 28"], ""),
           Aux("M05b", ["No space left on device"], ""),
           Aux("M05c", ["returned OS error"], "file is a parameter"),
           Aux("M07", ["deadlock detected"], ""),
           Aux("M07t", ["TRANSACTION"], "dump of one transaction, (1) or (2): the SQL statement (3 shapes) is a parameter",
               "one event for both transactions' dumps, whatever SQL they ran"),
           Aux("M07h", ["HOLDS THE LOCK"], "(1) or (2), table and page are parameters"),
           Aux("M07w", ["WAITING FOR THIS LOCK"], "(1) or (2), table and page are parameters"),
           Aux("M07r", ["WE ROLL BACK TRANSACTION"], "")]

    def render(ts, sev, payload):
        code, sub, msg, extra = payload
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond:06d}Z"
        thread = {"InnoDB": 0, "Repl": 14}.get(sub, ts.second * 97 + ts.minute * 13 + 8)
        return [f"{t} {thread} [{sev}] [{code}] [{sub}] {msg}"] + extra

    return dict(name="mysql", fmt="text", ext="log", level_in_text=True,
                log_format=r"<Timestamp> <Thread> \[<Level>\] \[<ErrCode>\] \[<Subsystem>\] <Content>",
                render=render, events=evs, aux=aux, alt_merge=[["M02", "M03"]])


# ==============================================================================================
# 7. MongoDB 7.0 structured log (JSON lines)
# ==============================================================================================
def mongo_kind():
    NS = ["shop.orders", "shop.carts", "shop.events", "analytics.sessions"]

    def conn(rng):
        return f"conn{rng.randint(100, 99999)}"

    def remote(rng):
        return f"{ip(rng, '10.4')}:{rng.randint(32768, 60999)}"

    def slow(rng, i):
        ns = pick(rng, NS)
        coll = ns.split(".")[1]
        plan = pick(rng, ["COLLSCAN", "IXSCAN { customerId: 1 }", "IXSCAN { createdAt: -1 }"])
        ms = rng.randint(100, 30000)
        attr = {"type": "command", "ns": ns, "appName": pick(rng, ["shop-api", "reporting-worker"]),
                "command": {"find": coll, "filter": {"customerId": rng.randint(1, 99999), "status": pick(rng, ["open", "paid"])},
                            "sort": {"createdAt": -1}, "limit": 50, "lsid": {"id": {"$uuid": uuid(rng)}}, "$db": ns.split(".")[0]},
                "planSummary": plan, "keysExamined": rng.randint(0, 10 ** 5), "docsExamined": rng.randint(0, 10 ** 6),
                "nreturned": rng.randint(0, 50), "queryHash": alnum(rng, 8, "0123456789ABCDEF"), "reslen": rng.randint(100, 90000),
                "locks": {"Global": {"acquireCount": {"r": 1}}}, "protocol": "op_msg", "durationMillis": ms}
        return "I", ("COMMAND", 51803, conn(rng), "Slow query", attr), plan.split()[0]

    def hb(rng, i):
        tgt = pick(rng, ["mongo-1.mongo.db.svc:27017", "mongo-2.mongo.db.svc:27017"])
        return "I", ("REPL_HB", 23974, "ReplCoord-1", "Heartbeat failed after max retries",
                     {"target": tgt, "maxHeartbeatRetries": 2,
                      "error": {"code": 6, "codeName": "HostUnreachable", "errmsg": f"Error connecting to {tgt} ({ip(rng, '10.4')}:27017) :: caused by :: Connection refused"}})

    def plan_err(code, name, errmsg):
        def make(rng, i):
            return "W", ("QUERY", 23798, conn(rng), "Plan executor error during find command",
                         {"error": {"code": code, "codeName": name, "errmsg": errmsg(rng)},
                          "stats": {"stage": "SORT", "nReturned": 0, "works": rng.randint(10, 10 ** 6)},
                          "cmd": {"find": "orders", "filter": {"tenant": pick(rng, TENANTS)}, "sort": {"total": -1}}})
        return make

    def recv(rng, i):
        return "W", ("NETWORK", 22988, conn(rng), "Error receiving request from client. Ending connection from remote",
                     {"error": {"code": 141, "codeName": "SSLHandshakeFailed", "errmsg": "SSL peer certificate validation failed: self signed certificate"},
                      "remote": remote(rng), "connectionId": rng.randint(100, 99999)})

    def auth(rng, i):
        u = pick(rng, ["shop-api", "reporting", "admin", "grafana"])
        return "I", ("ACCESS", 20249, conn(rng), "Authentication failed",
                     {"mechanism": "SCRAM-SHA-256", "speculative": pick(rng, [True, False]), "principalName": u, "authenticationDatabase": "admin",
                      "remote": remote(rng), "extraInfo": {}, "error": "AuthenticationFailed: SCRAM authentication failed, storedKey mismatch"})

    def unauth(rng, i):
        return "I", ("ACCESS", 20436, conn(rng), "Checking authorization failed",
                     {"error": {"code": 13, "codeName": "Unauthorized", "errmsg": f"not authorized on {pick(rng, ['shop', 'analytics'])} to execute command {{ {pick(rng, ['find', 'aggregate', 'update'])}: \"{pick(rng, ['orders', 'sessions'])}\" }}"}})

    def interrupted(rng, i):
        return "I", ("-", 20883, conn(rng), "Interrupted operation as its client disconnected", {"opId": rng.randint(10 ** 5, 10 ** 8)})

    def keycache(rng, i):
        return "W", ("CONTROL", 4939300, "monitoring-keys-for-HMAC", "Failed to refresh key cache",
                     {"error": "ReadConcernMajorityNotAvailableYet: Read concern majority reads are currently not possible.", "nextWakeupMillis": rng.choice([200, 400, 800, 1600])})

    def wt_error(rng, i):
        f = f"collection-{rng.randint(10, 90)}--{rng.randint(10 ** 17, 10 ** 18)}.wt"
        return "E", ("WT", 22435, "thread" + str(rng.randint(10, 99)), "WiredTiger error message",
                     {"error": 13, "message": {"ts_sec": 1757782800 + rng.randint(0, 7000), "ts_usec": rng.randint(0, 999999), "thread": f"1:0x7f{hexid(rng, 10)}",
                                               "session_name": "WT_SESSION.open_cursor", "category": "WT_VERB_DEFAULT", "category_id": 9,
                                               "verbose_level": "ERROR", "verbose_level_id": -3,
                                               "msg": f"__posix_open_file:808:/data/db/{f}: handle-open: open", "error_str": "Permission denied", "error_code": 13}})

    def storage_stats(rng, i):
        return "W", ("COMMAND", 20525, conn(rng), "Failed to gather storage statistics for slow operation",
                     {"opId": rng.randint(10 ** 5, 10 ** 8), "error": "lock acquire timeout"})

    def access_ctl(rng, i):
        return "W", ("CONTROL", 22120, "initandlisten", "Access control is not enabled for the database. Read and write access to data and configuration is unrestricted",
                     {}) + ({"tags": ["startupWarnings"]},)

    def conn_accepted(rng, i):
        return "I", ("NETWORK", 22943, "listener", "Connection accepted",
                     {"remote": remote(rng), "uuid": {"uuid": {"$uuid": uuid(rng)}}, "connectionId": rng.randint(100, 99999), "connectionCount": rng.randint(10, 900)})

    def too_many(rng, i):
        return "I", ("NETWORK", 22942, "listener", "Connection refused because there are too many open connections",
                     {"remote": remote(rng), "connectionCount": 819})

    def election(rng, i):
        return "I", ("ELECTION", 21450, "ReplCoord-0", "Election succeeded, assuming primary role", {"term": rng.randint(10, 40)})

    def stepdown(rng, i):
        return "I", ("REPL", 21358, "ReplCoord-0", "Replica set state transition",
                     {"newState": "SECONDARY", "oldState": "PRIMARY"})

    def txn_abort(rng, i):
        return "I", ("TXN", 51802, conn(rng), "transaction",
                     {"parameters": {"lsid": {"id": {"$uuid": uuid(rng)}}, "txnNumber": rng.randint(1, 900), "autocommit": False},
                      "readTimestamp": "Timestamp(0, 0)", "terminationCause": "aborted", "timeActiveMicros": rng.randint(100, 90000),
                      "timeInactiveMicros": rng.randint(100, 90000), "numYields": 0, "locks": {}, "storage": {}, "wasPrepared": False,
                      "durationMillis": rng.randint(100, 900)})

    evs = [
        Event("D01", 200, slow, ["Slow query"], "collection and plan are parameters",
              "one event for every slow query, whatever the namespace and plan (COLLSCAN vs IXSCAN)"),
        Event("D02", 35, hb, ["Heartbeat failed"], "peer is a parameter"),
        Event("D03", 30, plan_err(292, "QueryExceededMemoryLimitNoDiskUseAllowed",
                                  lambda r: "Executor error during find command :: caused by :: Sort exceeded memory limit of 104857600 bytes, but did not opt in to external sorting."),
              ["Plan executor error", "memory limit"], "sort over the memory limit; same msg as D04, the error (attr.error.codeName) differs"),
        Event("D04", 25, plan_err(50, "MaxTimeMSExpired", lambda r: "operation exceeded time limit"),
              ["Plan executor error", "MaxTimeMSExpired"], "maxTimeMS expired; same msg as D03, the error (attr.error.codeName) differs"),
        Event("D05", 40, recv, ["Error receiving request", "SSLHandshakeFailed"], "TLS clients with a self-signed cert"),
        Event("D06", 45, auth, ["Authentication failed"], "principal is a parameter"),
        Event("D07", 20, unauth, ["authorization failed"], "command and database are parameters"),
        Event("D08", 60, interrupted, ["client disconnected"], ""),
        Event("D09", 30, keycache, ["Failed to refresh key cache"], ""),
        Event("D10", 6, wt_error, ["WiredTiger error", "Permission denied"], "structured WiredTiger error"),
        Event("D11", 15, storage_stats, ["storage statistics"], ""),
        Event("D12", 2, access_ctl, ["Access control is not enabled"], "startup warning"),
        Event("D13", 80, conn_accepted, ["Connection accepted"], "info noise"),
        Event("D14", 20, too_many, ["too many open connections"], ""),
        Event("D15", 3, election, ["Election succeeded"], ""),
        Event("D16", 3, stepdown, ["state transition"], "PRIMARY to SECONDARY"),
        Event("D17", 20, txn_abort, ["transaction"], "slow aborted transaction (msg is just 'transaction')"),
    ]

    def render(ts, sev, payload):
        comp, mid, ctx, msg, attr = payload[:5]
        t = ts.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ts.microsecond // 1000:03d}+00:00"
        d = {"t": {"$date": t}, "s": sev, "c": comp, "id": mid, "ctx": ctx, "msg": msg}
        if attr:
            d["attr"] = attr
        if len(payload) > 5:
            d.update(payload[5])
        return d

    return dict(name="mongodb", fmt="jsonl", ext="json", level_in_text=True, log_format="", render=render, events=evs, aux=[],
                json_compact=True)


# ==============================================================================================
# 8. Elasticsearch 7.17 / OpenSearch text log (log4j2 pattern with padded level and logger)
# ==============================================================================================
def elastic_kind():
    NODES = ["es-data-1", "es-data-2", "es-data-3", "es-master-1", "es-coord-1"]

    def idx(rng):
        return f"logs-2025.09.{rng.randint(6, 13):02d}"

    def nid(rng):
        return alnum(rng, 22, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")

    def watermark(kind, pct, tail):
        def make(rng, i):
            n = pick(rng, NODES[:3])
            free = rng.uniform(5, 80)
            return "WARN", ("o.e.c.r.a.DiskThresholdMonitor", pick(rng, ["es-master-1"]),
                            [f"{kind} disk watermark [{pct}] exceeded on [{nid(rng)}][{n}][/var/lib/elasticsearch/nodes/0] free: {free:.1f}gb[{free / 4:.1f}%], {tail}"])
        return make

    def gc_overhead(rng, i):
        return "WARN", ("o.e.m.j.JvmGcMonitorService", pick(rng, NODES),
                        [f"[gc][{rng.randint(1000, 999999)}] overhead, spent [{rng.uniform(1, 9):.1f}s] collecting in the last [{rng.uniform(1, 10):.1f}s]"])

    def gc_old(rng, i):
        g = pick(rng, ["young", "old"])
        return "WARN", ("o.e.m.j.JvmGcMonitorService", pick(rng, NODES), [
            f"[gc][{g}][{rng.randint(1000, 999999)}][{rng.randint(10, 9999)}] duration [{rng.uniform(1, 20):.1f}s], collections [1]/[{rng.uniform(1, 20):.1f}s], "
            f"total [{rng.uniform(1, 20):.1f}s]/[{rng.uniform(1, 9):.1f}h], memory [{rng.uniform(8, 15):.1f}gb]->[{rng.uniform(3, 8):.1f}gb]/[16gb], "
            f"all_pools {{[young] [{rng.randint(100, 900)}mb]->[0b]/[0b]}}{{[old] [{rng.uniform(5, 12):.1f}gb]->[{rng.uniform(3, 8):.1f}gb]/[16gb]}}{{[survivor] [{rng.randint(10, 200)}mb]->[{rng.randint(10, 200)}mb]/[0b]}}"]), g

    def health(rng, i):
        a, b = pick(rng, [("GREEN", "YELLOW"), ("YELLOW", "RED"), ("RED", "YELLOW"), ("YELLOW", "GREEN")])
        reason = pick(rng, [f"shards failed [[{idx(rng)}][{rng.randint(0, 4)}]]", f"shards started [[{idx(rng)}][{rng.randint(0, 4)}]]",
                            f"{{{pick(rng, NODES[:3])}}}{{{nid(rng)}}} reason: disconnected"])
        return "INFO", ("o.e.c.r.a.AllocationService", "es-master-1",
                        [f"Cluster health status changed from [{a}] to [{b}] (reason: [{reason}])."]), f"{a}>{b}"

    def fetch_phase(rng, i):
        n = pick(rng, NODES[:3])
        cid = rng.randint(10 ** 5, 10 ** 7)
        return "WARN", ("o.e.a.s.TransportSearchAction", "es-coord-1", [
            f"[{rng.randint(10 ** 5, 10 ** 7)}] Failed to execute fetch phase",
            f"org.elasticsearch.transport.RemoteTransportException: [{n}][{ip(rng, '10.8')}:9300][indices:data/read/search[phase/fetch/id]]",
            f"Caused by: org.elasticsearch.search.SearchContextMissingException: No search context found for id [{cid}]",
            "\tat org.elasticsearch.search.SearchService.findReaderContext(SearchService.java:1213) ~[elasticsearch-7.17.22.jar:7.17.22]",
            "\tat org.elasticsearch.search.SearchService.executeFetchPhase(SearchService.java:679) ~[elasticsearch-7.17.22.jar:7.17.22]",
            "\tat org.elasticsearch.action.ActionRunnable$2.doRun(ActionRunnable.java:62) ~[elasticsearch-7.17.22.jar:7.17.22]",
            "\tat java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136) [?:?]",
            "\tat java.lang.Thread.run(Thread.java:1583) [?:?]"])

    def engine(rng, i):
        n = pick(rng, NODES[:3])
        return "WARN", ("o.e.i.e.Engine", n, [
            f"[{idx(rng)}][{rng.randint(0, 4)}] failed engine [merge failed]",
            "org.apache.lucene.index.MergePolicy$MergeException: java.io.IOException: No space left on device",
            "\tat org.elasticsearch.index.engine.InternalEngine$EngineMergeScheduler$2.doRun(InternalEngine.java:2553) ~[elasticsearch-7.17.22.jar:7.17.22]",
            "\tat org.elasticsearch.common.util.concurrent.AbstractRunnable.run(AbstractRunnable.java:26) ~[elasticsearch-7.17.22.jar:7.17.22]",
            "Caused by: java.io.IOException: No space left on device",
            "\tat sun.nio.ch.FileDispatcherImpl.write0(Native Method) ~[?:?]",
            "\tat org.apache.lucene.store.FSDirectory$FSIndexOutput$1.write(FSDirectory.java:416) ~[lucene-core-8.11.3.jar:8.11.3]"])

    def transport(rng, i):
        n = pick(rng, NODES)
        return "WARN", ("o.e.t.TcpTransport", n, [
            f"exception caught on transport layer [Netty4TcpChannel{{localAddress=/{ip(rng, '10.8')}:9300, remoteAddress=/{ip(rng, '10.8')}:{rng.randint(32768, 60999)}, profile=default}}], closing connection",
            "java.io.IOException: Connection reset by peer",
            "\tat sun.nio.ch.SocketDispatcher.read0(Native Method) ~[?:?]",
            "\tat sun.nio.ch.SocketDispatcher.read(SocketDispatcher.java:47) ~[?:?]",
            "\tat io.netty.buffer.PooledByteBuf.setBytes(PooledByteBuf.java:258) ~[netty-buffer-4.1.94.Final.jar:4.1.94.Final]",
            "\tat io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:496) [netty-transport-4.1.94.Final.jar:4.1.94.Final]",
            "\tat java.lang.Thread.run(Thread.java:1583) [?:?]"])

    def no_master(rng, i):
        seen = ", ".join(f"{{{m}}}{{{nid(rng)}}}{{{nid(rng)[:10]}}}{{{ip(rng, '10.8')}}}{{{ip(rng, '10.8')}:9300}}{{m}}" for m in ["es-master-1"])
        return "WARN", ("o.e.c.c.ClusterFormationFailureHelper", "es-master-1", [
            f"master not discovered or elected yet, an election requires at least 2 nodes with ids from [{nid(rng)}, {nid(rng)}, {nid(rng)}], "
            f"have only discovered non-quorum [{seen}]; discovery will continue using [{ip(rng, '10.8')}:9300, {ip(rng, '10.8')}:9300] from hosts providers "
            f"and [{seen}] from last-known cluster state; node term {rng.randint(5, 30)}, last-accepted version {rng.randint(1000, 99999)} in term {rng.randint(5, 30)}"])

    def bulk(rng, i):
        d = alnum(rng, 20, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        field, typ, val = pick(rng, [("status", "long", "ok"), ("http.response.bytes", "long", "-"), ("user.age", "integer", "unknown")])
        return "WARN", ("o.e.a.b.TransportShardBulkAction", pick(rng, NODES[:3]), [
            f"[{idx(rng)}][{rng.randint(0, 4)}] failed to execute bulk item (index) index {{[{idx(rng)}][_doc][{d}], source[n/a, actual length: [{rng.uniform(2, 9):.1f}kb], max length: 2kb]}}",
            f"org.elasticsearch.index.mapper.MapperParsingException: failed to parse field [{field}] of type [{typ}] in document with id '{d}'. Preview of field's value: '{val}'",
            "\tat org.elasticsearch.index.mapper.FieldMapper.parse(FieldMapper.java:197) ~[elasticsearch-7.17.22.jar:7.17.22]",
            "\tat org.elasticsearch.index.mapper.DocumentParser.parseObjectOrField(DocumentParser.java:481) ~[elasticsearch-7.17.22.jar:7.17.22]",
            f'Caused by: java.lang.IllegalArgumentException: For input string: "{val}"',
            "\tat org.elasticsearch.common.xcontent.support.AbstractXContentParser.toLong(AbstractXContentParser.java:195) ~[elasticsearch-x-content-7.17.22.jar:7.17.22]",
            "\tat org.elasticsearch.index.mapper.NumberFieldMapper$NumberType$7.parse(NumberFieldMapper.java:1047) ~[elasticsearch-7.17.22.jar:7.17.22]"]), field

    def g1gc(rng, i):
        return "INFO", ("o.e.i.b.HierarchyCircuitBreakerService", pick(rng, NODES[:3]),
                        [f"attempting to trigger G1GC due to high heap usage [{rng.randint(15 * 10 ** 9, 17 * 10 ** 9)}]"])

    def ilm(rng, i):
        ix = f"logs-2025.08.{rng.randint(10, 14)}"
        return "ERROR", ("o.e.x.i.IndexLifecycleRunner", "es-master-1", [
            f'policy [logs-policy] for index [{ix}] failed on step [{{"phase":"delete","action":"delete","name":"delete"}}]. Moving to ERROR step',
            f"org.elasticsearch.cluster.block.ClusterBlockException: index [{ix}] blocked by: [FORBIDDEN/8/index write (api)];",
            "\tat org.elasticsearch.cluster.block.ClusterBlocks.indicesBlockedException(ClusterBlocks.java:223) ~[elasticsearch-7.17.22.jar:7.17.22]",
            "\tat org.elasticsearch.xpack.core.ilm.DeleteStep.performDuringNoSnapshot(DeleteStep.java:45) ~[?:?]"])

    def slow_state(rng, i):
        return "WARN", ("o.e.c.s.MasterService", "es-master-1", [
            f"took [{rng.uniform(10.1, 59):.1f}s], which is over [10s], to compute cluster state update for [shard-started StartedShardEntry{{shardId [[{idx(rng)}][{rng.randint(0, 4)}]], "
            f"allocationId [{nid(rng)}], primary term [{rng.randint(1, 9)}], message [after peer recovery]}}]"])

    def fs_health(rng, i):
        return "WARN", ("o.e.m.f.FsHealthService", pick(rng, NODES[:3]),
                        [f"health check of [/var/lib/elasticsearch/nodes/0] took [{rng.randint(5001, 60000)}ms] which is above the warn threshold of [5s]"])

    def auth(rng, i):
        return "WARN", ("o.e.x.s.a.RealmsAuthenticator", "es-coord-1",
                        [f"Authentication to realm native1 failed - Password authentication failed for {pick(rng, ['kibana_system', 'logstash_writer', 'beats_user', 'alice'])}"])

    evs = [
        Event("X01", 60, watermark("high", "90%", "shards will be relocated away from this node; currently relocating away shards totalling [0] bytes; "
                                                  "the node is expected to continue to exceed the high disk watermark when these relocations are complete"),
              ["high disk watermark"], "node and free space are parameters"),
        Event("X02", 50, watermark("low", "85%", "replicas will not be assigned to this node"), ["low disk watermark"], ""),
        Event("X03", 10, watermark("flood stage", "95%", "all indices on this node will be marked read-only"), ["flood stage"], ""),
        Event("X04", 60, gc_overhead, ["gc", "overhead"], ""),
        Event("X05", 30, gc_old, ["gc", "duration"], "young or old collection",
              "[young] vs [old] taken as a parameter of one slow-GC event"),
        Event("X06", 12, health, ["Cluster health status changed"], "colours and reason are parameters",
              "the from/to colours are parameters (to RED is worse, but it is one state-change event)"),
        Event("X07", 25, fetch_phase, ["fetch phase", "SearchContextMissingException"], "scroll context expired"),
        Event("X08", 4, engine, ["failed engine", "No space left"], "merge failed on a full disk"),
        Event("X09", 40, transport, ["transport layer", "Connection reset"], "addresses are parameters"),
        Event("X10", 8, no_master, ["master not discovered"], "very long, lists of nodes and addresses"),
        Event("X11", 45, bulk, ["MapperParsingException", "failed to parse field"], "field/type/value are parameters",
              "the field name (3 values) taken as a parameter"),
        Event("X12", 20, g1gc, ["trigger G1GC"], ""),
        Event("X13", 6, ilm, ["ClusterBlockException", "ERROR step"], "ILM delete blocked"),
        Event("X14", 15, slow_state, ["cluster state update"], ""),
        Event("X15", 12, fs_health, ["health check", "warn threshold"], ""),
        Event("X16", 30, auth, ["Authentication to realm", "failed"], "user is a parameter"),
    ]

    def render(ts, sev, payload):
        logger, node, lines = payload
        t = ts.strftime("%Y-%m-%dT%H:%M:%S,") + f"{ts.microsecond // 1000:03d}"
        return [f"[{t}][{sev:<5}][{logger:<25}] [{node}] {lines[0]}"] + lines[1:]

    return dict(name="elasticsearch", fmt="text", ext="log", level_in_text=True,
                log_format=r"\[<Timestamp>\]\[<Level>\s*\]\[<Logger>\s*\] \[<Node>\] <Content>",
                render=render, events=evs, aux=[])


# ==============================================================================================
# 9. RabbitMQ 3.12 (every line of a multi-line message carries the prefix)
# ==============================================================================================
def rabbit_kind():
    USERS_MQ = ["orders-svc", "billing-worker", "notifier", "shop-api"]
    VHOSTS = ["/", "billing", "shop-prod"]

    def pid(rng):
        return f"<0.{rng.randint(300, 60000)}.0>"

    def peer(rng):
        return f"{ip(rng, '10.4')}:{rng.randint(32768, 60999)} -> 10.4.0.5:5672"

    def closing(reason_eid, reason, sev):
        def make(rng, i):
            p = pid(rng)
            return [("Q01", sev, (p, [f"closing AMQP connection {p} ({peer(rng)}, vhost: '{pick(rng, VHOSTS)}', user: '{pick(rng, USERS_MQ)}'):"])),
                    (reason_eid, sev, (p, [reason(rng)]))]
        return make

    def conn_err(reason_eid, reason):
        def make(rng, i):
            p = pid(rng)
            return [("Q04", "error", (p, [f"Error on AMQP connection {p} ({peer(rng)}, state: starting):"])),
                    (reason_eid, "error", (p, [reason(rng)]))]
        return make

    def chan_err(reason_eid, reason):
        def make(rng, i):
            p = pid(rng)
            return [("Q07", "error", (p, [f"Channel error on connection {p} ({peer(rng)}, vhost: '{pick(rng, VHOSTS)}', user: '{pick(rng, USERS_MQ)}'), channel {rng.randint(1, 9)}:"])),
                    (reason_eid, "error", (p, [reason(rng)]))]
        return make

    def consumer_timeout(rng, i):
        return "warning", (pid(rng), [
            f"Consumer 'amq.ctag-{alnum(rng, 22, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')}' on channel {rng.randint(1, 9)} and queue "
            f"'{pick(rng, ['orders.created', 'invoices.render', 'emails.outbound'])}' in vhost '{pick(rng, VHOSTS)}' has timed out waiting for a consumer acknowledgement "
            f"of a delivery with delivery tag = {rng.randint(1, 99999)}. Timeout used: 1800000 ms. This timeout value can be configured, see consumers doc guide to learn more"])

    def alarm(resource, eid):
        def make(rng, i):
            p = pid(rng)
            node = f"rabbit@rmq-{rng.randint(0, 2)}"
            stars = "**********************************************************"
            return [(eid, "warning", (p, [f"{resource} resource limit alarm set on node '{node}'."])),
                    ("Q13", "warning", (p, [stars])),
                    ("Q14", "warning", (p, ["*** Publishers will be blocked until this alarm clears ***"])),
                    ("Q13", "warning", (p, [stars])),
                    ("Q15~" + resource, "warning", (p, [f"{resource} resource limit alarm cleared on node '{node}'"])),
                    ("Q16~" + resource, "warning", (p, [f"{resource} resource limit alarm cleared across the cluster"]))]
        return make

    def mnesia(rng, i):
        return "error", (pid(rng), [f"Mnesia('rabbit@rmq-{rng.randint(0, 2)}'): ** ERROR ** mnesia_event got {{inconsistent_database, running_partitioned_network, 'rabbit@rmq-{rng.randint(0, 2)}'}}"])

    def http_denied(rng, i):
        return "warning", (pid(rng), [f"HTTP access denied: user '{pick(rng, ['guest', 'admin', 'monitoring'])}' - User can only log in via localhost"])

    def crash(rng, i):
        p = pid(rng)
        return [("Q19", "error", (p, [f"** Generic server {p} terminating"])),
                ("Q20", "error", (p, [f"** Last message in was {{'$gen_cast',{{method,{{'basic.publish',0,<<\"events\">>,<<\"order.created\">>,false,false}},"
                                      f"{{content,60,none,<<{rng.randint(1, 255)},{rng.randint(1, 255)},0>>,rabbit_framing_amqp_0_9_1,[<<\"...\">>]}},flow}}}}"])),
                ("Q21", "error", (p, ["** When Server state == {ch,{conf,running,rabbit_framing_amqp_0_9_1,1,<0.1234.0>,<0.1235.0>,...}}"])),
                ("Q22", "error", (p, ["** Reason for termination =="])),
                ("Q23", "error", (p, ["** {badarg,[{erlang,binary_to_term,[<<131,104,2>>],[]},{rabbit_channel,handle_method,3,[{file,\"rabbit_channel.erl\"},{line,1408}]}]}"]))]

    def accepting(rng, i):
        return "info", (pid(rng), [f"accepting AMQP connection {pid(rng)} ({peer(rng)})"])

    def authed(rng, i):
        return "info", (pid(rng), [f"connection {pid(rng)} ({peer(rng)}): user '{pick(rng, USERS_MQ)}' authenticated and granted access to vhost '{pick(rng, VHOSTS)}'"])

    def quorum(rng, i):
        return "warning", (pid(rng), [f"queue '{pick(rng, ['orders.created', 'invoices.render'])}' in vhost '{pick(rng, VHOSTS)}': "
                                      f"leader call - leader not known. Command will be forwarded once leader is known."])

    evs = [
        Event("Q01a", 120, closing("Q02", lambda r: "client unexpectedly closed TCP connection", "warning"), [], ""),
        Event("Q01b", 40, closing("Q03", lambda r: "missed heartbeats from client, timeout: 60s", "error"), [], ""),
        Event("Q04a", 25, conn_err("Q05", lambda r: f"PLAIN login refused: user '{pick(r, USERS_MQ + ['svc-legacy'])}' - invalid credentials"), [], ""),
        Event("Q04b", 15, conn_err("Q06", lambda r: "{handshake_timeout,frame_header}"), [], ""),
        Event("Q07a", 20, chan_err("Q08", lambda r: f"operation queue.declare caused a channel exception precondition_failed: inequivalent arg 'x-queue-type' for queue "
                                                  f"'{pick(r, ['orders.created', 'invoices.render'])}' in vhost '{pick(r, VHOSTS)}': received none but current is the value 'quorum' of type 'longstr'"), [], ""),
        Event("Q07b", 30, chan_err("Q09", lambda r: f"operation basic.publish caused a channel exception not_found: no exchange '{pick(r, ['billing.events', 'audit', 'orders.dlx'])}' in vhost '{pick(r, VHOSTS)}'"), [], ""),
        Event("Q10", 25, consumer_timeout, ["consumer acknowledgement", "timed out"], "queue, tag and consumer are parameters"),
        Event("Q11g", 4, alarm("memory", "Q11"), [], ""),
        Event("Q17g", 2, alarm("disk", "Q17"), [], ""),
        Event("Q18", 3, mnesia, ["inconsistent_database"], "network partition"),
        Event("Q24", 20, http_denied, ["HTTP access denied"], "user is a parameter"),
        Event("Q19g", 3, crash, [], ""),
        Event("Q25", 90, accepting, ["accepting AMQP connection"], "info noise"),
        Event("Q26", 80, authed, ["authenticated and granted access"], "info noise"),
        Event("Q27", 20, quorum, ["leader not known"], "queue and vhost are parameters"),
    ]
    aux = [Aux("Q01", ["closing AMQP connection"], "header line; the reason is on the next line (a record of its own)"),
           Aux("Q02", ["unexpectedly closed"], "reason line of Q01"),
           Aux("Q03", ["missed heartbeats"], "reason line of Q01"),
           Aux("Q04", ["Error on AMQP connection"], "header line"),
           Aux("Q05", ["login refused"], "user is a parameter"),
           Aux("Q06", ["handshake_timeout"], ""),
           Aux("Q07", ["Channel error"], "header line"),
           Aux("Q08", ["precondition_failed", "inequivalent arg"], ""),
           Aux("Q09", ["not_found", "no exchange"], "exchange is a parameter"),
           Aux("Q11", ["memory resource limit alarm set"], ""),
           Aux("Q17", ["disk resource limit alarm set"], ""),
           Aux("Q13", ["****"], "the banner's line of stars"),
           Aux("Q14", ["Publishers will be blocked"], ""),
           Aux("Q15", ["alarm cleared on node"], "memory or disk is a parameter",
               "memory/disk alarm cleared taken as one event (the set lines Q11/Q17 are two)"),
           Aux("Q16", ["cleared across the cluster"], "memory or disk is a parameter",
               "memory/disk alarm cleared taken as one event (the set lines Q11/Q17 are two)"),
           Aux("Q19", ["Generic server", "terminating"], ""),
           Aux("Q20", ["Last message in was"], ""),
           Aux("Q21", ["When Server state"], ""),
           Aux("Q22", ["Reason for termination"], ""),
           Aux("Q23", ["badarg"], "")]

    def render(ts, sev, payload):
        p, lines = payload
        t = ts.strftime("%Y-%m-%d %H:%M:%S.") + f"{ts.microsecond:06d}+00:00"
        return [f"{t} [{sev}] {p} {l}" for l in lines]

    return dict(name="rabbitmq", fmt="text", ext="log", level_in_text=True,
                log_format=r"<Date> <Time> \[<Level>\] <Pid> <Content>", render=render, events=evs, aux=aux)


# ==============================================================================================
# 10. Laravel 10 storage/logs/laravel.log (Monolog LineFormatter with stack traces)
# ==============================================================================================
def laravel_kind():
    def trace(frames):
        out = ["[stacktrace]"] + [f"#{k} {f}" for k, f in enumerate(frames)] + [f"#{len(frames)} {{main}}"]
        return out

    VENDOR = "/var/www/html/vendor/laravel/framework/src/Illuminate"
    HTTP_TAIL = [f"{VENDOR}/Routing/Controller.php(54): App\\\\Http\\\\Controllers\\\\{{ctl}}->{{act}}()",
                 f"{VENDOR}/Routing/ControllerDispatcher.php(43): Illuminate\\\\Routing\\\\Controller->callAction()",
                 f"{VENDOR}/Routing/Route.php(260): Illuminate\\\\Routing\\\\ControllerDispatcher->dispatch()",
                 f"{VENDOR}/Pipeline/Pipeline.php(141): Illuminate\\\\Routing\\\\Router->Illuminate\\\\Routing\\\\{{closure}}()",
                 f"{VENDOR}/Foundation/Http/Kernel.php(175): Illuminate\\\\Pipeline\\\\Pipeline->then()",
                 "/var/www/html/public/index.php(51): Illuminate\\\\Foundation\\\\Http\\\\Kernel->handle()"]

    def http_tail(ctl, act):
        return [f.replace("{ctl}", ctl).replace("{act}", act) for f in HTTP_TAIL]

    def exc(msg_fn, ctx_fn, cls, code, at, frames, prev=None, level="ERROR"):
        def make(rng, i):
            m = msg_fn(rng)
            var = None
            if isinstance(m, tuple):
                m, var = m
            ctx = ctx_fn(rng)
            ctxs = (json.dumps(ctx, separators=(",", ":"))[:-1] + ",") if ctx else "{"
            head = f'{m} {ctxs}"exception":"[object] ({cls}(code: {code}): {m.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))} at {at})'
            lines = [head] + trace(frames)
            if prev:
                lines += [""] + [f"[previous exception] [object] ({prev[0]}(code: {prev[1]}): {prev[2]} at {prev[3]})"] + trace(prev[4])
            lines.append('"} ')
            return (level, lines) if var is None else (level, lines, var)
        return make

    SQLS = ["select * from `users` where `id` = {n} limit 1", "select count(*) as aggregate from `orders` where `tenant_id` = {n}",
            "insert into `jobs` (`queue`, `attempts`, `reserved_at`, `available_at`, `created_at`, `payload`) values (default, 0, ?, {n}, {n}, ?)"]

    def sql(rng):
        return pick(rng, SQLS).replace("{n}", str(rng.randint(1, 99999)))

    def qe_msg(rng):
        q = sql(rng)
        return f"SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, SQL: {q})", "_".join(q.split()[:2])

    def dup_msg(rng):
        return (f"SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry '{pick(rng, USERS)}{rng.randint(1, 99)}@example.com' for key "
                f"'users.users_email_unique' (Connection: mysql, SQL: insert into `users` (`name`, `email`, `password`, `updated_at`, `created_at`) values (?, ?, ?, ?, ?))")

    def uid(rng):
        return {"userId": rng.randint(1, 99999)}

    def noctx(rng):
        return {}

    def stripe(rng, i):
        t = pick(rng, TENANTS)
        return "ERROR", [f"Unable to create payment intent for order #{rng.randint(10000, 99999)} (tenant: {t}): Your card was declined. "
                         f'{{"order_id":{rng.randint(10000, 99999)},"amount":"{rng.randint(5, 900)}.{rng.randint(0, 99):02d}","currency":"{pick(rng, ["EUR", "USD", "GBP"])}"}} []']

    def login(rng, i):
        u = pick(rng, USERS)
        return "WARNING", [f"Failed login attempt for {u}@{pick(rng, ['example.com', 'gmail.com', 'acme.io'])} from {pubip(rng)} (attempt {rng.randint(1, 5)} of 5) [] []"]

    def webhook(rng, i):
        return "WARNING", [f'Stripe webhook signature verification failed {{"ip":"{pubip(rng)}","event":"evt_{alnum(rng, 24, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")}"}} []']

    def trial(rng, i):
        t = pick(rng, TENANTS)
        day = rng.randint(14, 30)
        wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][datetime.date(2025, 9, day).weekday()]
        return "ERROR", [f'Trial reminder for tenant "{t}" (trial ends {wd}, {day} Sep 2025 23:59:59 GMT) could not be sent: Expected response code "250" but got code "550", '
                         f'with message "550 5.1.1 The email account that you tried to reach does not exist." {{"tenant_id":{rng.randint(1, 900)}}} []']

    def command(rng, i):
        return "ERROR", [f'Command "reports:nightly --tenant={rng.randint(1, 900)}" failed after 3 retries [] []']

    evs = [
        Event("L01", 40, exc(qe_msg, uid, "Illuminate\\\\Database\\\\QueryException", 2002, f"{VENDOR}/Database/Connection.php:822",
                             [f"{VENDOR}/Database/Connection.php(776): Illuminate\\\\Database\\\\Connection->runQueryCallback()",
                              f"{VENDOR}/Database/Connection.php(421): Illuminate\\\\Database\\\\Connection->run()",
                              f"{VENDOR}/Database/Query/Builder.php(2913): Illuminate\\\\Database\\\\Connection->select()"] + http_tail("OrderController", "index"),
                             prev=("PDOException", 2002, "SQLSTATE[HY000] [2002] Connection refused", f"{VENDOR}/Database/Connectors/Connector.php:65",
                                   [f"{VENDOR}/Database/Connectors/Connector.php(65): PDO->__construct()",
                                    f"{VENDOR}/Database/Connectors/MySqlConnector.php(24): Illuminate\\\\Database\\\\Connectors\\\\Connector->createConnection()"])),
              ["QueryException", "Connection refused"], "database down; the SQL (3 statements) is a parameter",
              "one event whatever SQL was running (same exception, same throw site)"),
        Event("L02", 15, exc(dup_msg, noctx, "Illuminate\\\\Database\\\\QueryException", 23000, f"{VENDOR}/Database/Connection.php:822",
                             [f"{VENDOR}/Database/Connection.php(776): Illuminate\\\\Database\\\\Connection->runQueryCallback()",
                              "/var/www/html/app/Http/Controllers/Auth/RegisterController.php(71): Illuminate\\\\Database\\\\Eloquent\\\\Model->save()"] + http_tail("Auth\\\\RegisterController", "register")),
              ["Duplicate entry", "users_email_unique"], "duplicate e-mail on register"),
        Event("L03", 25, exc(lambda r: "Call to a member function getKey() on null", uid, "Error", 0,
                             "/var/www/html/app/Http/Controllers/CheckoutController.php:88",
                             ["/var/www/html/app/Http/Controllers/CheckoutController.php(40): App\\\\Http\\\\Controllers\\\\CheckoutController->resolveCart()"] + http_tail("CheckoutController", "store")),
              ["getKey", "null"], "null cart in CheckoutController"),
        Event("L04", 20, exc(lambda r: 'Undefined array key "shipping_address"', uid, "ErrorException", 0,
                             "/var/www/html/app/Services/ShippingQuote.php:41",
                             [f"{VENDOR}/Foundation/Bootstrap/HandleExceptions.php(255): Illuminate\\\\Foundation\\\\Bootstrap\\\\HandleExceptions->handleError()",
                              "/var/www/html/app/Services/ShippingQuote.php(41): Illuminate\\\\Foundation\\\\Bootstrap\\\\HandleExceptions->Illuminate\\\\Foundation\\\\Bootstrap\\\\{closure}()"] + http_tail("ShippingController", "quote")),
              ["Undefined array key", "shipping_address"], "missing key in ShippingQuote"),
        Event("L05", 12, exc(lambda r: 'Undefined array key "currency"', uid, "ErrorException", 0,
                             "/var/www/html/app/Services/Pricing.php:19",
                             [f"{VENDOR}/Foundation/Bootstrap/HandleExceptions.php(255): Illuminate\\\\Foundation\\\\Bootstrap\\\\HandleExceptions->handleError()",
                              "/var/www/html/app/Services/Pricing.php(19): Illuminate\\\\Foundation\\\\Bootstrap\\\\HandleExceptions->Illuminate\\\\Foundation\\\\Bootstrap\\\\{closure}()"] + http_tail("CartController", "show")),
              ["Undefined array key", "currency"], "other key, other file: another bug"),
        Event("L06", 30, exc(lambda r: f"cURL error 28: Operation timed out after {r.randint(30000, 30010)} milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.stripe.com/v1/payment_intents",
                             noctx, "GuzzleHttp\\\\Exception\\\\ConnectException", 0, "/var/www/html/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:210",
                             ["/var/www/html/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php(158): GuzzleHttp\\\\Handler\\\\CurlFactory::createRejection()",
                              "/var/www/html/app/Services/Payments/StripeGateway.php(64): GuzzleHttp\\\\Client->request()"] + http_tail("CheckoutController", "store")),
              ["cURL error 28", "timed out"], "Stripe API timeout"),
        Event("L07", 12, exc(lambda r: "Client error: `POST https://api.mailgun.net/v3/mg.example.com/messages` resulted in a `401 Unauthorized` response:\n{\"message\":\"Invalid private key\"}\n",
                             noctx, "GuzzleHttp\\\\Exception\\\\ClientException", 401, "/var/www/html/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php:113",
                             ["/var/www/html/vendor/guzzlehttp/guzzle/src/Middleware.php(72): GuzzleHttp\\\\Exception\\\\RequestException::create()",
                              "/var/www/html/app/Mail/Transport/MailgunTransport.php(38): GuzzleHttp\\\\Client->post()",
                              "/var/www/html/app/Jobs/SendInvoiceEmail.php(29): Illuminate\\\\Mail\\\\Mailer->send()"]),
              ["401 Unauthorized", "mailgun"], "message itself spans three lines"),
        Event("L08", 18, exc(lambda r: "App\\Jobs\\SyncInventory has been attempted too many times.", noctx,
                             "Illuminate\\\\Queue\\\\MaxAttemptsExceededException", 0, f"{VENDOR}/Queue/MaxAttemptsExceededException.php:24",
                             [f"{VENDOR}/Queue/Worker.php(785): Illuminate\\\\Queue\\\\MaxAttemptsExceededException::forJob()",
                              f"{VENDOR}/Queue/Worker.php(519): Illuminate\\\\Queue\\\\Worker->markJobAsFailedIfAlreadyExceedsMaxAttempts()"]),
              ["SyncInventory", "attempted too many times"], "job SyncInventory",
              "the job class is part of the event (L08 vs L09 differ only in it)"),
        Event("L09", 10, exc(lambda r: "App\\Jobs\\SendInvoiceEmail has been attempted too many times.", noctx,
                             "Illuminate\\\\Queue\\\\MaxAttemptsExceededException", 0, f"{VENDOR}/Queue/MaxAttemptsExceededException.php:24",
                             [f"{VENDOR}/Queue/Worker.php(785): Illuminate\\\\Queue\\\\MaxAttemptsExceededException::forJob()",
                              f"{VENDOR}/Queue/Worker.php(519): Illuminate\\\\Queue\\\\Worker->markJobAsFailedIfAlreadyExceedsMaxAttempts()"]),
              ["SendInvoiceEmail", "attempted too many times"], "job SendInvoiceEmail",
              "the job class is part of the event (L08 vs L09 differ only in it)"),
        Event("L10", 6, exc(lambda r: f"Allowed memory size of 134217728 bytes exhausted (tried to allocate {pick(r, [20480, 4096, 65536, 2097160])} bytes)", noctx,
                            "Symfony\\\\Component\\\\ErrorHandler\\\\Error\\\\FatalError", 0, f"{VENDOR}/Collections/Arr.php:123", [], level="ERROR"),
              ["Allowed memory size", "exhausted"], "PHP fatal, empty trace"),
        Event("L11", 20, exc(lambda r: "Connection refused", noctx, "RedisException", 0, f"{VENDOR}/Redis/Connectors/PhpRedisConnector.php:159",
                             [f"{VENDOR}/Redis/Connectors/PhpRedisConnector.php(159): Redis->connect()",
                              f"{VENDOR}/Redis/Connectors/PhpRedisConnector.php(85): Illuminate\\\\Redis\\\\Connectors\\\\PhpRedisConnector->establishConnection()",
                              f"{VENDOR}/Cache/RedisStore.php(76): Illuminate\\\\Redis\\\\RedisManager->connection()"] + http_tail("ProductController", "index")),
              ["RedisException", "Connection refused"], "message is just 'Connection refused' (as L01's root cause)"),
        Event("L12", 30, stripe, ["Unable to create payment intent"], "tenant of several words, JSON context"),
        Event("L13", 45, login, ["Failed login attempt"], "e-mail, address and attempt are parameters"),
        Event("L14", 25, webhook, ["webhook signature"], ""),
        Event("L15", 10, trial, ["Trial reminder", "could not be sent"], "date in words and tenant are parameters"),
        Event("L16", 6, command, ["reports:nightly", "failed"], "tenant id in the command is a parameter"),
        Event("L17", 5, exc(lambda r: "Target class [App\\Http\\Controllers\\Admin\\ReportController] does not exist.", noctx,
                            "Illuminate\\\\Contracts\\\\Container\\\\BindingResolutionException", 0, f"{VENDOR}/Container/Container.php:914",
                            [f"{VENDOR}/Container/Container.php(795): Illuminate\\\\Container\\\\Container->build()",
                             f"{VENDOR}/Routing/Route.php(281): Illuminate\\\\Container\\\\Container->make()"],
                            prev=("ReflectionException", -1, 'Class \\"App\\\\Http\\\\Controllers\\\\Admin\\\\ReportController\\" does not exist',
                                  f"{VENDOR}/Container/Container.php:912", [f"{VENDOR}/Container/Container.php(912): ReflectionClass->__construct()"])),
              ["BindingResolutionException", "does not exist"], "deploy missed a class"),
    ]

    def render(ts, sev, lines):
        return [f"[{ts:%Y-%m-%d %H:%M:%S}] production.{sev}: {lines[0]}"] + lines[1:]

    return dict(name="laravel", fmt="text", ext="log", level_in_text=True,
                log_format=r"\[<Date> <Time>\] <Env>\.<Level>: <Content>", render=render, events=evs, aux=[],
                alt_merge=[["L08", "L09"]])


# ==============================================================================================
# 11. Apache httpd 2.4 error_log (event MPM, mod_proxy, mod_php messages)
# ==============================================================================================
def apache_kind():
    def client(rng):
        return f"[client {pubip(rng)}:{rng.randint(1024, 65535)}] "

    def referer(rng):
        return pick(rng, ["", "", f", referer: https://shop.example.com/{pick(rng, ['cart', 'checkout', 'products/' + str(rng.randint(1, 9999))])}"])

    def fcgi_php(rng, i):
        return "proxy_fcgi", "error", (client(rng) + "AH01071: Got error 'PHP message: PHP Warning:  Undefined variable $cart in /var/www/html/cart.php on line 42; "
                                       "PHP message: PHP Warning:  foreach() argument must be of type array|object, null given in /var/www/html/cart.php on line 42'" + referer(rng))

    def fcgi_unknown(rng, i):
        return "proxy_fcgi", "error", client(rng) + "AH01071: Got error 'Primary script unknown'"

    def connect_fail(rng, i):
        b = pick(rng, ["10.0.2.11:8080 (app-1.internal)", "10.0.2.12:8080 (app-2.internal)"])
        return [("A03", ("proxy", "error", f"(111)Connection refused: AH00957: http: attempt to connect to {b} failed")),
                ("A05", ("proxy", "error", f"AH00959: ap_proxy_connect_backend disabling worker for ({b.split(' ')[1][1:-1]}:8080) for 60s")),
                ("A04", ("proxy_http", "error", client(rng) + f"AH01114: HTTP: failed to make connection to backend: {b.split(' ')[1][1:-1]}" + referer(rng)))]

    def read_status(rng, i):
        return "proxy_http", "error", ("(70007)The timeout specified has expired: " + client(rng) +
                                       f"AH01102: error reading status line from remote server app-{rng.randint(1, 2)}.internal:8080" + referer(rng))

    def maxworkers(rng, i):
        return "mpm_event", "error", "AH00484: server reached MaxRequestWorkers setting, consider raising the MaxRequestWorkers setting"

    def invalid_uri(rng, i):
        u = pick(rng, ["/..%2F..%2F..%2Fetc/passwd", "/cgi-bin/.%2e/.%2e/.%2e/bin/sh", "/%%32%65%%32%65/etc/hosts"])
        m = pick(rng, ['GET', 'POST'])
        return ("core", "error", client(rng) + f"AH00126: Invalid URI in request {m} {u} HTTP/1.1"), m

    def denied(rng, i):
        return "authz_core", "error", client(rng) + f"AH01630: client denied by server configuration: /var/www/html/{pick(rng, ['.env', '.git/config', 'storage/logs/laravel.log', 'server-status'])}"

    def segv(rng, i):
        return "core", "notice", f"AH00052: child pid {rng.randint(1000, 99999)} exit signal Segmentation fault (11)"

    def sni(rng, i):
        return "ssl", "error", client(rng) + f"AH02032: Hostname {pick(rng, ['shop.example.com', 'www.example.com'])} provided via SNI and hostname {pick(rng, ['api.example.com', 'admin.example.com'])} provided via HTTP have no compatible SSL setup"

    def cert(rng, i):
        return "ssl", "warn", "AH01909: shop.example.com:443:0 server certificate does NOT include an ID which matches the server name"

    def symlink(rng, i):
        return "core", "error", client(rng) + f"AH00037: Symbolic link not allowed or link target not accessible: /var/www/html/static/{pick(rng, ['current', 'releases/latest'])}" + referer(rng)

    def php_fatal(rng, i):
        return "php", "error", (client(rng) + "PHP Fatal error:  Uncaught Error: Call to undefined function mysql_connect() in /var/www/html/legacy/db.php:12\\n"
                                "Stack trace:\\n#0 /var/www/html/legacy/index.php(5): require()\\n#1 {main}\\n  thrown in /var/www/html/legacy/db.php on line 12" + referer(rng))

    def cgi(rng, i):
        return "cgid", "error", client(rng) + f"End of script output before headers: {pick(rng, ['report.cgi', 'export.cgi'])}" + referer(rng)

    def sigterm(rng, i):
        return "mpm_event", "notice", "AH00491: caught SIGTERM, shutting down"

    def resumed(rng, i):
        return "mpm_event", "notice", "AH00489: Apache/2.4.62 (Debian) OpenSSL/3.0.15 configured -- resuming normal operations"

    evs = [
        Event("A01", 60, fcgi_php, ["Undefined variable", "cart.php"], "PHP warnings relayed by mod_proxy_fcgi"),
        Event("A02", 40, fcgi_unknown, ["Primary script unknown"], ""),
        Event("A03g", 20, connect_fail, [], ""),
        Event("A06", 30, read_status, ["error reading status line"], "backend is a parameter"),
        Event("A07", 8, maxworkers, ["MaxRequestWorkers"], "constant"),
        Event("A08", 25, invalid_uri, ["Invalid URI"], "method and URI are parameters", "the method is a parameter"),
        Event("A09", 60, denied, ["client denied by server configuration"], "path is a parameter"),
        Event("A10", 12, segv, ["Segmentation fault"], "child pid is a parameter"),
        Event("A11", 20, sni, ["SNI"], "hosts are parameters"),
        Event("A12", 3, cert, ["server certificate"], "startup"),
        Event("A13", 10, symlink, ["Symbolic link not allowed"], ""),
        Event("A14", 15, php_fatal, ["Uncaught Error", "mysql_connect"], "mod_php fatal with an escaped \\n stack trace on one line"),
        Event("A15", 12, cgi, ["End of script output before headers"], "script is a parameter"),
        Event("A16", 3, sigterm, ["SIGTERM"], ""),
        Event("A17", 3, resumed, ["resuming normal operations"], ""),
    ]
    aux = [Aux("A03", ["attempt to connect", "failed"], "backend is a parameter"),
           Aux("A04", ["failed to make connection to backend"], ""),
           Aux("A05", ["disabling worker"], "")]

    def render(ts, sev, payload):
        mod, lvl, rest = payload
        t = ts.strftime("%a %b %d %H:%M:%S.") + f"{ts.microsecond:06d} {ts.year}"
        pid = 1 + ts.microsecond % 7 * 1000 + 23
        tid = 140000000000000 + ts.microsecond * 7919
        if mod in ("mpm_event",) or (mod == "core" and lvl == "notice") or (mod == "ssl" and lvl == "warn"):
            pid, tid = 1, 140234567890112
        return [f"[{t}] [{mod}:{lvl}] [pid {pid}:tid {tid}] {rest}"]

    def wrap(e):
        f = e.make

        def m(rng, i):
            r = f(rng, i)
            if isinstance(r, list):
                return [(eid, p[1], p) for eid, p in r]
            if len(r) == 2 and isinstance(r[0], tuple):
                return r[0][1], r[0], r[1]
            return r[1], r
        e.make = m
        return e

    return dict(name="apache", fmt="text", ext="log", level_in_text=True,
                log_format=r"\[<Timestamp>\] \[<Component>:<Level>\] \[pid <Pid>:tid <Tid>\] <Content>",
                render=render, events=[wrap(e) for e in evs], aux=aux)


# ==============================================================================================
KINDS = [rails_kind, aspnet_kind, journald_kind, haproxy_kind, envoy_kind, mysql_kind, mongo_kind, elastic_kind,
         rabbit_kind, laravel_kind, apache_kind]

# the source's own levels that are WARNING or above (what min_severity = "WARNING" should keep)
WARN_PLUS = {"WARN", "ERROR", "FATAL", "warn", "fail", "crit", "Warning", "ERROR", "W", "E", "F",
             "warning", "error", "critical", "WARNING", "CRITICAL", "ALERT", "EMERGENCY", "err", "alert", "emerg"}


def build(kind_fn, kidx):
    k = kind_fn()
    rng = random.Random(2000 + kidx)
    groups = []   # (ts, seq, [(eid, sev, payload)])
    truth = {}
    info = {e.eid: e for e in k["events"]}
    info.update({a.eid: a for a in k.get("aux", [])})
    seq = 0
    for ev in k["events"]:
        for i in range(ev.n):
            ts = BASE + datetime.timedelta(seconds=rng.uniform(0, SPAN))
            r = ev.make(rng, i)
            if isinstance(r, list):
                recs = r
            elif len(r) == 3:          # (sev, payload, variant of the debatable dimension)
                recs = [(f"{ev.eid}~{r[2]}", r[0], r[1])]
            else:
                recs = [(ev.eid, r[0], r[1])]
            groups.append((ts, seq, recs))
            seq += 1
    groups.sort(key=lambda g: (g[0], g[1]))
    out = []
    for ts, _, recs in groups:
        for j, (fid, sev, payload) in enumerate(recs):
            fid = fid.replace(" ", "_")      # a tag column holds no blank
            t2 = ts + datetime.timedelta(microseconds=1000 * j)
            out.append((t2, fid, k["render"](t2, sev, payload)))
            eid = fid.split("~")[0]
            src = info[eid]
            if fid != eid and not src.judgement:
                raise SystemExit(f"{fid}: a variant without a judgement note")
            te = truth.setdefault(eid, {"n": 0, "must": src.must, "note": src.note, "judgement": src.judgement,
                                        "severity": set(), "n_warning_plus": 0, "parts": {}})
            te["n"] += 1
            te["n_warning_plus"] += (str(sev) in WARN_PLUS)
            te["severity"].add(str(sev))
            te["parts"].setdefault(fid, {"n": 0})["n"] += 1
    fids = sorted(f for e in truth.values() for f in e["parts"])
    trace_of = {f: f"u{kidx:02d}{i:03d}z9" for i, f in enumerate(fids)}
    for e in truth.values():
        e["severity"] = sorted(e["severity"])
        for f, part in e["parts"].items():
            part["trace"] = trace_of[f]
    return k, out, truth, trace_of


def write_kind(out, k, recs, trace_of):
    plain = os.path.join(out, f"{k['name']}.{k['ext']}")
    tagged = os.path.join(out, f"{k['name']}.tagged.{k['ext']}")
    sep = (",", ":") if k.get("json_compact") else None
    with open(plain, "w", newline="\n") as fp, open(tagged, "w", newline="\n") as ft:
        for ts, eid, r in recs:
            if k["fmt"] == "jsonl":
                fp.write(json.dumps(r, separators=sep) + "\n")
                t = json.loads(json.dumps(r))
                t["trace"] = "projects/blind/traces/" + trace_of[eid]
                t.setdefault("labels", {})["module"] = eid
                ft.write(json.dumps(t, separators=sep) + "\n")
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
            "level_in_text": k["level_in_text"], "records": len(recs), "events": ev,
            "alt_merge": k.get("alt_merge", [])}
        print(f"{k['name']:14s} {len(recs):6d} records {len(ev):3d} events -> {plain}")
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump(truth, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
