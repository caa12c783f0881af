"""Security audit of generated files: bandit, secret scanning and configuration checks; never runs the code.

Secrets found are reported by kind and place only: a finding never carries the secret's value.
"""

from __future__ import annotations

import ast
import logging
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

from core.files import path_problem

Severity = Literal["high", "medium", "low"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")
_JS_SUFFIXES = {".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".html", ".htm", ".vue", ".svelte"}
_EXAMPLE = re.compile(r"(?i)(\.example|\.sample|\.template|\.dist|[._-]example\.\w+)$")


@dataclass(frozen=True)
class Finding:
    """One problem: where it is, how bad, and what to do about it."""

    severity: Severity
    file: str
    line: int
    rule: str
    message: str
    advice: str


@dataclass
class AuditReport:
    """Every finding plus what was checked."""

    findings: list[Finding] = field(default_factory=list)
    files_scanned: int = 0
    python_files: int = 0
    tools: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        """{"high": n, "medium": n, "low": n}."""
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}


def audit_files(files: dict[str, str]) -> AuditReport:
    """Audit a project's files (path -> text) and return the findings, most severe first."""
    start = time.monotonic()
    report = AuditReport(files_scanned=len(files))
    own: list[Finding] = []
    for path, text in files.items():
        own += scan_secrets(path, text)
        suffix = PurePosixPath(path).suffix.lower()
        if suffix == ".py":
            report.python_files += 1
            own += check_python(path, text)
        elif suffix in _JS_SUFFIXES:
            own += check_dom_sinks(path, text)
        elif _is_entrypoint_config(path):
            own += check_entrypoint(path, text)
    mine = {(f.file, f.line) for f in own}
    theirs = [f for f in run_bandit(files, report) if (f.file, f.line) not in mine]
    order = {s: i for i, s in enumerate(SEVERITIES)}
    report.findings = sorted(own + theirs, key=lambda f: (order[f.severity], f.file, f.line, f.rule))
    report.tools.insert(0, "AUTOCREA secret and configuration checks")
    report.seconds = round(time.monotonic() - start, 3)
    return report


def is_test_file(path: str) -> bool:
    """True for files under a tests folder and pytest modules/conftest."""
    p = PurePosixPath(path)
    return any(part in ("tests", "test") for part in p.parts[:-1]) or p.name.startswith("test_") \
        or p.name.endswith("_test.py") or p.name == "conftest.py"


# --- secrets -------------------------------------------------------------------------------------

_TOKENS: list[tuple[str, str, re.Pattern[str], Severity]] = [
    ("secret-anthropic-key", "Anthropic API key", re.compile(r"\bsk-ant-[A-Za-z0-9_-]{20,}"), "high"),
    ("secret-openai-key", "OpenAI API key",
     re.compile(r"\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"), "high"),
    ("secret-aws-key", "AWS access key id", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), "high"),
    ("secret-github-token", "GitHub token",
     re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"), "high"),
    ("secret-stripe-key", "Stripe live key", re.compile(r"\b[sr]k_live_[A-Za-z0-9]{16,}"), "high"),
    ("secret-stripe-test-key", "Stripe test key", re.compile(r"\b[sr]k_test_[A-Za-z0-9]{16,}"), "low"),
    ("secret-private-key", "private key",
     re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----"), "high"),
    ("secret-slack-token", "Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"), "high"),
    ("secret-slack-webhook", "Slack webhook URL",
     re.compile(r"https://hooks\.slack\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+"), "medium"),
    ("secret-huggingface-token", "Hugging Face token", re.compile(r"\bhf_[A-Za-z0-9]{30,}\b"), "high"),
    ("secret-google-key", "Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"), "high"),
]
_SECRET_NAMES = ("password", "passwd", "secret", "secret_key", "api_key", "apikey", "access_key", "token",
                 "private_key", "client_secret", "auth_token", "access_token")
_QUOTED = re.compile(r"""(?<![\w-])(?P<key>[A-Za-z_][\w-]*)["']?\s*(?::\s*[\w\[\]|. ]+?\s*)?(?<![=!<>])[=:]\s*"""
                     r"""(?P<q>["'])(?P<val>[^"'\n]*)(?P=q)""")
_BARE = re.compile(r"""^\s*(?:export\s+|ENV\s+|-\s+)?["']?(?P<key>[A-Za-z_][\w.-]*)\s*[=:]\s*"""
                   r"""(?P<val>[^\s"'#][^\s#]*)""")
_REFERENCE = re.compile(r"^(\$\{.*\}|\$\w+|\{\{.*\}\}|%\(.*\)s|<.*>)$")
_PLACEHOLDER = re.compile(r"""(?ix)(^(\*+|todo|fixme|set[-_ ]?me|none|null|secret|password|test|changeit)$
    |your|xxx|\.\.\.|change[-_ ]?me|example|placeholder|replace[-_ ]?me|dummy|redacted|<|>)""")
_DOCS = {".md", ".rst", ".txt", ".adoc"}
# HTML autocomplete tokens a login form names; values, not secrets.
_AUTOCOMPLETE_TOKENS = {"new-password", "current-password", "one-time-code"}


def scan_secrets(path: str, text: str) -> list[Finding]:
    """Known token formats anywhere; literal values assigned to secret-looking names outside tests."""
    found: list[Finding] = []
    for rule, kind, pattern, severity in _TOKENS:
        for m in pattern.finditer(text):
            if re.search(r"(?i)example|your|xxxx|placeholder|redacted|fake|dummy", m.group(0)):
                continue
            shown = "" if rule == "secret-private-key" else f" ({m.group(0)[:4]}…, {len(m.group(0))} characters)"
            found.append(Finding(severity, path, _line(text, m.start()), rule, f"{kind} in the file{shown}",
                                 "Revoke this key now, remove it from the code and its history, and read it "
                                 "from an environment variable or a secret store."))
    if is_test_file(path):
        return found
    name = PurePosixPath(path).name.lower()
    if PurePosixPath(name).suffix in _DOCS:
        return found
    example = bool(_EXAMPLE.search(name))
    dotenv = name.startswith(".env") or name.endswith(".env")
    bare_ok = dotenv or PurePosixPath(name).suffix in {".yml", ".yaml", ".toml", ".ini", ".cfg", ".properties",
                                                      ".conf"} or name.startswith("dockerfile")
    taken = {f.line for f in found}
    for number, line in enumerate(text.splitlines(), 1):
        if number in taken:
            continue
        m = next((m for m in _QUOTED.finditer(line) if _secret_name(m.group("key"))), None)
        if m is None and bare_ok:
            m = _BARE.match(line)
            m = m if m and _secret_name(m.group("key")) else None
        if m is None:
            continue
        value, key = m.group("val").strip(), m.group("key")
        placeholder = bool(_PLACEHOLDER.search(value))
        if (not value or _REFERENCE.match(value) or (placeholder and example) or _is_label(key, value)
                or value.lower() in _AUTOCOMPLETE_TOKENS):
            continue
        if not placeholder and len(value) < (4 if _is_password(key) else 12):
            continue  # real tokens and keys are long; "preview" or "bearer" are not secrets
        if placeholder:
            found.append(Finding("low", path, number, "secret-placeholder-default",
                                 f"{key} has a placeholder default value",
                                 "Make sure every deployment sets it from the environment; fail at start-up "
                                 "when it is still the placeholder."))
        else:
            severity: Severity = "high" if dotenv and not example else "medium"
            found.append(Finding(severity, path, number, "secret-hardcoded",
                                 f"{key} is set to a literal value ({len(value)} characters)",
                                 "Read it from an environment variable or a secret store; keep real values out "
                                 "of files that are committed (commit a .env.example with placeholders)."))
    return found


def _is_label(key: str, value: str) -> bool:
    """UI text rather than a value: `"password": "Password"`, `"password": "Contraseña"`, `token: "Your token"`."""
    word = value.replace("-", "")
    return " " in value or (value[:1].isupper() and (value.lower() in key.lower() or (
        word.isalpha() and not word.isascii())))


def _is_password(key: str) -> bool:
    """True for password-like names, whose literal values may be short."""
    return bool(re.search(r"(?i)pass(word|wd)?$", key))


def _secret_name(key: str) -> bool:
    """True when a name ends with a secret-ish word: `DB_PASSWORD`, `apiKey`, not `TOKEN_URL`."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", key).lower().replace("-", "_").replace(".", "_")
    return any(snake == n or snake.endswith("_" + n) or snake.endswith(n.replace("_", "")) for n in _SECRET_NAMES)


def _line(text: str, offset: int) -> int:
    """1-based line number of a character offset."""
    return text.count("\n", 0, offset) + 1


# --- Python configuration and code checks ----------------------------------------------------------

_SQL_CALLS = {"execute", "executemany", "executescript", "exec_driver_sql", "text", "raw"}
_WRITE_METHODS = {"post", "put", "patch"}
_UNTYPED = {"dict", "Dict", "Any", "object"}


def check_python(path: str, text: str) -> list[Finding]:
    """CORS, debug/reload, SQL string building, unvalidated write bodies, 0.0.0.0 binds."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError) as exc:
        return [Finding("low", path, getattr(exc, "lineno", None) or 1, "syntax-error",
                        "The file does not parse, so it was not audited",
                        "Fix the syntax error; bandit and these checks skip files they cannot parse.")]
    prod = not is_test_file(path)
    found: list[Finding] = []
    dynamic = _dynamic_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found += _check_call(path, node, dynamic, prod)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found += _check_endpoint(path, node)
        elif prod and isinstance(node, ast.Assign) and _is_true(node.value) and any(
                isinstance(t, ast.Name) and t.id == "DEBUG" for t in node.targets):
            found.append(_debug(path, node.lineno, "DEBUG = True"))
        elif prod and isinstance(node, ast.Constant) and node.value == "0.0.0.0":  # nosec B104
            found.append(Finding("low", path, node.lineno, "bind-all-interfaces",
                                 "Binds to 0.0.0.0 (every network interface)",
                                 "Fine inside a container; elsewhere bind 127.0.0.1 behind a reverse proxy."))
    return found


def _check_call(path: str, call: ast.Call, dynamic: set[str], prod: bool) -> list[Finding]:
    """Checks that look at one call."""
    found: list[Finding] = []
    kw = {k.arg: k.value for k in call.keywords if k.arg}
    origins = kw.get("allow_origins")
    wildcard = isinstance(origins, ast.List | ast.Tuple | ast.Set) and any(
        isinstance(e, ast.Constant) and e.value == "*" for e in origins.elts)
    if wildcard and _is_true(kw.get("allow_credentials")):
        found.append(Finding("high", path, call.lineno, "cors-wildcard-credentials",
                             "CORS allows any origin together with credentials",
                             "List the exact origins that may call the API (from settings), or drop "
                             "allow_credentials."))
    elif wildcard:
        found.append(Finding("low", path, call.lineno, "cors-wildcard",
                             "CORS allows any origin", "Fine for a public read-only API; otherwise list origins."))
    name = _call_name(call)
    if prod and _is_true(kw.get("debug")):
        found.append(_debug(path, call.lineno, f"{name}(debug=True)"))
    if prod and name == "run" and _is_true(kw.get("reload")):
        found.append(_debug(path, call.lineno, "run(reload=True)"))
    if name in _SQL_CALLS and call.args and _is_dynamic(call.args[0], dynamic):
        found.append(Finding("high", path, call.lineno, "sql-string-building",
                             f"SQL built from strings is passed to {name}()",
                             "Use bound parameters (text('... WHERE id = :id'), {'id': value}) or the ORM; "
                             "never format values into SQL."))
    return found


def _check_endpoint(path: str, fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[Finding]:
    """Write endpoints whose body is a bare dict or a raw Request instead of a pydantic model."""
    methods = [d.func.attr for d in fn.decorator_list if isinstance(d, ast.Call)
               and isinstance(d.func, ast.Attribute) and d.func.attr in _WRITE_METHODS]
    if not methods:
        return []
    found: list[Finding] = []
    for arg in fn.args.args + fn.args.kwonlyargs:
        ann = arg.annotation
        base = ann.value if isinstance(ann, ast.Subscript) else ann
        type_name = base.id if isinstance(base, ast.Name) else base.attr if isinstance(base, ast.Attribute) else ""
        if type_name in _UNTYPED:
            found.append(Finding("medium", path, fn.lineno, "unvalidated-body",
                                 f"{methods[0].upper()} endpoint {fn.name}() takes '{arg.arg}' as a bare "
                                 f"{type_name}: no input validation",
                                 "Declare a pydantic model (e.g. ItemCreate) with types and constraints."))
        elif type_name == "Request" and _reads_body(fn, arg.arg):
            found.append(Finding("low", path, fn.lineno, "unvalidated-body",
                                 f"{methods[0].upper()} endpoint {fn.name}() reads the raw request body",
                                 "Parse the body with a pydantic model unless raw bytes are required "
                                 "(e.g. a signed webhook)."))
    return found


def _reads_body(fn: ast.AST, name: str) -> bool:
    """True when `name.json()`, `.form()` or `.body()` is called in fn."""
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in
               ("json", "form", "body") and isinstance(n.func.value, ast.Name) and n.func.value.id == name
               for n in ast.walk(fn))


def _dynamic_names(tree: ast.AST) -> set[str]:
    """Names ever assigned a string built at run time (f-string, +, %, .format)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _is_dynamic(node.value, set()):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and \
                not isinstance(node.value, ast.Constant):
            names.add(node.target.id)
    return names


def _is_dynamic(node: ast.AST, dynamic: set[str]) -> bool:
    """True for strings assembled from run-time values."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return not (isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return True
    return isinstance(node, ast.Name) and node.id in dynamic


def _call_name(call: ast.Call) -> str:
    """`execute` for `cur.execute(...)`, `text` for `text(...)`."""
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def _is_true(node: ast.AST | None) -> bool:
    """True for the literal `True`."""
    return isinstance(node, ast.Constant) and node.value is True


def _debug(path: str, line: int, what: str) -> Finding:
    """A debug/reload finding."""
    return Finding("medium", path, line, "debug-enabled", f"{what} in production code",
                   "Take debug and auto-reload from settings and keep them off in production: they expose "
                   "tracebacks and internals and reload on file changes.")


def _is_entrypoint_config(path: str) -> bool:
    """Dockerfiles and Procfiles: how the app starts in production."""
    name = PurePosixPath(path).name.lower()
    return name.startswith("dockerfile") or name == "procfile"


def check_entrypoint(path: str, text: str) -> list[Finding]:
    """Auto-reload or debug flags in the production start command."""
    return [_debug(path, n, line.strip()[:60]) for n, line in enumerate(text.splitlines(), 1)
            if re.search(r"(?<![\w-])--(?:reload|debug)\b", line) and not line.lstrip().startswith("#")]


# --- DOM sinks ---------------------------------------------------------------------------------------

_SINK = re.compile(r"\.(?P<p>innerHTML|outerHTML)\s*\+?=(?!=)\s*|\.(?P<a>insertAdjacentHTML)\s*\(\s*(['\"`])"
                   r"[^'\"`]*\3\s*,\s*|(?P<w>document\.write(?:ln)?)\s*\(\s*")
_SAFE_CALL = re.compile(r"(?i)^[\w.$]*?(escape\w*|esc|sanitize\w*|encode\w*|purify\w*)\s*\(")
_MAPPED = re.compile(r"^[\w.$]+\.map\(")  # items.map(i => `<li>${escapeHtml(i.name)}</li>`).join("")
_SAFE_VALUE = re.compile(r"^(?:\d+(?:\.\d+)?|[\w.$]+\.length|(?:Number|parseInt|parseFloat)\(.*\)|.*\.toFixed\(.*\))$")


def check_dom_sinks(path: str, text: str) -> list[Finding]:
    """innerHTML/outerHTML/insertAdjacentHTML/document.write fed anything but literals or escaped values."""
    found = []
    for m in _SINK.finditer(text):
        sink = m.group("p") or m.group("a") or m.group("w")
        expr = _js_expression(text, m.end(), in_call=not m.group("p"))
        if expr and not _safe_js(expr):
            found.append(Finding("medium", path, _line(text, m.start()), "dom-xss-sink",
                                 f"{sink} receives non-literal data (possible cross-site scripting)",
                                 "Use textContent / createElement for data, or escape every value "
                                 "(escapeHtml) before building HTML."))
    return found


def _js_expression(text: str, start: int, *, in_call: bool) -> str:
    """The JS expression starting at `start`, up to `;`, a newline, `)` or `,` at depth 0."""
    stack: list[str] = []  # open brackets, "`" for a template literal, "${" for its interpolations
    quote, i = "", start
    while i < len(text):
        c = text[i]
        top = stack[-1] if stack else ""
        if quote or top == "`":
            if c == "\\":
                i += 2
                continue
            if quote and c == quote:
                quote = ""
            elif not quote and c == "`":
                stack.pop()
            elif not quote and text.startswith("${", i):
                stack.append("${")
                i += 2
                continue
        elif c in "'\"":
            quote = c
        elif c in "`([{":
            stack.append(c)
        elif c in ")]}":
            if not stack:
                break
            stack.pop()
        elif not stack and (c == ";" or (c == "," and in_call) or (c == "\n" and not in_call)):
            break
        i += 1
    return text[start:i].strip()


def _safe_js(expr: str) -> bool:
    """True when every `+` part is a literal, a template of escaped values, or an escaping call."""
    return all(_safe_part(part.strip()) for part in _split_plus(expr))


def _split_plus(expr: str) -> list[str]:
    """Split a JS expression at `+` outside strings and brackets."""
    parts, depth, quote, cur, i = [], 0, "", "", 0
    while i < len(expr):
        c = expr[i]
        if quote:
            if c == "\\":
                cur += c + expr[i + 1:i + 2]
                i += 2
                continue
            if c == quote:
                quote = ""
        elif c in "'\"`":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "+" and depth == 0:
            parts.append(cur)
            cur, i = "", i + 1
            continue
        cur += c
        i += 1
    return parts + [cur]


def _safe_part(part: str) -> bool:
    """A literal string, a number, an escaped call, or a template literal with only escaped values."""
    if len(part) >= 2 and part[0] == part[-1] and part[0] in "'\"" and part[0] not in part[1:-1]:
        return True
    if _SAFE_CALL.match(part) or _SAFE_VALUE.match(part):
        return True
    templated = len(part) >= 2 and part[0] == part[-1] == "`"
    if templated or (_MAPPED.match(part) and "`" in part):
        return all(_SAFE_CALL.match(v.strip()) or _SAFE_VALUE.match(v.strip())
                   for v in re.findall(r"\$\{(.*?)\}", part))
    return False


# --- bandit ------------------------------------------------------------------------------------------

_BANDIT_OWN = {"B104", "B105", "B106", "B107"}  # bind-all and hardcoded passwords: our rules above
_LOWER = {"high": "medium", "medium": "low", "low": "low"}


def run_bandit(files: dict[str, str], report: AuditReport) -> list[Finding]:
    """Bandit on a temp copy of the Python files; its severity lowered one step when its confidence is low."""
    py = {p: t for p, t in files.items() if p.endswith(".py") and path_problem(p) is None}
    if not py:
        return []
    # Bandit's plugin loader logs optional formatters it cannot load (e.g. sarif) as errors: not ours to show.
    for name in ("bandit", "stevedore"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        import bandit
        from bandit.core import config, docs_utils, manager
    except ImportError:
        report.notes.append("bandit is not installed: Python files were checked by AUTOCREA's rules only")
        return []
    report.tools.append(f"bandit {bandit.__version__}")
    found: list[Finding] = []
    with tempfile.TemporaryDirectory(prefix="autocrea-audit-") as tmp:
        root = Path(tmp)
        for rel, text in py.items():
            target = root.joinpath(*rel.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8", errors="replace")
        mgr = manager.BanditManager(config.BanditConfig(), "file", quiet=True)
        mgr.discover_files([str(root)], recursive=True)
        mgr.run_tests()
        for issue in mgr.get_issue_list():
            rel = Path(issue.fname).relative_to(root).as_posix()
            if issue.test_id in _BANDIT_OWN or (issue.test_id == "B101" and is_test_file(rel)):
                continue
            severity: Severity = issue.severity.lower()  # type: ignore[assignment]
            if issue.confidence.lower() == "low":
                severity = _LOWER[severity]  # type: ignore[assignment]
            found.append(Finding(severity, rel, issue.lineno, f"bandit-{issue.test_id}",
                                 f"{issue.text} ({issue.test})",
                                 f"Review it; bandit explains the risk at {docs_utils.get_url(issue.test_id)}"))
    return found


# --- report ------------------------------------------------------------------------------------------

_REPORT_TEXT = {
    "en": {"title": "# Security audit", "and": " and ", "none": "no tools",
           "checked": "Checked {files} files ({py} Python) with {tools} (the audit reads the code; it never runs "
                      "it).",
           "tests": "- Tests: {v}", "not run": "not run", "isolation": "- Test isolation: {v}", "no iso": "none",
           "table": "| Severity | Findings |",
           "clean": "No findings. These checks cover known secret formats, hardcoded credentials, CORS, debug "
                    "settings, SQL built from strings, HTML injection sinks, unvalidated write endpoints and "
                    "bandit's rules; they do not prove the code safe. Review authentication, payments and file "
                    "uploads by hand.",
           "findings": "## Findings", "head": "| Severity | File | Line | Rule | Issue | What to do |"},
    "es": {"title": "# Auditoría de seguridad", "and": " y ", "none": "ninguna herramienta",
           "checked": "Se revisaron {files} archivos ({py} de Python) con {tools} (la auditoría lee el código; "
                      "nunca lo ejecuta).",
           "tests": "- Pruebas: {v}", "not run": "no ejecutadas", "isolation": "- Aislamiento de las pruebas: {v}",
           "no iso": "ninguno", "table": "| Gravedad | Hallazgos |",
           "clean": "Sin hallazgos. Estas comprobaciones cubren formatos conocidos de secretos, credenciales "
                    "escritas en el código, CORS, modos de depuración, SQL construido con cadenas, inyección de "
                    "HTML, endpoints de escritura sin validación y las reglas de bandit; no demuestran que el "
                    "código sea seguro. Revisa a mano la autenticación, los pagos y la subida de archivos.",
           "findings": "## Hallazgos", "head": "| Gravedad | Archivo | Línea | Regla | Problema | Qué hacer |"},
}


_SEVERITY_NAMES = {"es": {"high": "alta", "medium": "media", "low": "baja"}}


def render_report(report: AuditReport, *, isolation: str = "", tests: str = "", language: str = "en") -> str:
    """SECURITY_AUDIT.md (English or Spanish): what ran, the counts, and a table of findings with advice."""
    c, tx = report.counts(), _REPORT_TEXT.get(language, _REPORT_TEXT["en"])
    tools = tx["and"].join(report.tools) or tx["none"]
    # No timings in the file: the same project must give the same report (and no noise in History diffs).
    lines = [tx["title"], "", tx["checked"].format(files=report.files_scanned, py=report.python_files, tools=tools),
             ""]
    if isolation or tests:
        lines += [tx["tests"].format(v=tests or tx["not run"]), tx["isolation"].format(v=isolation or tx["no iso"]),
                  ""]
    lines += [f"- {note}" for note in report.notes] + ([""] if report.notes else [])
    names = _SEVERITY_NAMES.get(language, {})
    lines += [tx["table"], "|---|---|"] + [f"| {names.get(s, s)} | {c[s]} |" for s in SEVERITIES] + [""]
    if not report.findings:
        lines += [tx["clean"], ""]
        return "\n".join(lines)
    lines += [tx["findings"], "", tx["head"], "|---|---|---|---|---|---|"]
    for f in report.findings:
        cells = [names.get(f.severity, f.severity), f"`{f.file}`", str(f.line), f.rule, f.message, f.advice]
        lines.append("| " + " | ".join(_cell(x) for x in cells) + " |")
    return "\n".join(lines + [""])


def _cell(text: str) -> str:
    """Make text safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
