#!/usr/bin/env python3
"""Blind redaction test corpus generator (written without reading the tool).

usage: python3 generate.py OUT_FILE

Writes JSON lines: {"id", "line", "secrets", "keep"}. Deterministic (fixed seed).
All values are random fakes in realistic shapes; nothing is a live credential.
"""
import base64
import json
import string
import sys
import random
import uuid

SEED = 0xB11D2
r = random.Random(SEED)

AL = string.ascii_letters + string.digits
UP = string.ascii_uppercase
HEX = "0123456789abcdef"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def rs(n, alphabet=AL):
    return "".join(r.choice(alphabet) for _ in range(n))


def hexs(n):
    return rs(n, HEX)


def digits(n):
    return rs(n, string.digits)


def rbytes(n):
    return bytes(r.getrandbits(8) for _ in range(n))


def b64(n):
    return base64.b64encode(rbytes(n)).decode()


def b64url(n):
    return base64.urlsafe_b64encode(rbytes(n)).decode().rstrip("=")


_CYC = {}


def pick(seq, key=None):
    """Cycle through alternatives so short runs cover every template (deterministic)."""
    key = key or repr(seq[0])[:80]
    i = _CYC.get(key, 0)
    _CYC[key] = i + 1
    return seq[i % len(seq)]


def uid():
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


WORDS = ["Summer", "Winter", "Falcon", "Orchid", "Tango", "Granite", "Velvet",
         "Harbor", "Copper", "Nimbus", "Quartz", "Maple"]


def pw():
    k = r.randint(0, 2)
    if k == 0:
        return r.choice(WORDS) + digits(4) + r.choice("!#*")
    if k == 1:
        return rs(r.randint(14, 22), AL + "!#%*-_")
    return rs(r.randint(8, 10)) + r.choice("!#*-") + rs(r.randint(6, 9))


def ts_iso():
    return "2024-%02d-%02dT%02d:%02d:%02d.%03dZ" % (
        r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59),
        r.randint(0, 59), r.randint(0, 999))


def ts_java():
    return "2024-%02d-%02d %02d:%02d:%02d.%03d" % (
        r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59),
        r.randint(0, 59), r.randint(0, 999))


def ts_go():
    return "2024/%02d/%02d %02d:%02d:%02d" % (
        r.randint(1, 12), r.randint(1, 28), r.randint(0, 23), r.randint(0, 59),
        r.randint(0, 59))


def pid():
    return str(r.randint(1000, 65000))


def jwt():
    h = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    p = base64.urlsafe_b64encode(
        ('{"sub":"%s","iat":%d,"exp":%d}' % (uid(), 1710000000 + r.randint(0, 9999999),
                                           1720000000 + r.randint(0, 9999999))).encode()
    ).decode().rstrip("=")
    return "%s.%s.%s" % (h, p, b64url(32))


HOSTS = ["db-primary.internal", "orders-db.prod.svc.cluster.local", "pg01.corp.example.com",
         "mysql-billing.eu-west-1.rds.amazonaws.com", "ledger-db.internal"]
USERS = ["svc_orders", "app_rw", "billing", "reporter", "etl_loader", "api_user"]

# ---------------------------------------------------------------- checksums


def luhn_check_digit(body):
    s = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return str((10 - s % 10) % 10)


def luhn_ok(num):
    return luhn_check_digit(num[:-1]) == num[-1]


def card_number():
    kind = r.choice(["visa", "mc", "amex", "disc", "mc2"])
    if kind == "visa":
        body = "4" + digits(14)
    elif kind == "mc":
        body = "5" + r.choice("12345") + digits(13)
    elif kind == "mc2":
        body = "22" + str(r.randint(21, 71)) + digits(11)
    elif kind == "amex":
        body = "3" + r.choice("47") + digits(12)
    else:
        body = "6011" + digits(11)
    return body + luhn_check_digit(body)


def fmt_card(n, style):
    if style == "plain":
        return n
    sep = " " if style == "space" else "-"
    if len(n) == 15:
        return sep.join([n[:4], n[4:10], n[10:]])
    return sep.join(n[i:i + 4] for i in range(0, 16, 4))


def bad_luhn_16():
    body = r.choice("3456") + digits(14)
    good = luhn_check_digit(body)
    bad = str((int(good) + r.randint(1, 9)) % 10)
    n = body + bad
    assert not luhn_ok(n)
    return n


def iban(country):
    if country == "DE":
        bban = digits(18)
    elif country == "GB":
        bban = rs(4, UP) + digits(14)
    elif country == "FR":
        bban = digits(23)
    elif country == "ES":
        bban = digits(20)
    elif country == "NL":
        bban = rs(4, UP) + digits(10)
    else:  # IT
        bban = r.choice(UP) + digits(10) + digits(12)
    conv = "".join(str(int(c, 36)) for c in bban + country + "00")
    chk = 98 - int(conv) % 97
    return "%s%02d%s" % (country, chk, bban)


def iban_fmt(i, spaced):
    return " ".join(i[k:k + 4] for k in range(0, len(i), 4)) if spaced else i


def cpf():
    d = [r.randint(0, 9) for _ in range(9)]
    s = sum(d[i] * (10 - i) for i in range(9))
    d.append((s * 10) % 11 % 10)
    s = sum(d[i] * (11 - i) for i in range(10))
    d.append((s * 10) % 11 % 10)
    x = "".join(map(str, d))
    return "%s.%s.%s-%s" % (x[:3], x[3:6], x[6:9], x[9:]) if r.random() < 0.7 else x


_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
       [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
       [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
       [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
       [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
       [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
       [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
       [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def verhoeff_digit(num):
    c = 0
    for i, ch in enumerate(reversed(num)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return str(_VINV[c])


def aadhaar():
    body = str(r.randint(2, 9)) + digits(10)
    n = body + verhoeff_digit(body)
    return "%s %s %s" % (n[:4], n[4:8], n[8:]) if r.random() < 0.6 else n


def sin():
    while True:
        body = str(r.choice([1, 2, 3, 4, 5, 6, 7, 9])) + digits(7)
        n = body + luhn_check_digit(body)
        break
    return r.choice(["%s %s %s", "%s-%s-%s"]) % (n[:3], n[3:6], n[6:])


def nino():
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    while True:
        p = r.choice(first) + r.choice(second)
        if p not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
            break
    d = digits(6)
    s = r.choice("ABCD")
    if r.random() < 0.5:
        return "%s %s %s %s %s" % (p, d[:2], d[2:4], d[4:], s)
    return p + d + s


def dni():
    n = r.randint(10000000, 99999999)
    return "%d%s" % (n, "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23])


def pan():
    return rs(3, UP) + r.choice("PCHF") + rs(1, UP) + digits(4) + rs(1, UP)


def aba():
    while True:
        d = [r.randint(0, 9) for _ in range(8)]
        d[0] = r.choice([0, 1, 2, 3])
        for last in range(10):
            x = d + [last]
            if (3 * (x[0] + x[3] + x[6]) + 7 * (x[1] + x[4] + x[7]) + (x[2] + x[5] + x[8])) % 10 == 0:
                return "".join(map(str, x))


def phone():
    c = r.choice(["us", "uk", "de", "fr", "in", "br", "jp", "au", "mx", "za", "es", "nl"])
    if c == "us":
        return r.choice(["+1 (%s) %s-%s", "(%s) %s-%s", "+1-%s-%s-%s"]) % (
            str(r.randint(201, 989)), str(r.randint(200, 989)), digits(4))
    if c == "uk":
        return r.choice(["+44 7%s %s", "07%s %s"]) % (digits(3), digits(6))
    if c == "de":
        return "+49 %s %s" % (r.choice(["30", "89", "40", "151", "176"]), digits(8))
    if c == "fr":
        return "+33 %s %s %s %s %s" % (r.choice("67"), digits(2), digits(2), digits(2), digits(2))
    if c == "in":
        return "+91 %s%s %s" % (r.choice("6789"), digits(4), digits(5))
    if c == "br":
        return "+55 (%s) 9%s-%s" % (r.choice(["11", "21", "31", "51"]), digits(4), digits(4))
    if c == "jp":
        return "+81 %s-%s-%s" % (r.choice(["90", "80", "70"]), digits(4), digits(4))
    if c == "au":
        return "+61 4%s %s %s" % (digits(2), digits(3), digits(3))
    if c == "mx":
        return "+52 55 %s %s" % (digits(4), digits(4))
    if c == "za":
        return "+27 %s %s %s" % (r.choice(["82", "83", "71"]), digits(3), digits(4))
    if c == "es":
        return "+34 6%s %s %s" % (digits(2), digits(3), digits(3))
    return "+31 6 %s %s" % (digits(4), digits(4))


FIRST = ["maria", "john", "li.wei", "anika", "oluwaseun", "j.schmidt", "pierre", "sofia", "raj", "emma"]
DOMS = ["example.com", "mail.example.org", "corp.example.net", "example.co.uk", "example.de"]


def email():
    return "%s%s@%s" % (r.choice(FIRST), r.choice(["", str(r.randint(1, 99)), "+billing"]), r.choice(DOMS))


# ---------------------------------------------------------------- generators
# each returns (line, secrets, keep)


def g_spring_datasource():
    p = pw()
    host = r.choice(HOSTS)
    line = ("%s  WARN %s --- [           main] o.s.b.c.p.PropertySourcesLoader : Overriding property "
            "spring.datasource.password=%s from environment (url=jdbc:postgresql://%s:5432/orders)") % (
        ts_java(), pid(), p, host)
    return line, [p], ["spring.datasource.password", host, "PropertySourcesLoader"]


def g_okhttp_auth():
    t = jwt()
    line = "%s ERROR [OkHttp https://api.example.com/...] okhttp3.OkHttpClient : Authorization: Bearer %s" % (ts_java(), t)
    return line, [t], ["okhttp3.OkHttpClient", "Authorization: Bearer"]


def g_okhttp_apikey():
    k = hexs(32)
    line = "%s WARN  o.h.HttpLoggingInterceptor : x-api-key: %s <-- 401 Unauthorized https://partner.example.com/v2/orders (183ms)" % (ts_java(), k)
    return line, [k], ["x-api-key", "401 Unauthorized", "https://partner.example.com/v2/orders"]


def g_dotnet_connstr():
    p = pw()
    u = r.choice(USERS)
    line = ("fail: Microsoft.EntityFrameworkCore.Database.Connection[20004] An error occurred using the connection to "
            "database 'Orders' on server 'tcp:sqlprod.database.windows.net,1433'. ConnectionString: "
            "Server=tcp:sqlprod.database.windows.net,1433;Initial Catalog=Orders;User ID=%s;Password=%s;"
            "Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;") % (u, p)
    return line, [p], ["Microsoft.EntityFrameworkCore.Database.Connection", "Initial Catalog=Orders", "Encrypt=True"]


def g_dotnet_exception():
    k = b64(32)
    line = ("[%s ERR] HttpClient.PaymentsClient.LogicalHandler: Sending HTTP request failed System.Net.Http.HttpRequestException: "
            "Response status code does not indicate success: 403 (Forbidden). Headers: {Ocp-Apim-Subscription-Key: %s}") % (
        ts_java(), k)
    return line, [k], ["System.Net.Http.HttpRequestException", "403 (Forbidden)", "Ocp-Apim-Subscription-Key"]


def g_go_http_dump():
    user = r.choice(USERS)
    p = pw()
    basic = base64.b64encode(("%s:%s" % (user, p)).encode()).decode()
    line = ("%s http: proxy error dump: \"POST /internal/v1/sync HTTP/1.1\\r\\nHost: sync.internal:8443\\r\\n"
            "Authorization: Basic %s\\r\\nContent-Type: application/json\\r\\nX-Request-Id: %s\\r\\n\\r\\n\"") % (
        ts_go(), basic, uid())
    return line, [basic], ["POST /internal/v1/sync HTTP/1.1", "Host: sync.internal:8443", "Content-Type: application/json"]


def g_go_struct():
    p = pw()
    host = r.choice(HOSTS)
    line = ("%s [ERROR] failed to open db: dial tcp: lookup %s: no such host; cfg=&{Host:%s Port:5432 "
            "User:%s Password:%s DBName:ledger SSLMode:require MaxConns:20}") % (
        ts_go(), host, host, r.choice(USERS), p)
    return line, [p], ["DBName:ledger", "SSLMode:require", "no such host"]


def g_go_struct_token():
    t = "ghs_" + rs(36) if r.random() < 0.3 else rs(40)
    line = ("level=error ts=%s caller=client.go:212 msg=\"upstream refused\" client=\"&{BaseURL:https://git.example.com/api "
            "Token:%s Timeout:30s Retries:3}\" err=\"401 Bad credentials\"") % (ts_iso(), t)
    return line, [t], ["caller=client.go:212", "BaseURL:https://git.example.com/api", "401 Bad credentials"]


def g_php_pdo():
    p = pw()
    line = ("[%s] production.ERROR: SQLSTATE[HY000] [1045] Access denied for user 'laravel'@'10.0.3.17' (using password: YES) "
            "#0 /var/www/vendor/laravel/framework/src/Illuminate/Database/Connectors/Connector.php(70): "
            "PDO->__construct('mysql:host=mysql;port=3306;dbname=shop', 'laravel', '%s', Array)") % (ts_java(), p)
    return line, [p], ["SQLSTATE[HY000] [1045]", "Connector.php(70)", "dbname=shop"]


def g_php_warning():
    k = r.choice(["sk", "rk"]) + "_test_" + rs(24)
    line = ("PHP Warning:  file_get_contents(https://api.payments.example/v1/charges?api_key=%s&limit=10): "
            "Failed to open stream: HTTP request failed! HTTP/1.1 401 Unauthorized in /srv/app/src/Billing.php on line 88") % k
    return line, [k], ["PHP Warning:", "Failed to open stream", "/srv/app/src/Billing.php"]


def g_ruby_faraday():
    k = hexs(40)
    line = ("E, [%s #%s] ERROR -- : Faraday::UnauthorizedError: the server responded with status 401 "
            "request={:method=>:get, :url=>\"https://api.crm.example.com/v3/contacts\", :headers=>{\"X-Api-Key\"=>\"%s\", "
            "\"User-Agent\"=>\"Faraday v2.7.10\"}}") % (ts_iso(), pid(), k)
    return line, [k], ["Faraday::UnauthorizedError", "Faraday v2.7.10", "https://api.crm.example.com/v3/contacts"]


def g_ruby_rails_params():
    p = pw()
    line = ("W, [%s #%s]  WARN -- : Unpermitted parameters: :admin. Parameters: {\"user\"=>{\"login\"=>\"jdoe\", "
            "\"password\"=>\"%s\", \"remember_me\"=>\"1\"}, \"commit\"=>\"Log in\"}") % (ts_iso(), pid(), p)
    return line, [p], ["Unpermitted parameters", "\"remember_me\"=>\"1\"", "\"commit\"=>\"Log in\""]


def g_node_axios():
    t = jwt()
    line = ("%s error: AxiosError: Request failed with status code 401 at settle (node_modules/axios/lib/core/settle.js:19:12) "
            "config: { url: 'https://graph.example.com/v1/me', method: 'get', headers: { Accept: 'application/json', "
            "Authorization: 'Bearer %s' } }") % (ts_iso(), t)
    return line, [t], ["AxiosError", "settle.js:19:12", "https://graph.example.com/v1/me"]


def g_node_env_dump():
    k = "xoxb-" + digits(12) + "-" + digits(13) + "-" + rs(24)
    line = ("[%s] WARN  (slack-notifier/%s): retrying postMessage after rate_limited, options={\"channel\":\"C04ALERTS\","
            "\"token\":\"%s\",\"retryAfter\":30}") % (ts_iso(), pid(), k)
    return line, [k], ["slack-notifier", "rate_limited", "\"retryAfter\":30"]


def g_python_requests():
    s = rs(40, AL + "-_~")
    line = ("%s WARNING urllib3.connectionpool: Retrying (Retry(total=2, connect=None, read=None, redirect=None, status=None)) "
            "after connection broken by 'ProtocolError' : /oauth2/token?grant_type=client_credentials&client_id=reporting-svc&client_secret=%s") % (
        ts_java().replace(".", ","), s)
    return line, [s], ["urllib3.connectionpool", "client_id=reporting-svc", "grant_type=client_credentials"]


def g_python_traceback():
    p = pw()
    line = ("ERROR:root:requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: "
            "https://svc_backup:%s@nexus.example.com/repository/pypi/simple/") % p
    return line, [p], ["requests.exceptions.HTTPError", "nexus.example.com/repository/pypi/simple/", "svc_backup"]


def g_kafka_jaas():
    p = pw()
    line = ("[%s] WARN [AdminClient clientId=adminclient-1] Connection to node -1 (kafka-0.kafka:9093) failed authentication due to: "
            "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512; "
            "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"ingest\" password=\"%s\";") % (
        ts_java().replace(".", ","), p)
    return line, [p], ["SCRAM-SHA-512", "ScramLoginModule", "kafka-0.kafka:9093"]


def g_rabbitmq():
    p = pw()
    line = ("%s ERROR pika.adapters.utils.connection_workflow: AMQPConnector - reporting failure: AMQPConnectorSocketConnectError: "
            "url=amqp://orders:%s@rabbitmq.messaging.svc:5672/%%2Fprod") % (ts_java().replace(".", ","), p)
    return line, [p], ["AMQPConnectorSocketConnectError", "rabbitmq.messaging.svc:5672"]


def g_elasticsearch():
    p = pw()
    line = ("[%s][WARN ][o.e.c.RestClient] request [POST https://elastic:%s@es-logs.internal:9200/_bulk] "
            "returned 1 warnings: [299 Elasticsearch-8.11.1 \"index template deprecated\"]") % (ts_iso(), p)
    return line, [p], ["es-logs.internal:9200/_bulk", "Elasticsearch-8.11.1"]


def g_elastic_apikey():
    k = b64(24)
    line = "%s ERROR elastic_transport.transport: POST https://es.example.com:9243/logs-*/_search [status:401] headers={'authorization': 'ApiKey %s'}" % (
        ts_java(), k)
    return line, [k], ["elastic_transport.transport", "[status:401]", "'authorization': 'ApiKey"]


def g_snowflake():
    p = pw()
    line = ("%s ERROR snowflake.connector.network: 250001: Could not connect to Snowflake backend after 2 attempt(s). "
            "dsn=snowflake://ETL_USER:%s@xy12345.eu-central-1/ANALYTICS/PUBLIC?warehouse=LOAD_WH&role=LOADER") % (ts_java(), p)
    return line, [p], ["snowflake.connector.network", "xy12345.eu-central-1/ANALYTICS/PUBLIC", "warehouse=LOAD_WH"]


def g_clickhouse():
    p = pw()
    line = ("%s <Error> clickhouse-go: [dial] failed to connect to clickhouse://default:%s@ch-shard-2.olap:9000/metrics?dial_timeout=10s: "
            "code: 516, message: default: Authentication failed") % (ts_java(), p)
    return line, [p], ["ch-shard-2.olap:9000/metrics", "code: 516", "Authentication failed"]


def g_mssql():
    p = pw()
    line = ("%s mssql: login error: Login failed for user 'sa'. dsn=sqlserver://sa:%s@mssql-01.corp.example.com:1433?database=HR&encrypt=disable") % (
        ts_go(), p)
    return line, [p], ["Login failed for user 'sa'", "mssql-01.corp.example.com:1433", "database=HR"]


def g_mongo():
    p = pw()
    line = ("{\"t\":{\"$date\":\"%s\"},\"s\":\"E\",\"c\":\"NETWORK\",\"msg\":\"MongoServerSelectionError\",\"attr\":{\"uri\":"
            "\"mongodb+srv://appUser:%s@cluster0.ab1cd.mongodb.net/inventory?retryWrites=true&w=majority\"}}") % (ts_iso(), p)
    return line, [p], ["MongoServerSelectionError", "cluster0.ab1cd.mongodb.net/inventory", "retryWrites=true"]


def g_redis():
    p = pw()
    line = "%s WARN  io.lettuce.core.RedisClient : Cannot connect to redis://:%s@cache-01.internal:6379/2 (NOAUTH Authentication required)" % (
        ts_java(), p)
    return line, [p], ["io.lettuce.core.RedisClient", "cache-01.internal:6379/2", "NOAUTH Authentication required"]


def g_ldap():
    p = pw()
    line = ("%s ERROR o.s.s.l.a.BindAuthenticator : LDAP bind failed: [LDAP: error code 49 - 80090308: LdapErr: DSID-0C09044E, "
            "data 52e] bindDn=cn=svc-ldap,ou=Service Accounts,dc=corp,dc=example,dc=com bindPassword=%s") % (ts_java(), p)
    return line, [p], ["LDAP: error code 49", "bindDn=cn=svc-ldap,ou=Service Accounts,dc=corp,dc=example,dc=com", "bindPassword="]


def g_smtp():
    u = "alerts@example.com"
    p = pw()
    auth = base64.b64encode(("\0%s\0%s" % (u, p)).encode()).decode()
    line = ("%s WARNING smtplib: SMTPAuthenticationError(535, b'5.7.8 Username and Password not accepted') "
            "after sending 'AUTH PLAIN %s' to smtp.example.com:587") % (ts_java(), auth)
    return line, [auth], ["SMTPAuthenticationError", "5.7.8 Username and Password not accepted", "smtp.example.com:587"]


def g_smtp_props():
    p = pw()
    line = "%s ERROR c.e.mail.MailConfig : invalid mail settings: spring.mail.host=smtp.example.com, spring.mail.username=noreply, spring.mail.password=%s, spring.mail.port=465" % (
        ts_java(), p)
    return line, [p], ["spring.mail.host=smtp.example.com", "spring.mail.port=465", "spring.mail.password="]


def g_oauth_code_query():
    code = rs(r.choice([32, 43]), AL + "-_")
    state = hexs(16)
    line = ("%s WARN  o.s.s.o.c.w.OAuth2LoginAuthenticationFilter : Authorization request failed: GET "
            "/login/oauth2/code/okta?code=%s&state=%s [invalid_grant]") % (ts_java(), code, state)
    return line, [code], ["/login/oauth2/code/okta", "invalid_grant", "OAuth2LoginAuthenticationFilter"]


def g_oauth_form():
    s = rs(34, AL + "~._-")
    line = ("%s ERROR TokenClient: POST https://login.example.com/oauth2/v2.0/token body=\"grant_type=client_credentials&"
            "client_id=%s&client_secret=%s&scope=api%%3A%%2F%%2Freports%%2F.default\" -> 401 invalid_client") % (ts_iso(), uid(), s)
    return line, [s], ["https://login.example.com/oauth2/v2.0/token", "invalid_client", "grant_type=client_credentials"]


def g_oauth_json():
    s = rs(48)
    rt = rs(64, AL + "-_")
    line = ("%s ERROR auth-service: token refresh failed payload={\"client_id\":\"mobile-app\",\"client_secret\":\"%s\","
            "\"refresh_token\":\"%s\",\"grant_type\":\"refresh_token\"} status=400") % (ts_iso(), s, rt)
    return line, [s, rt], ["\"client_id\":\"mobile-app\"", "auth-service", "status=400"]


def g_graphql():
    p = pw()
    e = email()
    line = ("%s ERROR apollo-server: GraphQLError: Unexpected error value operationName=Login "
            "variables={\"input\":{\"email\":\"%s\",\"password\":\"%s\",\"deviceId\":\"%s\"}}") % (ts_iso(), e, p, uid())
    return line, [e, p], ["GraphQLError", "operationName=Login", "deviceId"]


def g_grpc_md():
    t = jwt()
    line = ("%s WARN grpc: server: rpc error: code = Unauthenticated desc = invalid token; method=/billing.v1.Invoices/List "
            "metadata=map[:authority:[billing:50051] authorization:[Bearer %s] user-agent:[grpc-go/1.60.1]]") % (ts_go(), t)
    return line, [t], ["code = Unauthenticated", "/billing.v1.Invoices/List", "grpc-go/1.60.1"]


def g_grpc_apikey():
    k = rs(40)
    line = "E%s %s server.cc:311] Call to /search.Search/Query rejected, metadata: {'x-goog-api-key': 'AIza%s', 'x-request-id': '%s'}" % (
        "%02d%02d" % (r.randint(1, 12), r.randint(1, 28)), "%02d:%02d:%02d.%06d" % (r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999999)), k[:35], uid())
    return line, ["AIza" + k[:35]], ["server.cc:311", "/search.Search/Query", "x-goog-api-key"]


def g_java_tostring():
    p = pw()
    line = ("%s ERROR c.e.c.ConfigValidator : Invalid configuration: DataSourceConfig{url='jdbc:mysql://%s:3306/crm', "
            "username='%s', password='%s', poolSize=10}") % (ts_java(), r.choice(HOSTS), r.choice(USERS), p)
    return line, [p], ["DataSourceConfig{url=", "poolSize=10", "ConfigValidator"]


def g_java_tostring2():
    s = rs(32)
    line = ("%s WARN  c.e.i.SftpClient : Retrying with SftpProperties(host=sftp.partner.example.com, port=22, user=acme_upload, "
            "password=%s, privateKeyPath=/etc/keys/id_rsa, knownHosts=/etc/ssh/known_hosts)") % (ts_java(), s)
    return line, [s], ["sftp.partner.example.com", "privateKeyPath=/etc/keys/id_rsa", "knownHosts=/etc/ssh/known_hosts"]


def g_yaml():
    p = pw()
    line = ("%s ERROR config-loader: yaml: line 14: mapping values are not allowed in this context near: "
            "'  datasource:\\n    username: app\\n    password: %s\\n    url: jdbc:postgresql://db:5432/app'") % (ts_iso(), p)
    return line, [p], ["mapping values are not allowed in this context", "config-loader", "url: jdbc:postgresql://db:5432/app"]


def g_yaml_inline():
    k = rs(40, AL + "/+")
    line = "%s WARN helm: values override applied: {aws: {region: eu-west-1, secretAccessKey: %s}, replicas: 3}" % (ts_iso(), k)
    return line, [k], ["region: eu-west-1", "replicas: 3", "secretAccessKey"]


def g_properties():
    p = pw()
    line = "%s WARN  o.a.c.c.ConfigurationLoader : duplicate key in application.properties line 42: db.password=%s (previous value ignored)" % (
        ts_java(), p)
    return line, [p], ["application.properties line 42", "db.password=", "previous value ignored"]


def g_xml():
    p = pw()
    line = ("%s SEVERE [main] org.apache.catalina.startup.ContextConfig.parse Parse error in context.xml near "
            "<Resource name=\"jdbc/OrdersDB\" auth=\"Container\" type=\"javax.sql.DataSource\" username=\"orders\" password=\"%s\" "
            "url=\"jdbc:oracle:thin:@oradb:1521/ORCL\"/>") % (ts_java(), p)
    return line, [p], ["jdbc/OrdersDB", "javax.sql.DataSource", "org.apache.catalina.startup.ContextConfig.parse"]


def g_xml_soap():
    p = pw()
    line = ("%s ERROR SoapFaultInterceptor: fault for request <soapenv:Header><wsse:Security><wsse:UsernameToken>"
            "<wsse:Username>b2b-gateway</wsse:Username><wsse:Password Type=\"PasswordText\">%s</wsse:Password>"
            "</wsse:UsernameToken></wsse:Security></soapenv:Header>") % (ts_java(), p)
    return line, [p], ["SoapFaultInterceptor", "<wsse:Username>b2b-gateway</wsse:Username>", "PasswordText"]


def g_gcp_sa():
    kid = hexs(40)
    body = b64(r.randint(90, 120))
    pk = "-----BEGIN PRIVATE KEY-----\\n%s\\n-----END PRIVATE KEY-----\\n" % body
    line = ("%s ERROR google.auth: failed to load credentials from GOOGLE_APPLICATION_CREDENTIALS: {\"type\": \"service_account\", "
            "\"project_id\": \"acme-prod-3141\", \"private_key_id\": \"%s\", \"private_key\": \"%s\", "
            "\"client_email\": \"exporter@acme-prod-3141.iam.gserviceaccount.com\"}") % (ts_iso(), kid, pk)
    return line, [kid, body], ["\"project_id\": \"acme-prod-3141\"", "service_account", "google.auth"]


def g_gcp_apikey():
    k = "AIza" + rs(35, AL + "-_")
    line = "%s WARNING maps-client: quota exceeded for https://maps.googleapis.com/maps/api/geocode/json?address=Main+St&key=%s" % (ts_iso(), k)
    return line, [k], ["https://maps.googleapis.com/maps/api/geocode/json", "quota exceeded"]


def g_azure_storage():
    k = b64(64)
    line = ("%s fail: Azure.Storage.Blobs[0] Request failed: 403 AuthorizationFailure. ConnectionString="
            "DefaultEndpointsProtocol=https;AccountName=acmelogs01;AccountKey=%s;EndpointSuffix=core.windows.net") % (ts_iso(), k)
    return line, [k], ["AccountName=acmelogs01", "EndpointSuffix=core.windows.net", "AuthorizationFailure"]


def g_azure_sas():
    sig = b64(32).replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    line = ("%s WARN azcopy: transfer failed https://acmebackup.blob.core.windows.net/dumps/db.bak?sv=2022-11-02&ss=b&srt=co"
            "&sp=rwdlac&se=2025-01-01T00:00:00Z&spr=https&sig=%s : 403") % (ts_iso(), sig)
    return line, [sig], ["acmebackup.blob.core.windows.net/dumps/db.bak", "sv=2022-11-02", "azcopy"]


def g_azure_client_secret():
    s = rs(3) + "8Q~" + rs(34, AL + "_~.-")
    line = ("%s ERROR Azure.Identity: ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided. "
            "tenantId=%s clientId=%s clientSecret=%s") % (ts_iso(), uid(), uid(), s)
    return line, [s], ["AADSTS7000215", "ClientSecretCredential", "clientSecret="]


def g_aws_keys():
    ak = "AKIA" + rs(16, UP + "234567")
    sk = rs(40, AL + "/+")
    line = ("%s ERROR botocore.credentials: InvalidClientTokenId when calling GetCallerIdentity with "
            "aws_access_key_id=%s aws_secret_access_key=%s region=us-east-1") % (ts_java(), ak, sk)
    return line, [ak, sk], ["InvalidClientTokenId", "GetCallerIdentity", "region=us-east-1"]


def g_aws_env():
    ak = "ASIA" + rs(16, UP + "234567")
    sk = rs(40, AL + "/+")
    st = b64(r.randint(180, 240))
    line = ("%s WARN  runner: exported env for step 'deploy': AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s "
            "AWS_SESSION_TOKEN=%s AWS_DEFAULT_REGION=eu-central-1") % (ts_iso(), ak, sk, st)
    return line, [ak, sk, st], ["AWS_DEFAULT_REGION=eu-central-1", "exported env for step 'deploy'"]


def g_alibaba():
    ak = "LTAI" + rs(20)
    sk = rs(30)
    line = ("%s ERROR aliyun-oss-sdk: InvalidAccessKeyId.NotFound: Specified access key is not found. "
            "accessKeyId=%s accessKeySecret=%s endpoint=oss-cn-hangzhou.aliyuncs.com") % (ts_iso(), ak, sk)
    return line, [ak, sk], ["InvalidAccessKeyId.NotFound", "endpoint=oss-cn-hangzhou.aliyuncs.com"]


def g_oracle_oci():
    pp = pw()
    fp = ":".join(hexs(2) for _ in range(16))
    user = "ocid1.user.oc1..aaaaaaaa" + rs(52, string.ascii_lowercase + string.digits)
    line = ("%s ERROR oci.signer: NotAuthenticated (401) using profile DEFAULT user=%s fingerprint=%s "
            "key_file=~/.oci/oci_api_key.pem pass_phrase=%s region=eu-frankfurt-1") % (ts_iso(), user, fp, pp)
    return line, [pp], ["NotAuthenticated (401)", fp, "region=eu-frankfurt-1", user]


def g_ibm():
    k = rs(44, AL + "-_")
    line = ("%s ERROR ibm-cloud-sdk-core: IAM token request failed: BXNIM0415E: Provided API key could not be found. "
            "grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey=%s") % (ts_iso(), k)
    return line, [k], ["BXNIM0415E", "grant_type=urn:ibm:params:oauth:grant-type:apikey"]


def g_webhook_slack():
    tok = rs(24)
    path = "T%s/B%s/" % (rs(8, UP + string.digits), rs(10, UP + string.digits))
    line = "%s WARN alertmanager: notify retry: Post \"https://hooks.slack.com/services/%s%s\": context deadline exceeded" % (
        ts_iso(), path, tok)
    return line, [tok], ["https://hooks.slack.com/services/", "context deadline exceeded", "alertmanager"]


def g_webhook_discord():
    tok = rs(68, AL + "-_")
    line = "%s ERROR notifier: POST https://discord.com/api/webhooks/%s/%s returned 429 Too Many Requests" % (
        ts_iso(), digits(18), tok)
    return line, [tok], ["https://discord.com/api/webhooks/", "429 Too Many Requests"]


def g_webhook_generic():
    tok = hexs(48)
    line = "%s WARN  ci-hooks: deploy hook https://ci.example.com/hooks/deploy/%s/trigger failed with 502 Bad Gateway" % (ts_java(), tok)
    return line, [tok], ["https://ci.example.com/hooks/deploy/", "/trigger", "502 Bad Gateway"]


BIP = ["abandon", "ability", "absorb", "access", "acid", "actor", "adapt", "advice", "afford", "agent", "airport",
       "album", "alert", "alley", "alpha", "amazing", "anchor", "ancient", "animal", "answer", "antique", "apple",
       "arena", "armor", "arrow", "artist", "asset", "athlete", "auction", "autumn", "avocado", "awake", "bridge",
       "cactus", "dolphin", "eagle", "fossil", "galaxy", "harvest", "jungle", "kitten", "lumber", "mirror", "network",
       "oyster", "ribbon", "sunset", "timber", "tornado", "velvet", "wrist", "zoo"]


def g_crypto_seed():
    n = r.choice([12, 12, 24])
    ph = " ".join(r.choice(BIP) for _ in range(n))
    line = "%s ERROR wallet-svc: failed to derive account m/44'/60'/0'/0/0 from mnemonic \"%s\": invalid checksum" % (ts_iso(), ph)
    return line, [ph], ["m/44'/60'/0'/0/0", "invalid checksum", "wallet-svc"]


def g_crypto_privkey():
    k = hexs(64)
    addr = "0x" + hexs(40)
    line = "%s WARN  signer: nonce too low for from=%s, re-signing with privateKey=0x%s chainId=1" % (ts_iso(), addr, k)
    return line, [k], [addr, "nonce too low", "chainId=1"]


def g_crypto_wif():
    k = r.choice(["5H", "5J", "5K"]) + rs(49, B58)
    line = "%s ERROR btc-hot-wallet: importprivkey \"%s\" \"hot-01\" false -> error code -5: Invalid private key encoding" % (ts_iso(), k)
    return line, [k], ["importprivkey", "Invalid private key encoding", "\"hot-01\""]


# ---- personal data


def g_email():
    e = email()
    line = "%s WARN  c.e.n.EmailSender : Bounce received for recipient <%s>: 550 5.1.1 mailbox unavailable (campaign=spring-sale)" % (ts_java(), e)
    return line, [e], ["550 5.1.1 mailbox unavailable", "campaign=spring-sale"]


def g_email_json():
    e = email()
    line = "{\"level\":\"error\",\"ts\":\"%s\",\"msg\":\"signup rejected\",\"user\":{\"email\":\"%s\",\"plan\":\"pro\"},\"reason\":\"duplicate\"}" % (ts_iso(), e)
    return line, [e], ["\"msg\":\"signup rejected\"", "\"plan\":\"pro\"", "\"reason\":\"duplicate\""]


def g_phone():
    p = phone()
    line = "%s WARN  sms-gateway: delivery failed to %s: carrier rejected (errCode=30006, messageSid=SM%s)" % (ts_iso(), p, hexs(32))
    return line, [p], ["carrier rejected", "errCode=30006"]


def g_phone_kv():
    p = phone()
    e = email()
    line = "%s ERROR CustomerSync: upsert failed for contact{name='Dana Example', phone='%s', email='%s', tier=GOLD}: 409 Conflict" % (
        ts_java(), p, e)
    return line, [p, e], ["CustomerSync", "tier=GOLD", "409 Conflict"]


def g_nino():
    n = nino()
    line = "%s WARN  payroll-uk: RTI submission rejected by HMRC for employee 10442: invalid NI number %s (code 1046)" % (ts_java(), n)
    return line, [n], ["RTI submission rejected by HMRC", "code 1046", "employee 10442"]


def g_sin():
    s = sin()
    line = "%s ERROR hr-ca: T4 generation failed, SIN %s does not match CRA records for employee_id=77120" % (ts_iso(), s)
    return line, [s], ["T4 generation failed", "employee_id=77120"]


def g_cpf():
    c = cpf()
    line = "%s WARN  checkout-br: antifraude recusou pedido #%s cpf=%s motivo=score_baixo" % (ts_iso(), digits(7), c)
    return line, [c], ["antifraude recusou pedido", "motivo=score_baixo"]


def g_pan():
    p = pan()
    line = "%s ERROR kyc-in: PAN verification failed for pan=%s name_match=false (NSDL response code 3)" % (ts_iso(), p)
    return line, [p], ["PAN verification failed", "name_match=false", "NSDL response code 3"]


def g_aadhaar():
    a = aadhaar()
    line = "%s WARN  ekyc: UIDAI auth error K-100 for aadhaar_number=\"%s\" txn=UKC:%s" % (ts_iso(), a, digits(10))
    return line, [a], ["UIDAI auth error K-100", "ekyc"]


def g_dni():
    d = dni()
    line = "%s ERROR facturacion: NIF/DNI %s rechazado por AEAT al emitir factura F-2024-%s" % (ts_iso(), d, digits(5))
    return line, [d], ["rechazado por AEAT", "facturacion"]


def g_passport():
    kind = r.choice(["us", "uk", "de", "in"])
    if kind in ("us", "uk"):
        p = digits(9)
    elif kind == "de":
        p = r.choice("CFGHJK") + rs(8, "CFGHJKLMNPRTVWXYZ0123456789")
    else:
        p = r.choice(UP) + digits(7)
    line = "%s WARN  booking-api: APIS data incomplete for PNR %s: passport_number=%s nationality=%s expiry missing" % (
        ts_iso(), rs(6, UP), p, kind.upper())
    return line, [p], ["APIS data incomplete", "expiry missing"]


def g_dob():
    y, m, d = r.randint(1950, 2004), r.randint(1, 12), r.randint(1, 28)
    style = pick(["iso", "us", "eu", "text"])
    if style == "iso":
        val = "%d-%02d-%02d" % (y, m, d)
        line = "%s WARN  underwriting: applicant age check failed, date_of_birth=%s policy=LIFE-TERM-20" % (ts_iso(), val)
    elif style == "us":
        val = "%02d/%02d/%d" % (m, d, y)
        line = "%s ERROR PatientIntake: record merge conflict, DOB: %s does not match existing MRN %s" % (ts_java(), val, digits(8))
    elif style == "eu":
        val = "%02d.%02d.%d" % (d, m, y)
        line = "%s WARN  kyc-de: Geburtsdatum %s unplausibel fuer Kunde %s" % (ts_iso(), val, digits(6))
    else:
        months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December"]
        val = "%d %s %d" % (d, months[m - 1], y)
        line = "%s WARN  identity-check: customer states born on %s but document shows different birth date" % (ts_iso(), val)
    ctx = [c for c in ["date_of_birth=", "DOB:", "Geburtsdatum", "born on"] if c in line]
    return line, [val], ctx + ["WARN" if "WARN" in line else "ERROR"]


def g_iban():
    c = r.choice(["DE", "GB", "FR", "ES", "NL", "IT"])
    sp = r.random() < 0.5
    i = iban_fmt(iban(c), sp)
    line = "%s ERROR sepa-payout: SEPA credit transfer rejected (AC04 closed account) debtor IBAN %s, end_to_end_id=E2E-%s" % (
        ts_iso(), i, digits(10))
    return line, [i], ["AC04 closed account", "sepa-payout"]


def g_card():
    n = card_number()
    style = r.choice(["plain", "space", "dash"])
    c = fmt_card(n, style)
    tmpl = pick([
        "%s ERROR PaymentService: authorization declined for card %s exp=%02d/%02d reason=do_not_honor",
        "%s WARN  gateway: request body contained raw PAN \"cardNumber\":\"%s\", \"expiry\":\"%02d/%02d\" (PCI violation logged)",
        "%s ERROR stripe-adapter: tokenization failed number=%s exp_month=%d exp_year=20%02d",
    ])
    line = tmpl % (ts_iso(), c, r.randint(1, 12), r.randint(25, 30))
    return line, [c], ["do_not_honor"] if "do_not_honor" in line else (["PCI violation logged"] if "PCI" in line else ["tokenization failed"])


def g_card_cvv():
    n = card_number()
    cvv = digits(4 if n.startswith("3") else 3)
    line = "%s ERROR checkout: payment_method={type: card, number: %s, cvc: %s, holder: \"A N OTHER\"} rejected by issuer" % (ts_iso(), n, cvv)
    return line, [n, cvv], ["rejected by issuer", "type: card"]


def g_bank_us():
    acct = digits(r.randint(9, 12))
    rt = aba()
    line = "%s WARN  ach-origination: NACHA R03 no account/unable to locate for routing_number=%s account_number=%s batch=%s" % (
        ts_iso(), rt, acct, digits(6))
    return line, [rt, acct], ["R03 no account/unable to locate", "ach-origination"]


def g_bank_uk():
    sc = "%s-%s-%s" % (digits(2), digits(2), digits(2))
    acct = digits(8)
    line = "%s ERROR bacs-client: modulus check failed sort code %s account %s (payee ref INV-%s)" % (ts_iso(), sc, acct, digits(5))
    return line, [sc, acct], ["modulus check failed", "bacs-client"]


# ---- hard negatives (secrets: [])


def n_uuid_trace():
    u = uid()
    t = hexs(32)
    s = hexs(16)
    line = "%s WARN  gateway: upstream timeout after 30000ms request_id=%s trace_id=%s span_id=%s" % (ts_iso(), u, t, s)
    return line, [], [u, t, s]


def n_traceparent():
    tp = "00-%s-%s-01" % (hexs(32), hexs(16))
    line = "%s ERROR otel: dropped span, traceparent: %s exporter queue full" % (ts_iso(), tp)
    return line, [], [tp]


def n_hashes():
    a, b = hexs(64), hexs(64)
    line = "%s ERROR artifact-fetch: checksum mismatch for app-2.14.3.jar expected sha256=%s got sha256=%s" % (ts_java(), a, b)
    return line, [], [a, b]


def n_git():
    c = hexs(40)
    line = "%s WARN  deployer: rollout halted at commit %s (branch=release/2024.09) health check failing" % (ts_iso(), c)
    return line, [], [c, "release/2024.09"]


def n_digest():
    d = "sha256:" + hexs(64)
    line = "%s ERROR kubelet: Failed to pull image \"registry.example.com/api@%s\": manifest unknown" % (ts_go(), d)
    return line, [], [d]


def n_keyname():
    line = pick([
        "%s ERROR o.s.b.d.LoggingFailureAnalysisReporter : Failed to bind properties under 'spring.datasource.password': property is required",
        "%s WARN  botocore.credentials: AWS_SECRET_ACCESS_KEY is not set, falling back to instance metadata",
        "%s ERROR TokenClient: client_secret is required when grant_type=client_credentials",
        "%s WARN  config: key 'db.password' is deprecated, use 'db.credentials.passwordFile' instead",
        "%s ERROR kafka: sasl.jaas.config must be set when security.protocol=SASL_SSL",
        "%s WARN  helm: secretAccessKey is empty in values.yaml; using IRSA role instead",
        "%s ERROR ldap: bindPassword not configured for bindDn cn=reader,dc=example,dc=com",
        "%s WARN  mail: spring.mail.password missing, SMTP AUTH disabled",
    ]) % ts_java()
    k = [w for w in ["spring.datasource.password", "AWS_SECRET_ACCESS_KEY", "client_secret", "db.password",
                     "sasl.jaas.config", "secretAccessKey", "bindPassword", "spring.mail.password"] if w in line]
    return line, [], k


def n_placeholder():
    ph = pick([
        ("password=****", "password=****"),
        ("Authorization: Bearer <hidden>", "<hidden>"),
        ("api_key=[REDACTED]", "[REDACTED]"),
        ("DB_PASSWORD=${DB_PASSWORD}", "${DB_PASSWORD}"),
        ("client_secret: {{ .Values.oauth.clientSecret }}", "{{ .Values.oauth.clientSecret }}"),
        ("password: ********", "********"),
        ("token=<redacted>", "<redacted>"),
        ("AccountKey=***;", "AccountKey=***;"),
        ("\"password\": \"xxxxxxxx\"", "xxxxxxxx"),
        ("secret=%(SECRET)s", "%(SECRET)s"),
        ("apiKey: process.env.API_KEY", "process.env.API_KEY"),
        ("password=<PASSWORD>", "<PASSWORD>"),
    ])
    line = "%s WARN  config-dump: effective setting %s (source=env)" % (ts_iso(), ph[0])
    return line, [], [ph[1]]


def n_pubkey():
    k = pick(["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + b64(32)[:43],
                  "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ" + b64(200)], key="n_pubkey")
    line = "%s WARN  sshd-provisioner: authorized_keys entry rejected (duplicate): %s deploy@ci-runner" % (ts_iso(), k)
    return line, [], [k]


def n_pem_public():
    b = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + b64(60)
    line = "%s ERROR jwks: could not parse verification key -----BEGIN PUBLIC KEY-----\\n%s\\n-----END PUBLIC KEY----- for kid=%s" % (ts_iso(), b, hexs(16))
    return line, [], [b, "-----BEGIN PUBLIC KEY-----"]


def n_eth_address():
    a = "0x" + hexs(40)
    tx = "0x" + hexs(64)
    line = "%s WARN  indexer: tx %s from %s reverted: execution reverted: ERC20: transfer amount exceeds balance" % (ts_iso(), tx, a)
    return line, [], [a, tx]


def n_realm():
    line = pick([
        "%s WARN  http-client: 401 Unauthorized, WWW-Authenticate: Basic realm=\"Restricted Area\", charset=\"UTF-8\"",
        "%s WARN  http-client: 401 Unauthorized, WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\", error_description=\"The access token expired\"",
        "%s ERROR proxy: 407 Proxy Authentication Required, Proxy-Authenticate: Basic realm=\"corp-proxy\"",
        "%s WARN  registry: 401 WWW-Authenticate: Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/nginx:pull\"",
    ]) % ts_iso()
    k = [x for x in ["realm=\"Restricted Area\"", "error=\"invalid_token\"", "realm=\"corp-proxy\"",
                     "realm=\"https://auth.docker.io/token\""] if x in line]
    return line, [], k


def n_token_expired():
    line = pick([
        "%s WARN  auth-filter: JWT expired at 2024-06-01T10:00:00Z. Current time: 2024-06-01T10:05:12Z. Allowed clock skew: 0 milliseconds.",
        "%s ERROR oauth: access token expired for client_id=web-portal, refreshing (attempt 2/3)",
        "%s WARN  TokenExpiredException: token expired 312 seconds ago",
        "%s ERROR github-app: installation token expired, requesting new one for installation_id=%s" % ("%s", digits(8)),
        "%s WARN  session: refresh token revoked or expired (reason=password_changed)",
        "%s ERROR sso: SAML assertion NotOnOrAfter exceeded; password reset link expired for request %s" % ("%s", uid()),
    ]) % ts_iso()
    return line, [], ["expired"]


def n_luhn_fail():
    n = bad_luhn_16()
    style = pick(["plain", "space", "dash"])
    c = fmt_card(n, style)
    line = pick([
        "%s WARN  fulfillment: shipment tracking number %s not found at carrier",
        "%s ERROR billing: invoice %s could not be matched to a customer",
        "%s WARN  import: row 118 order_ref=%s duplicates existing order",
        "%s ERROR card-validator: rejected input %s: failed Luhn check",
    ]) % (ts_iso(), c)
    return line, [], [c]


def n_numbers():
    ep = "17" + digits(11)
    off = str(r.randint(10 ** 8, 10 ** 10))
    line, k = pick([
        ("%s WARN  consumer: partition orders-7 lag=%s offset=%s epoch_ms=%s" % ("%s", digits(6), off, ep), [off, ep]),
        ("%s ERROR pool: HikariPool-1 - Connection is not available, request timed out after 30005ms (total=%s, active=%s, idle=0)" % (
            "%s", r.randint(10, 50), r.randint(10, 50)), ["HikariPool-1", "30005ms"]),
        ("%s WARN  gc: G1 Evacuation Pause (young) %sM->%sM(4096M) %s.%sms" % (
            "%s", r.randint(1000, 3000), r.randint(200, 900), r.randint(10, 99), digits(3)), ["G1 Evacuation Pause", "(4096M)"]),
        ("%s ERROR build: version mismatch 3.14.159 != 3.14.160 for module core (build #%s)" % ("%s", digits(5)), ["3.14.159", "3.14.160"]),
    ], key="n_numbers")
    return line % ts_iso(), [], k


def n_password_policy():
    line = pick([
        "%s WARN  signup: password rejected: must be at least 12 characters and contain a digit",
        "%s ERROR auth: invalid password for user id 48213 (attempt 3 of 5), account will be locked",
        "%s WARN  vault: secret engine kv-v2 mounted at secret/ is sealed",
        "%s ERROR api: missing Authorization header on GET /v1/reports",
        "%s WARN  keystore: keystore password was incorrect for /etc/ssl/server.p12",
    ]) % ts_java()
    return line, [], ["password" if "password" in line else ("secret/" if "secret/" in line else "Authorization")]


def n_base64_data():
    d = b64(r.randint(20, 40))
    line = "%s WARN  image-proxy: thumbnail cache miss for etag=\"%s\" content-md5=%s" % (ts_iso(), hexs(32), d[:24])
    return line, [], [d[:24]]


def n_iso_dates():
    line = "%s ERROR scheduler: job nightly-export scheduled for 2024-09-30 missed (last success 2024-09-28T02:00:00Z)" % ts_iso()
    return line, [], ["2024-09-30", "2024-09-28T02:00:00Z"]


def n_ids():
    cust = "cus_" + rs(14)
    line = "%s WARN  billing: customer %s has no default payment method (subscription sub_%s, plan price_%s)" % (
        ts_iso(), cust, rs(14), rs(14))
    return line, [], [cust]


def n_short_phone_like():
    v = "%d.%d.%d" % (r.randint(1, 9), r.randint(0, 30), r.randint(0, 200))
    port = r.randint(30000, 32767)
    line = "%s ERROR k8s: Service nodePort %s already allocated; chart version %s; pid %s exited with code 137" % (ts_go(), port, v, pid())
    return line, [], [str(port), v]


KINDS = [
    ("spring-datasource", g_spring_datasource, 3),
    ("okhttp-bearer", g_okhttp_auth, 3),
    ("okhttp-apikey", g_okhttp_apikey, 3),
    ("dotnet-connstr", g_dotnet_connstr, 3),
    ("dotnet-header", g_dotnet_exception, 3),
    ("go-http-dump", g_go_http_dump, 3),
    ("go-struct-password", g_go_struct, 3),
    ("go-struct-token", g_go_struct_token, 3),
    ("php-pdo", g_php_pdo, 3),
    ("php-query-apikey", g_php_warning, 2),
    ("ruby-faraday", g_ruby_faraday, 3),
    ("ruby-rails-params", g_ruby_rails_params, 3),
    ("node-axios", g_node_axios, 3),
    ("node-slack-token", g_node_env_dump, 2),
    ("python-urllib3-query", g_python_requests, 3),
    ("python-url-userinfo", g_python_traceback, 3),
    ("kafka-jaas", g_kafka_jaas, 3),
    ("rabbitmq-amqp", g_rabbitmq, 3),
    ("elasticsearch-url", g_elasticsearch, 3),
    ("elasticsearch-apikey", g_elastic_apikey, 2),
    ("snowflake-dsn", g_snowflake, 3),
    ("clickhouse-dsn", g_clickhouse, 3),
    ("mssql-dsn", g_mssql, 3),
    ("mongo-srv", g_mongo, 3),
    ("redis-url", g_redis, 2),
    ("ldap-bind", g_ldap, 3),
    ("smtp-auth-plain", g_smtp, 2),
    ("smtp-properties", g_smtp_props, 2),
    ("oauth-code-query", g_oauth_code_query, 3),
    ("oauth-form-body", g_oauth_form, 3),
    ("oauth-json", g_oauth_json, 3),
    ("graphql-variables", g_graphql, 3),
    ("grpc-metadata-bearer", g_grpc_md, 3),
    ("grpc-metadata-apikey", g_grpc_apikey, 2),
    ("java-tostring", g_java_tostring, 3),
    ("java-lombok-tostring", g_java_tostring2, 3),
    ("yaml-snippet", g_yaml, 3),
    ("yaml-inline", g_yaml_inline, 2),
    ("properties", g_properties, 3),
    ("xml-attr", g_xml, 3),
    ("xml-soap", g_xml_soap, 2),
    ("gcp-service-account", g_gcp_sa, 3),
    ("gcp-api-key", g_gcp_apikey, 2),
    ("azure-storage-key", g_azure_storage, 3),
    ("azure-sas", g_azure_sas, 2),
    ("azure-client-secret", g_azure_client_secret, 2),
    ("aws-keys", g_aws_keys, 3),
    ("aws-env-session", g_aws_env, 2),
    ("alibaba-keys", g_alibaba, 2),
    ("oracle-oci", g_oracle_oci, 2),
    ("ibm-apikey", g_ibm, 2),
    ("webhook-slack", g_webhook_slack, 2),
    ("webhook-discord", g_webhook_discord, 2),
    ("webhook-generic", g_webhook_generic, 2),
    ("crypto-seed-phrase", g_crypto_seed, 3),
    ("crypto-eth-privkey", g_crypto_privkey, 3),
    ("crypto-wif", g_crypto_wif, 2),
    ("pii-email", g_email, 3),
    ("pii-email-json", g_email_json, 3),
    ("pii-phone", g_phone, 6),
    ("pii-phone-email", g_phone_kv, 4),
    ("pii-uk-nino", g_nino, 3),
    ("pii-ca-sin", g_sin, 3),
    ("pii-br-cpf", g_cpf, 3),
    ("pii-in-pan", g_pan, 3),
    ("pii-in-aadhaar", g_aadhaar, 3),
    ("pii-es-dni", g_dni, 3),
    ("pii-passport", g_passport, 3),
    ("pii-dob", g_dob, 4),
    ("pii-iban", g_iban, 4),
    ("pii-card", g_card, 5),
    ("pii-card-cvv", g_card_cvv, 3),
    ("pii-bank-us", g_bank_us, 3),
    ("pii-bank-uk", g_bank_uk, 3),
    ("neg-uuid-trace", n_uuid_trace, 7),
    ("neg-traceparent", n_traceparent, 4),
    ("neg-sha256", n_hashes, 5),
    ("neg-git-sha", n_git, 4),
    ("neg-image-digest", n_digest, 3),
    ("neg-key-name-only", n_keyname, 9),
    ("neg-placeholder", n_placeholder, 14),
    ("neg-ssh-pubkey", n_pubkey, 3),
    ("neg-pem-public", n_pem_public, 3),
    ("neg-eth-address-txhash", n_eth_address, 3),
    ("neg-auth-challenge", n_realm, 4),
    ("neg-token-expired", n_token_expired, 6),
    ("neg-luhn-fail", n_luhn_fail, 8),
    ("neg-numbers", n_numbers, 4),
    ("neg-password-words", n_password_policy, 5),
    ("neg-base64-md5", n_base64_data, 2),
    ("neg-dates-no-context", n_iso_dates, 2),
    ("neg-vendor-ids", n_ids, 2),
    ("neg-ports-versions", n_short_phone_like, 2),
]


def spans(line, s):
    out, i = [], line.find(s)
    while i >= 0:
        out.append((i, i + len(s)))
        i = line.find(s, i + 1)
    return out


def validate(rec):
    line = rec["line"]
    assert "\n" not in line and "\r" not in line, rec["id"]
    sec = []
    for s in rec["secrets"]:
        assert s and s in line, (rec["id"], s)
        sec += spans(line, s)
    for k in rec["keep"]:
        assert k and k in line, (rec["id"], k)
        for a, b in spans(line, k):
            for c, d in sec:
                assert b <= c or a >= d, (rec["id"], "keep overlaps secret", k)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 generate.py OUT_FILE")
    recs = []
    for kind, fn, n in KINDS:
        for i in range(1, n + 1):
            line, secrets, keep = fn()
            rec = {"id": "%s-%d" % (kind, i), "line": line, "secrets": secrets, "keep": keep}
            validate(rec)
            recs.append(rec)
    with open(sys.argv[1], "w", encoding="utf-8", newline="\n") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")


if __name__ == "__main__":
    main()
