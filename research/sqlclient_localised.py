#!/usr/bin/env python3
"""Microsoft.Data.SqlClient's own translations of the catalogue's SqlClient texts (issue 14,
point 4: drivers that localise their messages).

SqlClient prints its errors in the process's UI culture, from Strings.<lang>.resx: a .NET Lambda
with a non-English culture logs `Das Ausführungstimeout ist abgelaufen.` where the catalogue has
`Execution Timeout Expired.`. This reads the resource files of a snapshot of dotnet/SqlClient
(bring it with the search tool's `fetch github:dotnet/SqlClient`) and prints one catalogue entry
per translated text, citing the file at the snapshot's commit; its output was appended to
Sources/ProxyLens/Classify/Rules/Catalogue/csharp.ndjson. Each entry's example is the whole
resource value as SqlException.ToString prints it, which DriverCatalogueTests reads back.

    python3 research/sqlclient_localised.py [REPO] >> Sources/ProxyLens/Classify/Rules/Catalogue/csharp.ndjson
"""
import json, re, subprocess, sys, html
REPO = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/dotnet+SqlClient/repo"
COMMIT = subprocess.check_output(["git", "-C", REPO, "rev-parse", "HEAD"], text=True).strip()
RES = "src/Microsoft.Data.SqlClient/src/Resources"
LANGS = ["cs", "de", "es", "fr", "it", "ja", "ko", "pl", "pt-BR", "ru", "tr", "zh-Hans", "zh-Hant"]
# resource key -> (category, exception, how many sentences the English entry's text covers)
KEYS = {
    "Snix_Read": ("dead-connection", "SqlException (0x80131904), SNI read failed: transport-level error receiving results", 1),
    "Snix_Execute": ("dead-connection", "SqlException (0x80131904), SNI write failed: transport-level error sending the request", 1),
    "SNI_ERROR_19": ("dead-connection", "SqlException (SNI_ERROR_19: physical connection is not usable)", 1),
    "SQLCR_AllAttemptsFailed": ("dead-connection", "SqlException / InvalidOperationException (connection resiliency: all attempts failed)", 1),
    "SQL_ConnectionDoomed": ("dead-connection", "InvalidOperationException (SQL_ConnectionDoomed)", 1),
    "SQL_SevereError": ("dead-connection", "SqlException (SQL_SevereError; class 20 and above, usually the session ended)", 1),
    "SQL_Timeout_Execution": ("statement-timeout", "SqlException Number -2 (SQL_Timeout_Execution: CommandTimeout)", 1),
    "SQL_Timeout_PreLogin_Begin": ("connect-timeout", "SqlException Number -2 (SQL_Timeout_PreLogin_Begin)", 2),
    "SQL_Timeout_PreLogin_InitializeConnection": ("connect-timeout", "SqlException Number -2 (SQL_Timeout_PreLogin_InitializeConnection)", 2),
    "SQL_Timeout_PreLogin_SendHandshake": ("connect-timeout", "SqlException Number -2 (SQL_Timeout_PreLogin_SendHandshake)", 2),
    "SQL_Timeout_PreLogin_ConsumeHandshake": ("connect-timeout", "SqlException Number -2 (SQL_Timeout_PreLogin_ConsumeHandshake)", 2),
    "SQL_Timeout_Login_Begin": ("login-timeout", "SqlException Number -2 (SQL_Timeout_Login_Begin)", 2),
    "SQL_Timeout_Login_ProcessConnectionAuth": ("login-timeout", "SqlException Number -2 (SQL_Timeout_Login_ProcessConnectionAuth)", 2),
    "SQL_Timeout_PostLogin": ("login-timeout", "SqlException Number -2 (SQL_Timeout_PostLogin)", 2),
    "ADP_PooledOpenTimeout": ("pool-acquire-timeout", "System.InvalidOperationException (ADP_PooledOpenTimeout: Max Pool Size reached, ConnectTimeout passed)", 2),
    "SNI_ERROR_40": ("connect-timeout", "SqlException (Snix_Connect + SNI_ERROR_40: could not open a connection)", 1),
}
LABEL = {"dead-connection": "stale-connection", "statement-timeout": "query-timeout"}

def resources(lang):
    name = f"{RES}/Strings.{lang}.resx" if lang else f"{RES}/Strings.resx"
    text = subprocess.check_output(["git", "-C", REPO, "show", f"{COMMIT}:{name}"]).decode("utf-8-sig")
    return {k: html.unescape(v) for k, v in re.findall(r'<data name="([^"]+)"[^>]*>\s*<value>(.*?)</value>', text, re.S)}

def sentences(value, count):
    # The value's own prefix up to the end of its count-th sentence (CJK sentences end in 。 with
    # no space after it: the text must stay a prefix of what the driver prints).
    value = value.strip()
    # (A period before a capital with no space counts: fr SQL_Timeout_PostLogin has `connexion.La`.)
    ends = [m.end() for m in re.finditer(r"\.(?=\s|$|[A-ZÀ-Ý])|[。．]", value)]
    return value[:ends[count - 1]].strip() if len(ends) > count else value

english = resources("")
seen = set()
for lang in LANGS:
    local = resources(lang)
    for key, (category, exception, count) in KEYS.items():
        value = local.get(key)
        if not value or value.strip() == english.get(key, "").strip():
            continue  # untranslated: the English entry already reads it
        text = sentences(value, count)
        pattern = re.sub(r"\{\d+\}", "*", text) if "{" in text else ""
        literal = re.sub(r"\{\d+\}", "", text) if pattern else text
        # Needles under ten characters say too little (ErrorClassifier.minimumNeedleLength).
        pieces = [p.strip() for p in (pattern or literal).split("*") if p.strip()]
        if sum(len(p) for p in pieces) < 10:
            continue
        if (lang, literal) in seen:
            continue
        seen.add((lang, literal))
        url = f"https://github.com/dotnet/SqlClient/blob/{COMMIT}/{RES}/Strings.{lang}.resx"
        example = re.sub(r"\{\d+\}", "0", value.strip())
        prefix = "System.InvalidOperationException: " if exception.startswith(("InvalidOperation", "System.InvalidOperation")) else "Microsoft.Data.SqlClient.SqlException (0x80131904): "
        print(json.dumps({
            "driver": "Microsoft.Data.SqlClient", "language": "csharp", "category": category,
            "label": LABEL.get(category, "connection-timeout"), "text": literal, "pattern": pattern,
            "exception": f"{exception}, localised ({lang}) {key}",
            "source": f"dotnet/SqlClient/{RES}/Strings.{lang}.resx ({key}; English: \"{english[key].strip()[:90]}\") {url}",
            "example": prefix + example,
        }, ensure_ascii=False))
