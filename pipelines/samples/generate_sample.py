#!/usr/bin/env python3
"""Generates netra-backend-staging.jsonl: a realistic, deterministic sample of Cloud Run LogEntry
JSON lines for the demo pipeline, in the style of the example worklog's service.

The window is fixed: [2025-09-13T17:00:00Z, 2025-09-13T23:00:00Z). Run it again and the output is
byte-identical (fixed seed); commit the output with the script.

    python3 pipelines/samples/generate_sample.py > pipelines/samples/netra-backend-staging.jsonl
"""
import datetime as dt
import json
import random
import sys

SEED = 20250913
START = dt.datetime(2025, 9, 13, 17, 0, 0, tzinfo=dt.timezone.utc)
HOURS = 6
PROJECT = "netra-staging"
SERVICE = "netra-backend-staging"
REVISION = "netra-backend-staging-00575-jbb"

rng = random.Random(SEED)

WS = "netra_backend.app.routes.websocket_ssot"
UM = "netra_backend.app.websocket_core.unified_manager"
WU = "netra_backend.app.websocket_core.utils"
FIRST = ["alice", "bob", "carol", "dmitri", "elena", "farah", "george", "hana", "ivan", "julia"]
LAST = ["smith", "nguyen", "garcia", "okafor", "larsen", "kim", "rossi", "haddad"]
DOMAINS = [("gmail.com", "consumer"), ("outlook.com", "consumer"), ("acme-corp.io", "business"),
           ("netra-demo.ai", "business")]
PATHS = ["/api/v1/threads/{id}", "/api/v1/agents/{id}/run", "/api/v1/chat", "/api/v1/users/me", "/ws"]


def hexid(n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


# Three Cloud Run instances served the revision in this window.
INSTANCES = ["0069c7a988" + hexid(118) for _ in range(3)]


def jwtish():
    b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    part = lambda n: "".join(rng.choice(b64) for _ in range(n))
    return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + part(rng.randint(60, 90)) + "." + part(43)


def user_id():
    return str(rng.randint(10_000_000, 99_999_999))


def email():
    d, kind = rng.choice(DOMAINS)
    return "%s.%s%d@%s" % (rng.choice(FIRST), rng.choice(LAST), rng.randint(1, 99), d), d, kind


def log(sev, message, module, function, line, logger=None, service="netra-service"):
    payload = {"message": message, "context": {"name": logger or module, "service": service},
               "labels": {"function": function, "line": str(line), "module": module}}
    return {"severity": sev, "payload": payload}


# --- the clusters the example worklog names --------------------------------------------------

def ssot_burst(t):
    return [
        log("ERROR", "WebSocket manager creation failed: Direct instantiation not allowed. Use "
            "get_websocket_manager() factory function. Caller: get_websocket_manager", WS,
            "_create_websocket_manager", 1207),
        log("ERROR", "SSOT VIOLATION: Direct instantiation not allowed. Use get_websocket_manager() factory "
            "function. Caller: get_websocket_manager", UM, "__init__", 335),
        log("WARNING", "Creating emergency WebSocket manager", WS, "_create_emergency_websocket_manager", 1212),
    ]


def loop_crash(t):
    conn = "main_" + hexid(8)
    user = "demo-user-" + hexid(6)
    ctx = {"connection_id": conn, "user_id": user, "error_type": "RuntimeError",
           "error_message": 'WebSocket is not connected. Need to call "accept" first.',
           "messages_processed": rng.randint(0, 12), "agent_events_processed": rng.randint(0, 3),
           "websocket_state": "connected", "timestamp": t.isoformat(),
           "golden_path_impact": "CRITICAL - Message loop crashed"}
    return [
        log("CRITICAL", " ALERT:  GOLDEN PATH LOOP ERROR: Message loop crashed for user %s connection %s"
            % (user, conn), WS, "_main_message_loop", 1498),
        log("CRITICAL", " SEARCH:  LOOP ERROR CONTEXT: " + json.dumps(ctx, indent=2), WS, "_main_message_loop", 1499),
        log("ERROR", '[MAIN MODE] Message loop error: WebSocket is not connected. Need to call "accept" first.',
            WS, "_main_message_loop", 1500),
        log("WARNING", 'Runtime error closing WebSocket: Cannot call "send" once a close message has been sent.',
            WU, "safe_websocket_close", 596),
    ]


def auth_breaker(t):
    return [log("CRITICAL", "[\U0001F511] GOLDEN PATH AUTH: permissive authentication with circuit breaker for "
                "connection main_%s - user_id: pending, connection_state: connected, timestamp: %s"
                % (hexid(8), t.isoformat()), WS, "_handle_main_mode", 737)]


def session_middleware(t):
    return [log("WARNING", "Session access failed (middleware not installed?): SessionMiddleware must be "
                "installed to access request.session", "logging", "callHandlers", 1706)]


def user_auto_create(t):
    uid = user_id()
    addr, domain, kind = email()
    ms = rng.uniform(4, 40)
    return [
        log("WARNING", "[\U0001F511] DATABASE USER AUTO-CREATE: User %s not found in database (response_time: "
            "%.2fms, service_status: database_healthy_but_user_missing, action: auto-creating from JWT=%s"
            % (uid, ms, jwtish()), "logging", "callHandlers", 1706),
        log(rng.choice(["WARNING", "NOTICE"]), "[?] USER AUTO-CREATED: Created user %s from JWT=%s (env: staging, "
            "user_id: %s, demo_mode: False, domain: %s, domain_type: %s)" % (addr, jwtish(), uid, domain, kind),
            "logging", "callHandlers", 1706),
    ]


# --- ordinary noise ----------------------------------------------------------------------------

def timeout(t):
    svc = rng.choice(["agent-service", "llm-gateway", "auth-service", "clickhouse"])
    return [log(rng.choice(["WARNING", "ERROR"]), "Request to %s timed out after %.2fs (attempt %d/3)"
                % (svc, rng.uniform(5, 60), rng.randint(1, 3)), "netra_backend.app.clients.http_client",
                "request", 188)]


def db_pool(t):
    size = 20
    used = rng.randint(16, 20)
    return [log("WARNING", "Database connection pool nearly exhausted: %d/%d connections in use (waited %dms)"
                % (used, size, rng.randint(50, 2500)), "netra_backend.app.db.postgres", "get_session", 142)]


def http_5xx(t):
    code, reason = rng.choice([(500, "Internal Server Error"), (502, "Bad Gateway"), (503, "Service Unavailable"),
                               (504, "Gateway Timeout")])
    path = rng.choice(PATHS).format(id=hexid(8) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(4) + "-" + hexid(12))
    return [log("ERROR", "HTTP %d %s on %s %s request_id=req-%s" % (code, reason, rng.choice(["GET", "POST"]), path,
                                                                     hexid(12)),
                "netra_backend.app.middleware.error_handler", "dispatch", 77)]


def retry(t):
    key = rng.choice(["session:", "thread:", "rate:"]) + hexid(10)
    return [log("WARNING", "Retrying Redis operation GET %s (attempt %d of 5) after %dms backoff"
                % (key, rng.randint(2, 5), rng.choice([100, 200, 400, 800])), "netra_backend.app.redis_manager",
                "_with_retry", 311)]


def traceback(t):
    tid = hexid(8)
    msg = ("Unhandled error in get_thread for thread %s\nTraceback (most recent call last):\n"
           '  File "/app/netra_backend/app/services/thread_service.py", line 212, in get_thread\n'
           "    return self._threads[thread_id]\n"
           "KeyError: 'thread_%s'" % (tid, tid))
    return [log("ERROR", msg, "netra_backend.app.services.thread_service", "get_thread", 214)]


def rate_limit(t):
    return [log("WARNING", "Rate limit exceeded for user %s on /api/v1/chat: %d requests in 60s (limit 60)"
                % (user_id(), rng.randint(61, 140)), "netra_backend.app.middleware.rate_limiter", "check", 58)]


def info_noise(t):
    choice = rng.randrange(4)
    if choice == 0:
        return [log("INFO", "Health check OK in %dms" % rng.randint(2, 40), "netra_backend.app.routes.health",
                    "health", 21)]
    if choice == 1:
        return [log("INFO", "WebSocket connection accepted: main_%s" % hexid(8), WS, "websocket_endpoint", 402)]
    if choice == 2:
        return [log("INFO", "Agent run completed in %.1fs (tokens: %d)" % (rng.uniform(0.4, 25), rng.randint(50, 4000)),
                    "netra_backend.app.agents.supervisor", "run", 655)]
    return [log("DEBUG", "Cache hit for thread %s" % hexid(8), "netra_backend.app.services.cache", "get", 90)]


# (generator, how many times in the window, seconds between a burst's entries)
PLAN = [(ssot_burst, 10), (loop_crash, 12), (auth_breaker, 15), (session_middleware, 20), (user_auto_create, 20),
        (timeout, 45), (db_pool, 35), (http_5xx, 45), (retry, 35), (traceback, 12), (rate_limit, 35),
        (info_noise, 200)]


def entry(t, item):
    ts = t.strftime("%Y-%m-%dT%H:%M:%S.") + "%06dZ" % t.microsecond
    out = {"insertId": hexid(16), "jsonPayload": item["payload"],
           "resource": {"type": "cloud_run_revision",
                        "labels": {"project_id": PROJECT, "service_name": SERVICE, "revision_name": REVISION,
                                   "location": "us-central1", "configuration_name": SERVICE}},
           "timestamp": ts, "severity": item["severity"], "labels": {"instanceId": rng.choice(INSTANCES)},
           "logName": "projects/%s/logs/run.googleapis.com%%2Fstderr" % PROJECT,
           "trace": "projects/%s/traces/%s" % (PROJECT, hexid(32)),
           "receiveTimestamp": (t + dt.timedelta(milliseconds=rng.randint(50, 900))).strftime(
               "%Y-%m-%dT%H:%M:%S.%fZ")}
    return out


def main():
    events = []
    span = HOURS * 3600 - 60
    for gen, times in PLAN:
        for _ in range(times):
            t = START + dt.timedelta(seconds=rng.uniform(0, span))
            for k, item in enumerate(gen(t)):
                events.append((t + dt.timedelta(milliseconds=37 * k + rng.randint(0, 30)), item))
    events.sort(key=lambda e: e[0])
    for t, item in events:
        sys.stdout.write(json.dumps(entry(t, item), ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
