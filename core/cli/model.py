"""`model install | serve | status`: JoxCoder Local (Qwen2.5-Coder-1.5B on llama-server) on this machine."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from core.cli.output import emit
from core.errors import ValidationError


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `model` command and its subcommands."""
    p = sub.add_parser("model", help="JoxCoder Local: install, serve or check the model on this machine")
    inner = p.add_subparsers(dest="action", required=True)
    install = inner.add_parser("install", help="fetch and verify the weights, build llama-server (`make model`)")
    install.add_argument("--jobs", type=int, default=2, help="parallel compile jobs (default 2)")
    install.add_argument("--json", action="store_true")
    serve = inner.add_parser("serve", help="run llama-server in the foreground (split deployments)")
    serve.add_argument("--json", action="store_true")
    status = inner.add_parser("status", help="installed? running? where?")
    status.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def _install(args: argparse.Namespace) -> int:
    from core.localmodel import install, paths

    say = (lambda text: print(text, file=sys.stderr)) if args.json else print
    install.install(say=say, jobs=max(1, args.jobs))
    emit(args, {"installed": True, "weights": str(paths.weights_file()), "server": str(paths.server_binary())},
         "Done.")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from core.localmodel import paths
    from core.localmodel.runtime import get_server

    if not paths.installed():
        raise ValidationError("JoxCoder Local is not installed: run `make model` first")
    server = get_server()
    stop = threading.Event()

    def _stop(_sig: int, _frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    url = server.ensure_running()
    if not server.owned:
        raise ValidationError(f"a server already answers at {url}: nothing to start")
    emit(args, {"url": url, "state": "ready"}, f"JoxCoder Local serving at {url} (Ctrl+C stops it)")
    sys.stdout.flush()
    while not stop.wait(1.0):
        if server.status()[0] == "failed":
            break
    state, reason = server.status()
    server.stop()
    if state == "failed":
        print(f"error: llama-server failed: {reason}", file=sys.stderr)
        return 1
    return 0


def _status(args: argparse.Namespace) -> int:
    from core.localmodel import paths
    from core.localmodel.runtime import get_server

    server = get_server()
    state, reason = server.status()
    data = {"state": state, "reason": reason, "url": server.url, "installed": paths.installed(),
            "missing": paths.missing(), "model_dir": str(paths.model_dir())}
    text = f"JoxCoder Local: {state}" + (f" ({reason})" if reason else "") + f"; {server.url}"
    if data["missing"]:
        text += "\nmissing: " + "; ".join(data["missing"]) + "\nrun `make model` to install"
    emit(args, data, text)
    return 0


def run(args: argparse.Namespace) -> int:
    """Dispatch to the subcommand."""
    return {"install": _install, "serve": _serve, "status": _status}[args.action](args)
