#!/usr/bin/env python3
"""PgJDBC's translations of the catalogue's PgJDBC texts, as the driver ships them (issue 14,
point 4).

PgJDBC prints its messages in the JVM's locale through ResourceBundles that GNU msgfmt compiles
from translation/<lang>.po into translation/messages_<lang>.java (both in the repository). msgfmt
leaves out every entry marked `fuzzy`, so a fuzzy translation never reaches a log: the English
text does. Reading the .po files instead (as the catalogue first did) took fuzzy guesses for real
texts; e.g. de.po's fuzzy "This connection has been closed." is the translation of "Connection has
been closed." (PGPooledConnection: a pooled handle the application closed itself), which is none of
the causes. So this reads the compiled bundles, and skips a translation that the bundle also gives
for a message of another meaning (then the text cannot tell them apart).

Bring a snapshot with the search tool's `fetch github:pgjdbc/pgjdbc`, then
    python3 research/pgjdbc_localised.py [REPO]
prints the entries that replace the catalogue's localised PgJDBC lines in
Sources/ProxyLens/Classify/Rules/Catalogue/java.ndjson.
"""
import json, re, subprocess, sys

REPO = sys.argv[1] if len(sys.argv) > 1 else "/work/.mirror/pgjdbc+pgjdbc/repo"
COMMIT = subprocess.check_output(["git", "-C", REPO, "rev-parse", "HEAD"], text=True).strip()
FOLDER = "pgjdbc/src/main/java/org/postgresql/translation"
# msgid -> (category, SQLSTATE, where it is raised)
MESSAGES = {
    "An I/O error occurred while sending to the backend.": ("dead-connection", "08006", "core/v3/QueryExecutorImpl.java"),
    "This connection has been closed.": ("dead-connection", "08003", "jdbc/PgConnection.java (checkClosed)"),
    "Connection attempt timed out.": ("connect-timeout", "08001", "core/v3/ConnectionFactoryImpl.java"),
    "The connection attempt failed.": ("connect-timeout", "08001", "core/v3/ConnectionFactoryImpl.java"),
}
# Messages of another meaning whose translation must differ from the one taken.
OTHER_MEANING = ["Connection has been closed."]
LABEL = {"dead-connection": "stale-connection"}

def bundle(lang):
    """The msgid -> msgstr pairs of messages_<lang>.java (t[2k] is a msgid, t[2k+1] its text)."""
    text = subprocess.check_output(["git", "-C", REPO, "show", f"{COMMIT}:{FOLDER}/messages_{lang}.java"]).decode("utf-8")
    table = {int(i): json.loads(s) for i, s in re.findall(r'^\s*t\[(\d+)\] = ("(?:[^"\\]|\\.)*");', text, re.M)}
    return {table[i]: table[i + 1] for i in table if i % 2 == 0 and i + 1 in table and table[i]}

langs = sorted(f[len("messages_"):-len(".java")] for f in subprocess.check_output(
    ["git", "-C", REPO, "ls-tree", "--name-only", f"{COMMIT}:{FOLDER}"], text=True).split()
    if f.startswith("messages_") and f.endswith(".java"))
for lang in langs:
    pairs = bundle(lang)
    others = {pairs.get(m) for m in OTHER_MEANING} - {None}
    for msgid, (category, state, raised) in MESSAGES.items():
        text = pairs.get(msgid)
        if not text or text == msgid or text in others:
            continue
        text = text.replace("''", "'")  # MessageFormat's quote doubling
        pattern = re.sub(r"\{\d+\}", "*", text) if re.search(r"\{\d+\}", text) else ""
        literal = re.split(r"\s*\{\d+\}", text)[0].strip() if pattern else text
        if not pattern and len(literal) < 10:
            # Too short to be an exact entry alone (ErrorClassifier.minimumNeedleLength, in
            # characters: CJK texts are short): the exception's class name comes with it.
            pattern = "PSQLException: " + literal
        example = "org.postgresql.util.PSQLException: " + re.sub(r"\{\d+\}", "java.net.SocketException: Connection reset", text)
        url = f"https://github.com/pgjdbc/pgjdbc/blob/{COMMIT}/{FOLDER}/messages_{lang}.java"
        print(json.dumps({
            "driver": "PgJDBC", "language": "java", "category": category, "label": LABEL.get(category, "connection-timeout"),
            "text": literal, "pattern": pattern,
            "exception": f"org.postgresql.util.PSQLException (SQLSTATE {state}), localised ({lang}) msgid \"{msgid}\"",
            "source": f"pgjdbc/pgjdbc/{FOLDER}/messages_{lang}.java (compiled from {lang}.po without its fuzzy entries; msgid \"{msgid}\", raised in {raised}) {url}",
            "example": example,
        }, ensure_ascii=False))
