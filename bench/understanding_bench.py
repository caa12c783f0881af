"""Understanding benchmark: does the spec hold what the prompt asked for?

Prints ONE JSON object: entity recall and precision, relations stated -> linked, requested features found,
colours right, declines, verb-phrase fields, not_built reported, seconds per prompt (p50/p95).

Sources: ../shared/eval/dev-labels.jsonl (a reviewer's expected entities for 40 SRDD rows; evaluation only,
never copied into the repository; skipped cleanly when absent) and the prompt sets below, written for this
bench (colours, relations, features, declines).

Usage: python bench/understanding_bench.py [--provider offline|joxcoder_local|openai|...] [--only labels,relations,...]
       [--limit N] [--rows] [--labels FILE]
A model provider runs the architect as a generation would (JoxCoder Local: the compact plan merged with the offline
understanding) and adds a "model" section: tokens per prompt, calls, peak memory, load.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.errors import ProviderError, UnsupportedRequestError, ValidationError  # noqa: E402
from core.spec import AppSpec  # noqa: E402

LABELS = ROOT.parent / "shared/eval/dev-labels.jsonl"

# (prompt, [(child, parent, kind)]) — kind "belongs_to" (child -> parent) or "many_to_many" (either side).
RELATIONS: list[tuple[str, list[tuple[str, str, str]]]] = [
    ("A blog with posts, tags, comments and authors. Each post is written by an author.",
     [("Post", "Author", "belongs_to"), ("Comment", "Post", "belongs_to"), ("Post", "Tag", "many_to_many")]),
    ("An online store: customers place orders, each order has order items that reference products.",
     [("Order", "Customer", "belongs_to"), ("OrderItem", "Order", "belongs_to"),
      ("OrderItem", "Product", "belongs_to")]),
    ("A library where members borrow books; every book belongs to an author.",
     [("Book", "Author", "belongs_to"), ("Loan", "Member", "belongs_to"), ("Loan", "Book", "belongs_to")]),
    ("Project tracker: projects contain tasks, and tasks are assigned to team members.",
     [("Task", "Project", "belongs_to"), ("Task", "Member", "belongs_to")]),
    ("Una app para un gimnasio con socios, clases y reservas; cada reserva es de un socio para una clase.",
     [("Booking", "Member", "belongs_to"), ("Booking", "GymClass", "belongs_to")]),
    ("A course platform where students enroll in courses taught by instructors.",
     [("Course", "Instructor", "belongs_to"), ("Enrollment", "Student", "belongs_to"),
      ("Enrollment", "Course", "belongs_to")]),
    ("Movie catalogue: movies have many actors and actors appear in many movies; users write reviews of movies.",
     [("Movie", "Actor", "many_to_many"), ("Review", "Movie", "belongs_to")]),
    ("A helpdesk where customers open tickets and agents reply to tickets.",
     [("Ticket", "Customer", "belongs_to"), ("Reply", "Ticket", "belongs_to"), ("Reply", "Agent", "belongs_to")]),
    ("Gestor de inventario: cada producto pertenece a un proveedor y a un almacén.",
     [("Product", "Supplier", "belongs_to"), ("Product", "Warehouse", "belongs_to")]),
    ("A recipe site where recipes have ingredients and belong to categories.",
     [("Ingredient", "Recipe", "belongs_to"), ("Recipe", "Category", "belongs_to")]),
]

# (prompt, features that must be in spec.features)
FEATURES: list[tuple[str, set[str]]] = [
    ("A recipe sharing site where users post recipes, rate them and save favourites.", {"ratings", "favourites"}),
    ("A photo gallery where people upload photos and comment on them.", {"uploads", "comments"}),
    ("A knowledge base of articles with tags so readers can filter by topic.", {"tags"}),
    ("A dentist booking app: patients book appointments with a dentist for a time slot.", {"booking_slots"}),
    ("A Trello-like board with lists and cards that can be reordered.", {"ordering"}),
    ("Expense reports that employees submit and managers approve or reject.", {"workflow"}),
    ("A job board where candidates apply to jobs by uploading a CV.", {"uploads"}),
    ("Una tienda donde los clientes valoran los productos y guardan sus favoritos.", {"ratings", "favourites"}),
    ("A book club app where members review books and comment on reviews.", {"ratings", "comments"}),
    ("Reserva de salas de reuniones por horas, sin solapamientos.", {"booking_slots"}),
    ("A bookmarking tool where users save links and label them with tags.", {"tags"}),
    ("Support tickets move through statuses: open, in progress, resolved, closed.", {"workflow"}),
]

# (prompt, expected primary or None, expected background or None, expected mode or None) as CSS hex.
COLOURS: list[tuple[str, str | None, str | None, str | None]] = [
    ("A todo app with a dark orange theme.", "#ff8c00", None, "light"),
    ("A notes app with a mint cream background and saddle brown buttons.", "#8b4513", "#f5fffa", None),
    ("Inventory tracker, white background, navy components.", "#000080", "#ffffff", "light"),
    ("A habit tracker with papaya whip as the base color of the layout.", None, "#ffefd5", None),
    ("Blog with a dark mode look and teal accents.", "#008080", None, "dark"),
    ("Una app de recetas con fondo negro y botones verdes.", "#008000", "#000000", "dark"),
    ("Event planner; buttons and cards in #ff5722.", "#ff5722", None, None),
    ("A CRM with light goldenrod for the layout and dark slate blue for components.", "#483d8b", None, None),
    ("Contacts app, primary colour crimson.", "#dc143c", None, None),
    ("Aplicación de tareas con color principal azul marino.", "#000080", None, None),
]

# Not data apps: the honest answer is unsupported.
DECLINES: list[str] = [
    "A pomodoro timer that rings every 25 minutes.",
    "A markdown editor with live preview.",
    "A tool that formats Python source code automatically.",
    "A chrome extension that blocks ads.",
    "A platformer game with levels and a boss fight.",
    "A disk space analyser that shows which folders are largest.",
    "Un conversor de divisas que consulta una API externa en tiempo real.",
    "A diagram editor to draw flowcharts by dragging shapes.",
]

_VERBISH = re.compile(
    r"^(rate|save|provide|allow|help|manage|create|track|let|enable|make|use)s?_|"
    r"(^|_)(them|their|easy|efficient|way|users|can|will|able|also|which|that|using|based|such|etc)(_|$)")


# Names a reviewer takes for the same thing (spelling or a common synonym), compared after norm().
SYNONYMS = [{"booking", "reservation"}, {"customer", "client"}, {"review", "rating"}, {"favourite", "favorite"}]


def norm(name: str) -> str:
    """Lower-case letters and digits only, trailing plural 's' dropped."""
    n = re.sub(r"[^a-z0-9]", "", name.lower())
    return n[:-1] if n.endswith("s") and len(n) > 3 else n


def matches(produced: str, expected: str) -> bool:
    """An expected entity ('A/B' alternatives) is matched by a produced one: same word, or one ends the other."""
    p = norm(produced)
    for alt in expected.split("/"):
        e = norm(alt)
        if any(p in group and e in group for group in SYNONYMS) or p == e:
            return True
        if (len(e) >= 4 and p.endswith(e)) or (len(p) >= 4 and e.endswith(p)):
            return True
    return False


def link_tables(spec: AppSpec, expected: list[str]) -> list[str]:
    """The join table each many-to-many relation becomes in the generated app, named as a reviewer would name it
    ('RecipeTag' or 'TagRecipe', whichever the labels use; the renderer writes it as an association table)."""
    out = []
    for e in spec.entities:
        for r in e.relations:
            if r.kind == "many_to_many":
                one, other = f"{e.name}{r.target}", f"{r.target}{e.name}"
                out.append(other if any(matches(other, x) for x in expected) else one)
    return out


def offline_spec(prompt: str) -> AppSpec:
    """The offline engine's understanding."""
    from core.engine import infer_spec

    return infer_spec(prompt)


SOURCES: dict[str, Callable[[str], AppSpec]] = {"offline": offline_spec}
MODEL_PROVIDERS = ("joxcoder_local", "joxcoder", "openai", "openai_compatible", "anthropic")
LIMIT: int | None = None


def run(source: Callable[[str], AppSpec], prompt: str) -> tuple[str, AppSpec | None, float, str]:
    """(status, spec, seconds, message): status is built, unsupported, refused, failed or crashed."""
    start = time.perf_counter()
    try:
        spec = source(prompt)
        status, msg = "built", ""
    except UnsupportedRequestError as exc:
        spec, status, msg = None, "unsupported", str(exc)
    except ValidationError as exc:
        spec, status, msg = None, "refused", str(exc)
    except ProviderError as exc:
        spec, status, msg = None, "failed", str(exc)
    except Exception as exc:  # a crash is counted and named, and the run goes on to the other prompts
        spec, status, msg = None, "crashed", f"{type(exc).__name__}: {exc}"
    return status, spec, time.perf_counter() - start, msg


def verb_fields(spec: AppSpec) -> list[str]:
    """Field names that read like verb phrases or sentence fragments."""
    return [f"{e.name}.{f.name}" for e in spec.entities for f in e.fields
            if _VERBISH.search(f.name) or f.name.count("_") >= 4]


def linked(spec: AppSpec, child: str, parent: str, kind: str) -> bool:
    """Is the stated link in the spec (matching names loosely)?"""
    for e in spec.entities:
        for r in e.relations:
            if kind == "many_to_many":
                pair = {(e.name, r.target), (r.target, e.name)}
                if r.kind == "many_to_many" and any(matches(a, child) and matches(b, parent) for a, b in pair):
                    return True
                # A join entity with links to both also expresses many-to-many.
            elif r.kind == "belongs_to" and matches(e.name, child) and matches(r.target, parent):
                return True
    if kind == "many_to_many":
        for e in spec.entities:
            targets = [r.target for r in e.relations if r.kind == "belongs_to"]
            if any(matches(t, child) for t in targets) and any(matches(t, parent) for t in targets):
                return True
    return False


def bench_labels(source: Callable[[str], AppSpec], rows_out: list[dict] | None) -> dict:
    """Entity recall/precision, declines and features accounted for, against the reviewer's labels."""
    if not LABELS.exists():
        return {"skipped": f"{LABELS} not found"}
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()][:LIMIT]
    exp_total = exp_hit = prod_total = prod_hit = 0
    decl = {"should_decline": 0, "declined": 0, "false_declines": 0, "arguable": 0, "arguable_declined": 0}
    feats_total = feats_found = 0
    verbs: list[str] = []
    not_built_rows = 0
    times: list[float] = []
    crashes: list[str] = []
    for r in rows:
        status, spec, secs, msg = run(source, r["prompt"])
        times.append(secs)
        sd = r["should_decline"]
        if sd is True:
            decl["should_decline"] += 1
            decl["declined"] += status != "built"
        elif sd == "arguable":
            decl["arguable"] += 1
            decl["arguable_declined"] += status != "built"
        elif status != "built":
            decl["false_declines"] += 1
        out = {"id": r["id"], "status": status}
        if status == "crashed":
            crashes.append(f"{r['id']}: {msg[:160]}")
        if sd is False:
            expected = r["expected_entities"]
            produced = [e.name for e in spec.entities] + link_tables(spec, expected) if spec else []
            exp_total += len(expected)
            exp_hit += sum(any(matches(p, x) for p in produced) for x in expected)
            prod_total += len(produced)
            prod_hit += sum(any(matches(p, x) for x in expected) for p in produced)
            if spec:
                verbs += verb_fields(spec)
                not_built_rows += bool(spec.not_built)
                said = " ".join([*spec.requested, *spec.not_built, *spec.features,
                                 *(e.name for e in spec.entities)]).lower()
                for phrase in r["requested_features"]:
                    feats_total += 1
                    words = [w[:5] for w in re.findall(r"[a-z]{4,}", phrase.lower())]
                    feats_found += any(w in said for w in words)
            out.update(expected=expected, produced=produced, missing=[x for x in expected
                       if not any(matches(p, x) for p in produced)], message=msg[:120])
        if rows_out is not None:
            rows_out.append(out)
    return {
        "rows": len(rows),
        "entity_recall": round(exp_hit / max(exp_total, 1), 3),
        "entity_precision": round(prod_hit / max(prod_total, 1), 3),
        "requested_features_accounted": round(feats_found / max(feats_total, 1), 3),
        "declines": decl,
        "verb_phrase_fields": verbs,
        "rows_with_not_built": not_built_rows,
        "crashes": crashes,
        "seconds_p50": round(statistics.median(times), 4),
        "seconds_p95": round(sorted(times)[int(0.95 * (len(times) - 1))], 4),
    }


def bench_relations(source: Callable[[str], AppSpec], rows_out: list[dict] | None) -> dict:
    """Share of the links the prompts state that are relations in the spec."""
    total = hit = 0
    for prompt, links in RELATIONS:
        _, spec, _, _ = run(source, prompt)
        for child, parent, kind in links:
            ok = bool(spec) and linked(spec, child, parent, kind)
            total += 1
            hit += ok
            if rows_out is not None and not ok:
                rows_out.append({"relation_missing": f"{child} -> {parent} ({kind})", "prompt": prompt})
    return {"stated": total, "linked": hit, "rate": round(hit / total, 3)}


def bench_features(source: Callable[[str], AppSpec], rows_out: list[dict] | None) -> dict:
    """Share of requested entity features present in spec.features."""
    total = hit = 0
    for prompt, wanted in FEATURES:
        _, spec, _, _ = run(source, prompt)
        have = set(spec.features) if spec else set()
        total += len(wanted)
        hit += len(wanted & have)
        if rows_out is not None and wanted - have:
            rows_out.append({"features_missing": sorted(wanted - have), "prompt": prompt})
    return {"requested": total, "present": hit, "rate": round(hit / total, 3)}


def bench_colours(source: Callable[[str], AppSpec], rows_out: list[dict] | None) -> dict:
    """Share of colour prompts whose theme has every colour and mode asked for."""
    ok_count = 0
    for prompt, primary, background, mode in COLOURS:
        _, spec, _, _ = run(source, prompt)
        theme = spec.theme if spec else None
        ok = bool(theme) and (primary is None or theme.primary.lower() == primary) and (
            background is None or theme.background.lower() == background) and (mode is None or theme.mode == mode)
        ok_count += ok
        if rows_out is not None and not ok:
            rows_out.append({"colour_wrong": prompt, "theme": theme.model_dump() if theme else None})
    return {"prompts": len(COLOURS), "right": ok_count, "rate": round(ok_count / len(COLOURS), 3)}


def bench_declines(source: Callable[[str], AppSpec], rows_out: list[dict] | None) -> dict:
    """Share of non-data-app prompts answered unsupported."""
    declined = 0
    for prompt in DECLINES:
        status, _, _, _ = run(source, prompt)
        declined += status == "unsupported"
        if rows_out is not None and status != "unsupported":
            rows_out.append({"not_declined": prompt, "status": status})
    return {"prompts": len(DECLINES), "declined": declined, "rate": round(declined / len(DECLINES), 3)}


PARTS = {"labels": bench_labels, "relations": bench_relations, "features": bench_features,
         "colours": bench_colours, "declines": bench_declines}


def main() -> None:
    """Run the chosen parts and print one JSON object."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--provider", default="offline", choices=sorted([*SOURCES, *MODEL_PROVIDERS]))
    ap.add_argument("--limit", type=int, default=None, help="only the first N prompts of each part (slow models)")
    ap.add_argument("--only", default=",".join(PARTS), help="comma-separated: " + ",".join(PARTS))
    ap.add_argument("--rows", action="store_true", help="include per-row details (misses) in the output")
    ap.add_argument("--labels", type=Path, default=None, help="a labels file in dev-labels.jsonl's format")
    args = ap.parse_args()
    global LIMIT, RELATIONS, FEATURES, COLOURS, DECLINES, LABELS
    LABELS = args.labels or LABELS
    if args.limit:
        LIMIT = args.limit
        RELATIONS, FEATURES, COLOURS, DECLINES = (RELATIONS[:LIMIT], FEATURES[:LIMIT], COLOURS[:LIMIT],
                                                  DECLINES[:LIMIT])
    if args.provider in SOURCES:
        source = SOURCES[args.provider]
    else:
        from bench.model_source import model_source

        source = model_source(args.provider)
    details: list[dict] | None = [] if args.rows else None
    result: dict = {"provider": args.provider, "limit": LIMIT}
    for part in args.only.split(","):
        result[part] = PARTS[part](source, details)
    if args.provider not in SOURCES:
        from bench.model_source import report

        result["model"] = report(args.provider)
        if args.provider == "joxcoder_local":
            from core.localmodel.runtime import reset_server

            reset_server()
    if details is not None:
        result["details"] = details
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
