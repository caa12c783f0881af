"""The understanding bench's model sources: the architect a provider runs (compact plan + merge for JoxCoder Local).

Counts tokens and calls, and reads the local server's peak memory, for the bench's "model" section.
"""

from __future__ import annotations

import os
import resource
import time
from collections.abc import Callable
from pathlib import Path

from core.errors import ProviderError
from core.spec import AppSpec

STATS: dict[str, float] = {"calls": 0, "prompt_tokens": 0, "completion_tokens": 0, "model_seconds": 0.0,
                           "failures": 0}


def model_source(name: str) -> Callable[[str], AppSpec]:
    """prompt -> AppSpec as the run's architect would design it with provider `name` (first runs only)."""
    from core.providers import build_provider
    from core.providers.base import ProviderOptions
    from core.roles.architect import constrained_spec, model_spec
    from core.roles.base import RunContext

    provider = build_provider(name)
    options = provider.tune(ProviderOptions())

    def source(prompt: str) -> AppSpec:
        ctx = RunContext(project_id="bench", run=1, prompt=prompt, provider=provider, options=options, files={})
        start = time.perf_counter()
        try:
            if provider.plans_compactly:
                spec, _source, _problem, usage, _detail = constrained_spec(ctx)
            else:
                spec, _source, _problem, usage = model_spec(ctx)
        except ProviderError:
            STATS["failures"] += 1
            raise
        finally:
            STATS["model_seconds"] += time.perf_counter() - start
        STATS["calls"] += 1
        STATS["prompt_tokens"] += usage.prompt_tokens
        STATS["completion_tokens"] += usage.completion_tokens
        return spec

    return source


def report(name: str) -> dict[str, object]:
    """Tokens, calls, peak memory (this process and the local server) and the machine's load."""
    calls = max(int(STATS["calls"]), 1)
    out: dict[str, object] = {
        "calls": int(STATS["calls"]), "failures": int(STATS["failures"]),
        "tokens_per_prompt": round((STATS["prompt_tokens"] + STATS["completion_tokens"]) / calls, 1),
        "prompt_tokens_per_prompt": round(STATS["prompt_tokens"] / calls, 1),
        "completion_tokens_per_prompt": round(STATS["completion_tokens"] / calls, 1),
        "bench_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_average_at_end": [round(x, 1) for x in os.getloadavg()], "cpus": os.cpu_count(),
    }
    if name == "joxcoder_local":
        from core.localmodel.runtime import get_server

        server = get_server()
        out["server_threads"] = server.thread_count()
        if server.proc is not None:
            status = Path(f"/proc/{server.proc.pid}/status").read_text()
            peak = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")), "0")
            out["server_peak_rss_mb"] = round(int(peak) / 1024, 1)
    return out
