#!/usr/bin/env python3
"""Writes samples/errors/driver-errors.ndjson: every driver / proxy error string of formats.md
sections 3 and 4, as it appears in a Lambda log.

    python3 samples/errors/make_errors.py [--out SAMPLES_ROOT]

It writes that one file. real-world.ndjson and README-real-world.md beside it are real error
lines collected by hand: nothing regenerates them, and this builder never touches them.

Python 3 standard library only; shared helpers in samples/sample_model.py.
"""

import json
import os
import sys
from datetime import datetime, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from sample_model import *  # noqa: E402,F403  (the helpers read as they did in the single script)

# SEED advanced by the 45154 words that the shared ids, the incident, containers/ and lines/ drew before this builder
# when one generator fed them all: this folder keeps its bytes from before the split, and no
# longer moves when another builder changes.
SKIP = 45154


# --------------------------------------------------------------------------------------
# errors: every driver / proxy error string of formats.md sections 3 and 4, as logged
# --------------------------------------------------------------------------------------

PY_Q = [("/var/task/handler.py", 61, "lambda_handler", "rows = repo.fetch(conn, key)"),
        ("/var/task/app/repo.py", 37, "fetch", "cur.execute(SQL_FETCH, (key,))")]


def py_c(call):
    return [("/var/task/handler.py", 52, "lambda_handler", "conn = db.get_connection()"),
            ("/var/task/app/db.py", 19, "get_connection", call)]


SA_Q = [("/var/task/handler.py", 61, "lambda_handler", "rows = session.execute(stmt).all()"),
        ("/var/lang/lib/python3.12/site-packages/sqlalchemy/orm/session.py", 2362, "execute", "return self._execute_internal(")]


def node_stack(cls, msg, frames):
    return ["%s: %s" % (cls, msg)] + ["    at " + f for f in frames]


def java_ts(t):
    return datetime.fromtimestamp(t // 1000, timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def go_ts(t):
    return datetime.fromtimestamp(t // 1000, timezone.utc).strftime("%Y/%m/%d %H:%M:%S")


def build_errors():
    rows = []
    clock = [lt(17, 0, 0)]

    def nt():
        clock[0] += R.randint(900, 21000)
        return clock[0]

    def add(message, category, driver, code, phase, source, evidence, runtime, error_class, note=None):
        r = {"message": message, "category": category, "driver": driver, "code": code, "phase": phase,
             "source": source, "verified": evidence != "U", "evidence": evidence, "runtime": runtime,
             "error_class": error_class}
        if note:
            r["note"] = note
        rows.append(r)

    def py(etype, msg, frames=PY_Q):
        return py_error_event(etype, msg, frames)

    def dn(exc):
        return dn_text(nt(), uid(), "fail", exc)

    def node_text(obj):
        t = nt()
        return "%s\t%s\tERROR\tInvoke Error \t%s\n" % (iso_ms(t), uid(), compact(obj))

    def node_json(obj):
        t = nt()
        return compact({"timestamp": iso_ms(t), "level": "ERROR", "requestId": uid(), "message": obj})

    def java(level, logger, text, exc_lines):
        t = nt()
        return "%s %s %-5s %s - %s\n%s\n" % (java_ts(t), uid(), level, logger, text, "\n".join(exc_lines))

    def go(text):
        return "%s %s\n" % (go_ts(nt()), text)

    S4 = "formats.md section 4"
    S3 = "formats.md section 3"
    SX = "Microsoft.Data.SqlClient.SqlException"

    # ---------------- .NET SqlClient / System.Data.SqlClient
    add(dn(sqlexception("Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.",
                        "System.ComponentModel.Win32Exception (258): The wait operation timed out.", DN_ONERROR + DN_INSERT, -2, 11)),
        "query-timeout", "Microsoft.Data.SqlClient", "-2", "query", S4 + " .NET", "V", "dotnet8", SX)
    add(dn("System.Data.SqlClient.SqlException (0x80131904): Timeout expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.\n"
           " ---> System.ComponentModel.Win32Exception (258): The wait operation timed out\n"
           "   --- End of inner exception stack trace ---\n"
           "   at System.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)\n"
           "   at System.Data.SqlClient.SqlCommand.ExecuteNonQuery()\n"
           "   at JournalWriter.Data.EntryRepository.InsertLines(SqlTransaction tx, IReadOnlyList`1 lines) in /src/JournalWriter/Data/EntryRepository.cs:line 74\n"
           "ClientConnectionId:%s\nError Number:-2,State:0,Class:11" % uid()),
        "query-timeout", "System.Data.SqlClient", "-2", "query", S4 + " .NET (old wording)", "V", "dotnet8", "System.Data.SqlClient.SqlException")
    add(dn(sqlexception("Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.  This could be because the pre-login handshake failed or the server was unable to respond back in time.  The duration spent while attempting to connect to this server was - [Pre-Login] initialization=21041; handshake=4; ",
                        "System.ComponentModel.Win32Exception (258): The wait operation timed out.", DN_OPEN, -2, 11)),
        "connection-timeout", "Microsoft.Data.SqlClient", "-2", "connect", S4 + " .NET", "V", "dotnet8", SX)
    add(dn(sqlexception("Connection Timeout Expired.  The timeout period elapsed at the start of the pre-login phase.", None, DN_OPEN, -2, 11)),
        "connection-timeout", "Microsoft.Data.SqlClient", "-2", "connect", S4 + " .NET", "V", "dotnet8", SX,
        note="only the first sentence is verified; a real message may continue with a duration clause")
    add(dn(sqlexception("Connection Timeout Expired.  The timeout period elapsed while attempting to create and initialize a socket to the server.", None, DN_OPEN, -2, 11)),
        "connection-timeout", "Microsoft.Data.SqlClient", "-2", "connect", S4 + " .NET", "V", "dotnet8", SX,
        note="only the first sentence is verified; a real message may continue with a duration clause")
    add(dn("System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.\n"
           "   at Microsoft.Data.Common.ADP.ExceptionWithStackTrace(Exception e)\n"
           "   at JournalWriter.Data.SqlSession.OpenAsync() in /src/JournalWriter/Data/SqlSession.cs:line 24\n"
           "   at JournalWriter.Function.FunctionHandler(SQSEvent sqsEvent, ILambdaContext context) in /src/JournalWriter/Function.cs:line 49"),
        "connection-timeout", "Microsoft.Data.SqlClient (client pool)", "0x80131509", "connect", S4 + " .NET (ADP_PooledOpenTimeout)", "V", "dotnet8", "System.InvalidOperationException")
    add(dn(sqlexception("A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An established connection was aborted by the software in your host machine.)",
                        "System.ComponentModel.Win32Exception (10053): An established connection was aborted by the software in your host machine.", DN_ONERROR + DN_INSERT, 10053, 20)),
        "stale-connection", "Microsoft.Data.SqlClient", "10053", "query", S4 + " .NET", "V", "dotnet8", SX)
    add(dn(sqlexception("A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)",
                        "System.ComponentModel.Win32Exception (10054): An existing connection was forcibly closed by the remote host.", DN_ONERROR + DN_INSERT, 10054, 20)),
        "stale-connection", "Microsoft.Data.SqlClient", "10054", "query", S4 + " .NET", "V", "dotnet8", SX)
    add(dn("System.InvalidOperationException: The transaction associated with the current connection has completed but has not been disposed.  The transaction must be disposed before the connection can be used to execute SQL statements.\n"
           "   at Microsoft.Data.SqlClient.SqlInternalConnectionTds.ValidateConnectionForExecute(SqlCommand command)\n"
           "   at Microsoft.Data.SqlClient.SqlCommand.ValidateCommand(Boolean isAsync, String method)\n" + "\n".join(DN_INSERT)),
        "transaction-state", "Microsoft.Data.SqlClient", None, "query", S4 + " .NET (ADP_TransactionCompletedButNotDisposed)", "V", "dotnet8", "System.InvalidOperationException")
    add(dn(sqlexception("The server failed to resume the transaction. Desc:3400000005.", None, DN_ONERROR + DN_INSERT, 3971, 16)),
        "transaction-state", "Microsoft.Data.SqlClient", "3971", "query", S4 + " .NET (SQL Server 3971)", "V", "dotnet8", SX)
    add(dn(sqlexception("Distributed transaction completed. Either enlist this session in a new transaction or the NULL transaction.", None, DN_ONERROR + DN_INSERT, 8525, 16)),
        "transaction-state", "Microsoft.Data.SqlClient", "8525", "query", S4 + " .NET (dotnet/SqlClient#1623)", "V", "dotnet8", SX)
    add(dn(sqlexception("Timed-out waiting to acquire database connection", None, DN_ONERROR + DN_SESSION, 0, 20)),
        "connection-timeout", "Microsoft.Data.SqlClient via RDS Proxy", "0", "query", S3 + " (SQL Server client text not found)", "U", "dotnet8", SX,
        note="the RDS Proxy borrow timeout as SqlClient would show it; the rendering (number 0, class 20) is the corpus's assumption")

    # ---------------- pyodbc + ODBC Driver 17/18
    odbc_c = py_c("return pyodbc.connect(CONN_STR, timeout=15)")
    add(py("OperationalError", "('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (0) (SQLExecDirectW)')"),
        "stale-connection", "pyodbc / ODBC Driver 17", "08S01", "query", S4 + " pyodbc", "V2", "python3.12", "OperationalError")
    add(py("OperationalError", "('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\\r\\n (10054) (SQLExecDirectW); [08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (10054)')"),
        "stale-connection", "pyodbc / ODBC Driver 17", "08S01", "query", S4 + " pyodbc", "V2", "python3.12", "OperationalError",
        note="\\r\\n appears as the four characters backslash-r backslash-n: str() of the args tuple uses repr()")
    add(py("OperationalError", "('HYT00', '[HYT00] [Microsoft][ODBC Driver 18 for SQL Server]Query timeout expired (0) (SQLExecDirectW)')"),
        "query-timeout", "pyodbc / ODBC Driver 18", "HYT00", "query", S4 + " pyodbc", "V2", "python3.12", "OperationalError",
        note="HYT00 is shared with login timeouts: decide by 'Query timeout' / SQLExecDirectW")
    add(py("OperationalError", "('HYT00', '[HYT00] [Microsoft][ODBC Driver 17 for SQL Server]Login timeout expired (0) (SQLDriverConnect)')", odbc_c),
        "connection-timeout", "pyodbc / ODBC Driver 17", "HYT00", "connect", S4 + " pyodbc", "V2", "python3.12", "OperationalError",
        note="HYT00 is shared with query timeouts: decide by 'Login timeout' / SQLDriverConnect")
    add(py("OperationalError", "('HYT01', '[HYT01] [Microsoft][ODBC Driver 18 for SQL Server]Connection timeout expired (0) (SQLExecDirectW)')"),
        "connection-timeout", "pyodbc / ODBC Driver 18", "HYT01", "unknown", S4 + " pyodbc (HYT01 exists, no sample found)", "U", "python3.12", "OperationalError")
    add(py("OperationalError", "('HY000', \"[HY000] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]Database 'journal' on server 'journal-db' is not currently available.  Please retry the connection later.  If the problem persists, contact customer support, and provide them the session tracing ID of '6A1F52C6-0B3E-4D7A-9C55-2E86D3B1F0A4'. (40613) (SQLDriverConnect)\")", odbc_c),
        "other", "pyodbc / ODBC Driver 18", "40613", "connect", S4 + " pyodbc (Azure-style transient)", "V2", "python3.12", "OperationalError",
        note="only the 'is not currently available.  Please retry the connection later.' part and the (40613) number are from formats.md")

    # ---------------- pymssql / FreeTDS
    mssql_c = py_c("return pymssql.connect(server=HOST, user=USER, password=PASSWORD, database=DB, login_timeout=15)")
    add(py("OperationalError", "(20003, b'DB-Lib error message 20003, severity 6:\\nAdaptive Server connection timed out (journal-db.internal:1433)\\n')", mssql_c),
        "connection-timeout", "pymssql / FreeTDS", "20003", "connect", S4 + " pymssql", "V", "python3.12", "OperationalError",
        note="20003 is raised both for connect stalls and for queries past timeout=: this row is in the connect phase")
    add(py("OperationalError", "(20003, b'DB-Lib error message 20003, severity 6:\\nAdaptive Server connection timed out (journal-db.internal:1433)\\n')"),
        "query-timeout", "pymssql / FreeTDS", "20003", "query", S4 + " pymssql (ctds test with WAITFOR DELAY)", "V", "python3.12", "OperationalError",
        note="same text as the connect row: only the phase (connection already used) makes it a query timeout")
    add(py("OperationalError", "(20002, b'DB-Lib error message 20002, severity 9:\\nAdaptive Server connection failed (journal-db.internal)\\n')", mssql_c),
        "other", "pymssql / FreeTDS", "20002", "connect", S4 + " pymssql", "V2", "python3.12", "OperationalError")
    add(py("OperationalError", "(20006, b'DB-Lib error message 20006, severity 9:\\nWrite to the server failed\\nNet-Lib error during Connection reset by peer (104)\\n')"),
        "stale-connection", "pymssql / FreeTDS", "20006", "query", S4 + " pymssql (SQLAlchemy disconnect list)", "V", "python3.12", "OperationalError",
        note="'message 20006' and 'Net-Lib error during Connection reset by peer' are in the list; the severity and layout are assembled")
    add(py("OperationalError", "(20017, b'DB-Lib error message 20017, severity 9:\\nUnexpected EOF from the server (10.42.48.71:1433)\\n')"),
        "stale-connection", "pymssql / FreeTDS", "20017", "query", S4 + " pymssql (SQLAlchemy disconnect list)", "V", "python3.12", "OperationalError",
        note="severity and layout assembled")
    add(py("OperationalError", "(20047, b'DB-Lib error message 20047, severity 1:\\nDBPROCESS is dead or not enabled\\n')"),
        "stale-connection", "pymssql / FreeTDS", "20047", "query", S4 + " pymssql (SQLAlchemy disconnect list)", "V", "python3.12", "OperationalError",
        note="severity and layout assembled")
    add(py("OperationalError", "(20009, b'DB-Lib error message 20009, severity 9:\\nUnable to connect: Adaptive Server is unavailable or does not exist (journal-db.internal)\\n')", mssql_c),
        "other", "pymssql / FreeTDS", "20009", "connect", S4 + " pymssql", "U", "python3.12", "OperationalError")

    # ---------------- libpq / psycopg2 / psycopg3
    pg_c = py_c("return psycopg2.connect(DSN, connect_timeout=5)") + [FR_PSYCOPG]
    add(py("OperationalError", "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n"),
        "stale-connection", "psycopg2 / libpq", None, "query", S4 + " libpq", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "consuming input failed: server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.",
           [("/var/task/handler.py", 61, "lambda_handler", "rows = repo.fetch(conn, key)"),
            ("/var/task/app/repo.py", 37, "fetch", "cur.execute(SQL_FETCH, (key,))"),
            ("/var/lang/lib/python3.12/site-packages/psycopg/cursor.py", 97, "execute", "raise ex.with_traceback(None)")]),
        "stale-connection", "psycopg 3", None, "query", S4 + " libpq (psycopg/psycopg#731)", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "SSL SYSCALL error: EOF detected\n"),
        "stale-connection", "psycopg2 / libpq", None, "query", S4 + " libpq", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "SSL connection has been closed unexpectedly\n"),
        "stale-connection", "psycopg2 / libpq", None, "query", S4 + " libpq", "V", "python3.12", "OperationalError")
    add(py("InterfaceError", "connection already closed"),
        "stale-connection", "psycopg2", None, "query", S4 + " libpq", "V", "python3.12", "InterfaceError")
    add(py("AdminShutdown", "terminating connection due to administrator command\nserver closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n\tbefore or while processing the request.\n"),
        "stale-connection", "psycopg2 / libpq", "57P01", "query", S4 + " libpq", "V2", "python3.12", "AdminShutdown")
    add(py("QueryCanceled", "canceling statement due to statement timeout\n"),
        "query-timeout", "psycopg2 / libpq", "57014", "query", S4 + " libpq", "V", "python3.12", "QueryCanceled")
    add(py("IdleInTransactionSessionTimeout", "terminating connection due to idle-in-transaction timeout",
           [("/var/task/handler.py", 70, "lambda_handler", "repo.reserve(conn, res)"),
            ("/var/task/app/repo.py", 58, "reserve", "cur.execute(SQL_RESERVE, params)"),
            ("/var/lang/lib/python3.12/site-packages/psycopg/cursor.py", 97, "execute", "raise ex.with_traceback(None)")]),
        "transaction-state", "psycopg 3", "25P03", "query", S4 + " libpq (formats.md: QTO/TXN)", "V", "python3.12", "IdleInTransactionSessionTimeout",
        note="the server ended a session that sat in an open transaction: a symptom of a leaked transaction, not of a slow query")
    add(py("ConnectionException", "Timed-out waiting to acquire database connection\n"),
        "connection-timeout", "psycopg2 via RDS Proxy", "08000", "query", S3 + " (source #54547532754)", "V2", "python3.12", "ConnectionException")
    add(py("InFailedSqlTransaction", "current transaction is aborted, commands ignored until end of transaction block\n"),
        "transaction-state", "psycopg2 / libpq", "25P02", "query", S4 + " libpq", "V2", "python3.12", "InFailedSqlTransaction")
    add(py("OperationalError", 'connection to server at "inventory-pg-proxy.%s.%s.rds.amazonaws.com" (10.42.33.206), port 5432 failed: timeout expired\n' % (PROXY_SUFFIX, REGION), pg_c),
        "connection-timeout", "psycopg2 / libpq", None, "connect", "libpq connect_timeout as in the public corpus", "V2", "python3.12", "OperationalError")

    # ---------------- node-postgres
    add(node_text({"errorType": "Error", "errorMessage": "Connection terminated unexpectedly",
                   "stack": node_stack("Error", "Connection terminated unexpectedly", ["Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:73)", "Object.onceWrapper (node:events:634:28)", "Connection.emit (node:events:520:28)"])}),
        "stale-connection", "node-postgres (pg)", None, "query", S4 + " node-postgres", "V", "nodejs20.x", "Error")
    add(node_json({"errorType": "Error", "errorMessage": "Connection terminated",
                   "stackTrace": node_stack("Error", "Connection terminated", ["Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:36)", "Object.onceWrapper (node:events:634:28)"])}),
        "other", "node-postgres (pg)", None, "query", S4 + " node-postgres; brianc/node-postgres packages/pg/lib/client.js: this._ending ? 'Connection terminated' : 'Connection terminated unexpectedly' (since pg 7.0, commit 76c59a01)", "V", "nodejs20.x", "Error",
        note="'Connection terminated' (without 'unexpectedly') is what client.end() produces: queries still running when the application ended the client (pg-pool ends a client only on release, when it has none running)")
    add(node_json({"errorType": "Error", "errorMessage": "timeout exceeded when trying to connect", "stackTrace": NODE_CTO_STACK}),
        "connection-timeout", "pg-pool", None, "connect", S4 + " node-postgres", "V", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "Connection terminated due to connection timeout",
                   "stack": node_stack("Error", "Connection terminated due to connection timeout", ["Connection.<anonymous> (/var/task/node_modules/pg/lib/client.js:132:36)", "Object.onceWrapper (node:events:634:28)"]),
                   }),
        "connection-timeout", "node-postgres (pg)", None, "connect", S4 + " node-postgres", "V2", "nodejs20.x", "Error")
    add(node_json({"errorType": "Error", "errorMessage": "Query read timeout", "stackTrace": NODE_QTO_STACK}),
        "query-timeout", "node-postgres (pg)", None, "query", S4 + " node-postgres", "V", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "Client has encountered a connection error and is not queryable",
                   "stack": node_stack("Error", "Client has encountered a connection error and is not queryable", ["/var/task/node_modules/pg/lib/client.js:564:27", "process.processTicksAndRejections (node:internal/process/task_queues:77:11)"])}),
        "stale-connection", "node-postgres (pg)", None, "query", S4 + " node-postgres", "V2", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "Client was closed and is not queryable",
                   "stack": node_stack("Error", "Client was closed and is not queryable", ["/var/task/node_modules/pg/lib/client.js:569:27", "process.processTicksAndRejections (node:internal/process/task_queues:77:11)"])}),
        "other", "node-postgres (pg)", None, "query", S4 + " node-postgres; brianc/node-postgres packages/pg/lib/client.js query(): this._ending, set only by end()", "V2", "nodejs20.x", "Error",
        note="the application ended the client (client.end() in the handler) and a later invocation used it")

    # ---------------- MySQL family
    mysql_c = py_c("return pymysql.connect(host=HOST, user=USER, password=PASSWORD, database=DB, connect_timeout=5)")
    add(node_text({"errorType": "Error", "errorMessage": "Connection lost: The server closed the connection.", "code": "PROTOCOL_CONNECTION_LOST", "fatal": True,
                   "stack": node_stack("Error", "Connection lost: The server closed the connection.", ["Protocol.end (/var/task/node_modules/mysql/lib/protocol/Protocol.js:112:13)", "Socket.<anonymous> (/var/task/node_modules/mysql/lib/Connection.js:94:28)", "Socket.emit (node:events:531:35)"])}),
        "stale-connection", "mysqljs/mysql", "PROTOCOL_CONNECTION_LOST", "query", S4 + " MySQL", "V", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "Can't add new command when connection is in closed state",
                   "stack": node_stack("Error", "Can't add new command when connection is in closed state", ["PoolConnection._addCommandClosedState (/var/task/node_modules/mysql2/lib/connection.js:164:17)", "PoolConnection.query (/var/task/node_modules/mysql2/lib/connection.js:572:17)"])}),
        "stale-connection", "mysql2", None, "query", S4 + " MySQL", "V2", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "Cannot enqueue Query after fatal error.", "code": "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR", "fatal": False,
                   "stack": node_stack("Error", "Cannot enqueue Query after fatal error.", ["Protocol._validateEnqueue (/var/task/node_modules/mysql/lib/protocol/Protocol.js:212:16)", "Protocol._enqueue (/var/task/node_modules/mysql/lib/protocol/Protocol.js:138:13)"])}),
        "stale-connection", "mysqljs/mysql", "PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR", "query", S4 + " MySQL (jeremydaly/serverless-mysql#7)", "V2", "nodejs20.x", "Error")
    add(node_text({"errorType": "Error", "errorMessage": "connect ETIMEDOUT", "code": "ETIMEDOUT", "errorno": "ETIMEDOUT", "syscall": "connect", "fatal": True,
                   "stack": node_stack("Error", "connect ETIMEDOUT", ["PoolConnection._handleTimeoutError (/var/task/node_modules/mysql2/lib/connection.js:205:17)", "listOnTimeout (node:internal/timers:594:17)", "process.processTimers (node:internal/timers:529:7)"])}),
        "connection-timeout", "mysql2", "ETIMEDOUT", "connect", S4 + " MySQL (aws/apprunner-roadmap#167)", "V", "nodejs20.x", "Error")
    add(py("OperationalError", "(2006, \"MySQL server has gone away (BrokenPipeError(32, 'Broken pipe'))\")"),
        "stale-connection", "PyMySQL", "2006", "query", S4 + " MySQL (PyMySQL connections.py)", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(2013, 'Lost connection to MySQL server during query')"),
        "stale-connection", "PyMySQL", "2013", "query", S4 + " MySQL (PyMySQL)", "V", "python3.12", "OperationalError")
    add(node_text({"errorType": "Error", "errorMessage": "Query execution was interrupted, maximum statement execution time exceeded", "errno": 3024, "sqlState": "HY000",
                   "sqlMessage": "Query execution was interrupted, maximum statement execution time exceeded", "sql": "SELECT * FROM orders WHERE customer_id = 88121",
                   "stack": node_stack("Error", "Query execution was interrupted, maximum statement execution time exceeded", ["Packet.asError (/var/task/node_modules/mysql2/lib/packets/packet.js:740:17)", "Query.execute (/var/task/node_modules/mysql2/lib/commands/command.js:29:26)"])}),
        "query-timeout", "mysql2", "3024", "query", S4 + " MySQL (knex tests; mysql2 has errno only)", "V", "nodejs20.x", "Error")
    add(py("OperationalError", "(3024, 'Query execution was interrupted, maximum statement execution time exceeded')"),
        "query-timeout", "PyMySQL", "3024", "query", S4 + " MySQL", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(1028, 'Sort aborted: Query execution was interrupted, maximum statement execution time exceeded')"),
        "query-timeout", "PyMySQL", "1028", "query", S4 + " MySQL", "V2", "python3.12", "OperationalError")
    add(py("OperationalError", "(2013, 'Lost connection to MySQL server during query')",
           [("/var/task/handler.py", 61, "lambda_handler", "rows = repo.fetch(conn, key)"),
            ("/var/lang/lib/python3.12/site-packages/MySQLdb/cursors.py", 179, "execute", "res = self._query(mogrified_query)")]),
        "stale-connection", "mysqlclient (MySQLdb)", "2013", "query", S4 + " MySQL", "U", "python3.12", "OperationalError",
        note="same text as the C client; the tuple formatting is [U]")

    # ---------------- JDBC (Java 21, Log4j2 pattern layout)
    add(java("ERROR", "OrderRepository", "query failed", [
        "org.postgresql.util.PSQLException: This connection has been closed.",
        "\tat org.postgresql.jdbc.PgConnection.checkClosed(PgConnection.java:917)",
        "\tat org.postgresql.jdbc.PgConnection.prepareStatement(PgConnection.java:1816)",
        "\tat com.example.orders.OrderRepository.find(OrderRepository.java:41)"]),
        "stale-connection", "PgJDBC", None, "query", S4 + " JDBC (Glue incident)", "V2", "java21", "org.postgresql.util.PSQLException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "org.postgresql.util.PSQLException: An I/O error occurred while sending to the backend.",
        "\tat org.postgresql.core.v3.QueryExecutorImpl.execute(QueryExecutorImpl.java:395)",
        "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)",
        "\tat com.example.orders.OrderRepository.find(OrderRepository.java:44)",
        "Caused by: java.net.SocketException: Connection reset",
        "\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:318)",
        "\t... 12 more"]),
        "stale-connection", "PgJDBC", None, "query", S4 + " JDBC (Glue incident)", "V2", "java21", "org.postgresql.util.PSQLException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "org.postgresql.util.PSQLException: ERROR: canceling statement due to user request",
        "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)",
        "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)"]),
        "query-timeout", "PgJDBC", "57014", "query", S4 + " JDBC (setQueryTimeout cancel)", "V2", "java21", "org.postgresql.util.PSQLException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "org.postgresql.util.PSQLException: ERROR: canceling statement due to statement timeout",
        "\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2733)",
        "\tat org.postgresql.jdbc.PgStatement.executeInternal(PgStatement.java:517)"]),
        "query-timeout", "PgJDBC", "57014", "query", S4 + " JDBC (server-side statement_timeout)", "V2", "java21", "org.postgresql.util.PSQLException")
    add(java("ERROR", "DataSourceFactory", "cannot open connection", [
        "org.postgresql.util.PSQLException: The connection attempt failed.",
        "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:354)",
        "Caused by: java.net.SocketTimeoutException: Connect timed out"]),
        "connection-timeout", "PgJDBC", "08001", "connect", S4 + " JDBC", "U", "java21", "org.postgresql.util.PSQLException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure",
        "",
        "The last packet successfully received from the server was 127 milliseconds ago.  The last packet sent successfully to the server was 8 milliseconds ago.",
        "\tat com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:174)",
        "\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeQuery(ClientPreparedStatement.java:1003)"]),
        "stale-connection", "MySQL Connector/J", "08S01", "query", S4 + " JDBC (source #39891716802)", "V2", "java21", "com.mysql.cj.jdbc.exceptions.CommunicationsException")
    add(java("ERROR", "DataSourceFactory", "cannot open connection", [
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure",
        "",
        "The last packet sent successfully to the server was 0 milliseconds ago. The driver has not received any packets from the server.",
        "\tat com.mysql.cj.jdbc.exceptions.SQLError.createCommunicationsException(SQLError.java:174)",
        "\tat com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:828)"]),
        "connection-timeout", "MySQL Connector/J", "08S01", "connect", S4 + " JDBC (mysql-connector-j ExceptionsTest)", "V", "java21", "com.mysql.cj.jdbc.exceptions.CommunicationsException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "com.mysql.cj.jdbc.exceptions.MySQLTimeoutException: Statement cancelled due to timeout or client request",
        "\tat com.mysql.cj.jdbc.exceptions.SQLExceptionsMapping.translateException(SQLExceptionsMapping.java:113)",
        "\tat com.mysql.cj.jdbc.ClientPreparedStatement.executeQuery(ClientPreparedStatement.java:1009)"]),
        "query-timeout", "MySQL Connector/J", None, "query", S4 + " JDBC", "V", "java21", "com.mysql.cj.jdbc.exceptions.MySQLTimeoutException")
    add(java("ERROR", "OrderRepository", "query failed", [
        "java.sql.SQLNonTransientConnectionException: No operations allowed after connection closed.",
        "\tat com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:111)",
        "\tat com.mysql.cj.jdbc.ConnectionImpl.checkClosed(ConnectionImpl.java:764)"]),
        "stale-connection", "MySQL Connector/J", "08003", "query", S4 + " JDBC (sysown/proxysql#4443)", "V2", "java21", "java.sql.SQLNonTransientConnectionException")
    add(java("ERROR", "LedgerRepository", "query failed", [
        "com.microsoft.sqlserver.jdbc.SQLServerException: The query has timed out.",
        "\tat com.microsoft.sqlserver.jdbc.TDSCommand.checkForInterrupt(IOBuffer.java:7694)",
        "\tat com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement.executeQuery(SQLServerPreparedStatement.java:447)"]),
        "query-timeout", "mssql-jdbc", None, "query", S4 + " JDBC (source #70166500783)", "V2", "java21", "com.microsoft.sqlserver.jdbc.SQLServerException")
    add(java("ERROR", "LedgerRepository", "query failed", [
        "com.microsoft.sqlserver.jdbc.SQLServerException: Connection reset",
        "\tat com.microsoft.sqlserver.jdbc.SQLServerConnection.terminate(SQLServerConnection.java:4270)",
        "\tat com.microsoft.sqlserver.jdbc.TDSChannel.read(IOBuffer.java:2107)"]),
        "stale-connection", "mssql-jdbc", "08S01", "query", S4 + " JDBC", "U", "java21", "com.microsoft.sqlserver.jdbc.SQLServerException")
    add(java("ERROR", "LedgerRepository", "query failed", [
        "com.microsoft.sqlserver.jdbc.SQLServerException: Read timed out",
        "\tat com.microsoft.sqlserver.jdbc.SQLServerConnection.terminate(SQLServerConnection.java:4270)",
        "\tat com.microsoft.sqlserver.jdbc.TDSChannel.read(IOBuffer.java:2107)"]),
        "stale-connection", "mssql-jdbc", "08S01", "query", S4 + " JDBC", "U", "java21", "com.microsoft.sqlserver.jdbc.SQLServerException")
    t = nt()
    add("%s %s WARN  PoolBase - HikariPool-1 - Failed to validate connection org.postgresql.jdbc.PgConnection@3c9d0b7a (This connection has been closed.). Possibly consider using a shorter maxLifetime value.\n" % (java_ts(t), uid()),
        "stale-connection", "HikariCP", None, "query", S4 + " JDBC (brettwooldridge/HikariCP#2017)", "V", "java21", None,
        note="a warning from the pool: Hikari then opens a new connection, so this alone is not a failed invocation")
    add(java("ERROR", "JobRunner", "job failed", ["java.sql.SQLException: ConnectionException: Timed-out waiting to acquire database connection.",
                                                  "\tat com.example.jobs.JobRunner.run(JobRunner.java:88)"]),
        "connection-timeout", "JDBC via RDS Proxy", None, "query", S3 + " (Glue/JDBC)", "V2", "java21", "java.sql.SQLException",
        note="only 'ConnectionException: Timed-out waiting to acquire database connection.' is from the source; the java.sql.SQLException wrapper is assumed")

    # ---------------- Go (provided.al2023, log package)
    add(go("order 88121: query failed: driver: bad connection"),
        "stale-connection", "Go database/sql", None, "query", S4 + " Go (driver.ErrBadConn)", "V", "provided.al2023", None)
    add(go("order 88121: query failed: invalid connection"),
        "stale-connection", "go-sql-driver/mysql", None, "query", S4 + " Go (ErrInvalidConn)", "V", "provided.al2023", None)
    add("[mysql] %s packets.go:37: unexpected EOF\n" % go_ts(nt()),
        "stale-connection", "go-sql-driver/mysql", None, "query", S4 + " Go (driver log line)", "U", "provided.al2023", None,
        note="the driver's own log line often precedes 'invalid connection'")
    # database/sql's own texts for a handle the application closed itself (src/database/sql/sql.go:
    # errDBClosed is returned by DB.conn once DB.Close ran; ErrConnDone by a Conn or Tx used after
    # it went back to the pool): none of the causes (research/driver-catalogue.md).
    add(go("order 88121: query failed: sql: connection is already closed"),
        "other", "Go database/sql", None, "query", S4 + " Go; golang/go src/database/sql/sql.go ErrConnDone", "V", "provided.al2023", None,
        note="the application used a connection it had already returned to the pool")
    add(go("order 88121: query failed: sql: database is closed"),
        "other", "Go database/sql", None, "query", S4 + " Go; golang/go src/database/sql/sql.go errDBClosed", "V", "provided.al2023", None,
        note="the application called DB.Close (e.g. a deferred Close in the handler) and a later invocation used the handle")
    add(go("open db: context deadline exceeded"),
        "connection-timeout", "Go (context)", None, "connect", S4 + " Go", "U", "provided.al2023", None,
        note="context deadline exceeded is a connection timeout only in the connect phase")
    add(go("order 88121: query failed: context deadline exceeded"),
        "query-timeout", "Go (context)", None, "query", S4 + " Go", "U", "provided.al2023", None,
        note="the same text in the query phase is a query timeout")
    add(go("open db: dial tcp 10.42.33.206:5432: i/o timeout"),
        "connection-timeout", "Go net", None, "connect", S4 + " Go", "U", "provided.al2023", None)
    add(go("order 88121: query failed: read tcp 10.42.16.37:51022->10.42.33.206:5432: i/o timeout"),
        "query-timeout", "Go net", None, "query", S4 + " Go", "U", "provided.al2023", None,
        note="a read deadline on an established connection; formats.md lists it as CTO/QTO by phase")
    add(go("order 88121: query failed: Error 9501: Timed-out waiting to acquire database connection"),
        "connection-timeout", "go-sql-driver/mysql via RDS Proxy", "9501", "query", S4 + " Go (source #30284904374)", "V2", "provided.al2023", None)
    add(go("order 88121: query failed: Error 9501 (HY000): Timed-out waiting to acquire database connection"),
        "connection-timeout", "go-sql-driver/mysql via RDS Proxy", "9501", "query", S4 + " Go (newer driver format)", "U", "provided.al2023", None)

    # ---------------- SQLAlchemy wrappers
    add(py("OperationalError", "(pymysql.err.OperationalError) (2006, \"MySQL server has gone away (BrokenPipeError(32, 'Broken pipe'))\")\n[SQL: SELECT orders.id, orders.status FROM orders WHERE orders.id = %(id_1)s]\n[parameters: {'id_1': 88121}]\n(Background on this error at: https://sqlalche.me/e/14/e3q8)", SA_Q),
        "stale-connection", "SQLAlchemy + PyMySQL", "2006", "query", S4 + " SQLAlchemy", "V", "python3.12", "OperationalError",
        note="[SQL: ...] and [parameters: ...] lines are added by SQLAlchemy for statement errors")
    add(py("OperationalError", "(pyodbc.OperationalError) ('HYT00', '[HYT00] [Microsoft][ODBC Driver 18 for SQL Server]Login timeout expired (0) (SQLDriverConnect)')\n(Background on this error at: https://sqlalche.me/e/14/e3q8)",
           [("/var/task/handler.py", 52, "lambda_handler", "with engine.connect() as conn:"),
            ("/var/lang/lib/python3.12/site-packages/sqlalchemy/engine/base.py", 3278, "connect", "return self._connection_cls(self)")]),
        "connection-timeout", "SQLAlchemy + pyodbc", "HYT00", "connect", S4 + " SQLAlchemy", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(psycopg2.errors.QueryCanceled) canceling statement due to statement timeout\n\n[SQL: SELECT items.sku, items.on_hand FROM items WHERE items.sku = %(sku_1)s]\n[parameters: {'sku_1': 'SKU-40417'}]\n(Background on this error at: https://sqlalche.me/e/20/e3q8)", SA_Q),
        "query-timeout", "SQLAlchemy + psycopg2", "57014", "query", S4 + " SQLAlchemy (wrapper form) + libpq", "V", "python3.12", "OperationalError")
    add(py("InvalidRequestError", "This session is in 'inactive' state, due to the SQL transaction being rolled back; no further SQL can be emitted within this transaction.", SA_Q),
        "transaction-state", "SQLAlchemy", None, "query", S4 + " SQLAlchemy (orm/session.py)", "V", "python3.12", "InvalidRequestError")
    add(py("PendingRollbackError", "This Session's transaction has been rolled back due to a previous exception during flush. To begin a new transaction with this Session, first issue Session.rollback(). Original exception was: (psycopg2.OperationalError) SSL SYSCALL error: EOF detected\n\n[SQL: INSERT INTO reservations (id, sku, qty) VALUES (%(id)s, %(sku)s, %(qty)s)]\n[parameters: {'id': 'res_7QfWm2', 'sku': 'SKU-40417', 'qty': 3}]\n(Background on this error at: https://sqlalche.me/e/20/e3q8) (Background on this error at: https://sqlalche.me/e/20/7s2a)", SA_Q),
        "transaction-state", "SQLAlchemy", "7s2a", "query", S4 + " SQLAlchemy", "V", "python3.12", "PendingRollbackError",
        note="SQLAlchemy 1.4+ raises PendingRollbackError (a subclass of InvalidRequestError) for code 7s2a")
    add(py("PendingRollbackError", "Can't reconnect until invalid transaction is rolled back.  Please rollback() fully before proceeding (Background on this error at: https://sqlalche.me/e/20/8s2b)", SA_Q),
        "transaction-state", "SQLAlchemy", "8s2b", "query", S4 + " SQLAlchemy", "V2", "python3.12", "PendingRollbackError")
    add(py("TimeoutError", "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)",
           [("/var/task/handler.py", 52, "lambda_handler", "with engine.connect() as conn:"),
            ("/var/lang/lib/python3.12/site-packages/sqlalchemy/pool/impl.py", 167, "_do_get", "raise exc.TimeoutError(")]),
        "connection-timeout", "SQLAlchemy QueuePool", "3o7r", "connect", S4 + " SQLAlchemy", "V", "python3.12", "TimeoutError")
    add(py("TimeoutError", "QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout 30 (Background on this error at: http://sqlalche.me/e/3o7r)",
           [("/var/task/handler.py", 52, "lambda_handler", "with engine.connect() as conn:"),
            ("/var/lang/lib/python3.8/site-packages/sqlalchemy/pool/impl.py", 128, "_do_get", "raise exc.TimeoutError(")]),
        "connection-timeout", "SQLAlchemy QueuePool (older)", "3o7r", "connect", S4 + " SQLAlchemy (older builds print 'timeout 30')", "V", "python3.8", "TimeoutError")

    # ---------------- RDS Proxy client-visible errors
    add(py("OperationalError", "(9501, 'Timed-out waiting to acquire database connection')"),
        "connection-timeout", "PyMySQL via RDS Proxy", "9501", "query", S3 + " MySQL (ERROR 9501 (HY000))", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(1040, 'Connections rate limit exceeded (1000)')", mysql_c),
        "other", "PyMySQL via RDS Proxy", "1040", "connect", S3 + " MySQL", "V", "python3.12", "OperationalError", note="limit_value in the docs replaced by a number")
    add(py("OperationalError", "(1040, 'Number simultaneous connections exceeded (2000)')", mysql_c),
        "other", "PyMySQL via RDS Proxy", "1040", "connect", S3 + " MySQL", "V", "python3.12", "OperationalError", note="limit_value in the docs replaced by a number")
    add(py("OperationalError", "(1040, 'IAM authentication rate limit exceeded')", mysql_c),
        "other", "PyMySQL via RDS Proxy", "1040", "connect", S3 + " MySQL", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(1105, 'Unknown error')"),
        "other", "PyMySQL via RDS Proxy", "1105", "unknown", S3 + " MySQL", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(3159, 'This RDS Proxy requires TLS connections.')", mysql_c),
        "other", "PyMySQL via RDS Proxy", "3159", "connect", S3 + " MySQL", "V", "python3.12", "OperationalError")
    add(py("OperationalError", "(2026, 'SSL connection error: Internal Server Error')", mysql_c),
        "other", "PyMySQL via RDS Proxy", "2026", "connect", S3 + " MySQL", "V", "python3.12", "OperationalError")
    host = "inventory-pg-proxy.%s.%s.rds.amazonaws.com" % (PROXY_SUFFIX, REGION)
    add(py("ConnectionException", "Timed-out waiting to acquire database connection.\n"),
        "connection-timeout", "psycopg2 via RDS Proxy", "08000", "query", S3 + " PostgreSQL", "V", "python3.12", "ConnectionException",
        note="the PostgreSQL doc text ends with a full stop; the source #54547532754 sample has none (see the libpq rows)")
    for text in ("The maximum number of client connections to the proxy exceeded 2000.",
                 "Rate of connection to proxy exceeded 400.",
                 "The IAM authentication failed because of too many competing requests.",
                 "Request returned an error: database_error.",
                 "Unknown error."):
        add(py("OperationalError", 'connection to server at "%s" (10.42.33.206), port 5432 failed: FATAL:  %s\n' % (host, text), pg_c),
            "other", "psycopg2 via RDS Proxy", None, "connect", S3 + " PostgreSQL", "V", "python3.12", "OperationalError",
            note="proxy text from the troubleshooting doc (number_value replaced); the libpq 'FATAL:  ' rendering is assumed")
    add(node_text({"errorType": "Error", "errorMessage": "Unknown error. SSL connection has been closed unexpectedly",
                   "stack": node_stack("Error", "Unknown error. SSL connection has been closed unexpectedly", ["Parser.parseErrorMessage (/var/task/node_modules/pg-protocol/dist/parser.js:283:98)", "Parser.handlePacket (/var/task/node_modules/pg-protocol/dist/parser.js:122:29)"])}),
        "stale-connection", "node-postgres via RDS Proxy", None, "query", S3 + " (hashicorp/terraform-provider-aws#34747)", "V2", "nodejs20.x", "Error")

    write("errors/driver-errors.ndjson", "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return rows


CATEGORIES = ("stale-connection", "query-timeout", "connection-timeout", "transaction-state", "other")


def build(root):
    begin(root, SKIP)
    rows = build_errors()
    problems = ["unknown category %s: %s" % (r["category"], r["message"][:60]) for r in rows if r["category"] not in CATEGORIES]
    return finish(__file__, "errors", rows, problems)


if __name__ == "__main__":
    main("errors", build)
