"""Style requests ("white background, navy components", "papaya whip as the base color", "#ff5722") -> ThemeSpec.

Colour names come from vocabulary/colours.json (the 148 CSS names, common extras, Spanish); a name of several words
("mint cream", "dark orange") is one colour, so "dark orange" never means dark mode.
"""

from __future__ import annotations

import re
from functools import cache

from core.engine.understand.lexicon import normalise
from core.engine.understand.vocab import load
from core.spec import ThemeSpec

_BACKGROUND = {"background", "backgrounds", "bg", "backdrop", "fondo", "fondos", "base", "layout", "page",
               "pages", "canvas", "body", "surface", "diseno", "behind"}  # 'mint cream behind the content'
_COMPONENTS = {"button", "buttons", "card", "cards", "component", "components", "accent", "accents", "primary",
               "main", "brand", "link", "links", "header", "headers", "navbar", "menu", "botones", "boton",
               "tarjetas", "componentes", "acento", "acentos", "principal", "primario", "enlaces", "highlights", "logo",
               "highlight", "elements", "details", "element", "controls", "control", "interactive", "navigation",
               "bits", "elementos", "interactivos", "controles", "navegacion", "headings", "heading", "titles",
               "titulos", "encabezados"}
_WEAK_ROLES = {"menu", "header", "headers", "page", "pages", "body", "surface", "canvas", "base", "details", "elements",
               "main", "link", "links", "brand", "layout", "diseno", "interactive", "bits", "navigation", "control",
               "controls", "element", "interactivos", "behind"}  # everyday nouns too: a colour must be beside them
_FOLLOWERS = {"for", "as", "on", "and", "or", "with", "to", "in", "of", "is", "are", "should", "be", "please", "de",
              "para", "como", "en", "y", "o", "sobre", "con", "tones", "shade", "shades", "maybe", "perhaps", "pls",
              "so", "too", "then", "but"}
_WISH = re.compile(r"\b(?:make|paint|colou?r|turn) (?:it|them|the (?:site|app|website|page|pages|whole thing|design)|"
                   r"everything|the whole (?:site|app|thing))\b|\b(?:can|could|should|would) (?:everything|it|the "
                   r"(?:site|app|website|design)) be\b|\b(?:que sea|que sean|ponl[ao]s?|hazl[ao]s?|pintal[ao]s?)\b|"
                   r"\b(?:please|pls|maybe|perhaps|por favor|porfa)$|^(?:maybe|perhaps|something) |"
                   r"\b(?:so use that|use that|i (?:love|like)|me gusta)\b|"
                   r"\bthe (?:site|app|website|web ?app|page|pages|design) (?:should |must |will |can )?"
                   r"(?:use|be in)\b|\b(?:la web|el sitio|la app|la pagina|el diseno) (?:deberia |debe |tiene que )?"
                   r"(?:usar|use|ser en)\b")
_BASES = {"base", "layout", "diseno"}
_TEXT = {"text", "font", "fonts", "texto", "letras", "letra", "typography"}
_STYLE_WORDS = {"color", "colour", "colors", "colours", "theme", "palette", "scheme", "style", "look", "tone",
                "shades", "tema", "colores", "estilo", "paleta", "tonos", "styled", "coloured", "colored"}
_CLAUSE = re.compile(r"[,;.!?\n]| and | y | with | con | but ")
_DARK = re.compile(r"\b(dark (?:theme|mode|ui|look|style)|night mode|modo oscuro|tema oscuro|dark$)")
_RGB = re.compile(r"\brgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)")
_LIGHT = re.compile(r"\b(light (?:theme|mode|ui)|modo claro|tema claro)\b")


@cache
def colour_table() -> dict[str, str]:
    """Every colour word we know (joined, no spaces) -> #rrggbb."""
    data = load("colours")
    table = {**data["css"], **data["extra"]}
    table.update({es: table[en] for es, en in data["es"].items()})
    return table


def to_hex(name: str) -> str:
    """A colour name (EN or ES, spaces allowed) or hex -> lowercase #rrggbb."""
    name = normalise(name).strip()
    if name.startswith("#"):
        h = name[1:]
        return "#" + ("".join(c * 2 for c in h) if len(h) == 3 else h)
    return colour_table()[name.replace(" ", "").replace("-", "")]


def is_dark(hex_colour: str) -> bool:
    """True for colours a light text reads well on."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b < 128


def colours_in(clause: str) -> list[tuple[int, int, str]]:
    """(start word, end word, hex) of every colour in a clause, longest names first ('dark orange' is one)."""
    words = re.findall(r"#[0-9a-f]{6}\b|#[0-9a-f]{3}\b|[a-z]+", clause)
    table = colour_table()
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            joined = "".join(words[i:i + n])
            if len(words[i:i + n]) == n and (joined in table or n == 1 and joined.startswith("#")):
                out.append((i, i + n, to_hex(joined)))
                i += n
                break
        else:
            i += 1
    return out


def _role(words: list[str], start: int, end: int, clause_roles: set[str]) -> tuple[str, str]:
    """(role, word): background, primary or text by the role word right after the colour, else the nearest
    before it."""
    after = words[end:end + 2]
    before = words[max(0, start - 5):start]
    for group in (after, list(reversed(before))):
        for w in group:
            for vocab, name in ((_BACKGROUND, "background"), (_COMPONENTS, "primary"), (_TEXT, "text")):
                if w in vocab:
                    return name, w
    if "background" in clause_roles and len(clause_roles) == 1:
        return "background", next(w for w in words if w in _BACKGROUND)
    return "primary", ""


def infer_theme(prompt: str, base: ThemeSpec | None = None) -> ThemeSpec:
    """Theme from style words in the prompt, starting from `base`."""
    text = _RGB.sub(lambda m: "#" + "".join(f"{min(int(x), 255):02x}" for x in m.groups()), normalise(prompt))
    theme = (base or ThemeSpec()).model_copy()
    said: list[tuple[str, str, str]] = []
    waiting: set[str] = set()  # 'el color principal, verde': a role said, its colour in the next clause
    last_wish = False
    clause_before: set[str] = set()
    for clause in _CLAUSE.split(text):
        words = re.findall(r"#[0-9a-f]{6}\b|#[0-9a-f]{3}\b|[a-z]+", clause)
        roles = {name for vocab, name in ((_BACKGROUND, "background"), (_COMPONENTS, "primary"), (_TEXT, "text"))
                 if set(words) & vocab}
        wish = bool(_WISH.search(clause.strip()))  # 'make it crimson', 'teal please', 'que sea naranja'
        styled = roles or set(words) & _STYLE_WORDS or wish
        found_here = colours_in(clause)
        paired = any(words[b[0] - 1] in {"on", "sobre"} and a[1] == b[0] - 1
                     for a, b in zip(found_here, found_here[1:], strict=False))  # 'deep pink on black'
        styled = styled or paired
        if found_here and not styled and said and said[-1][1] == "" and last_wish and len(words) <= 2 and \
                _neutral(found_here[0][2]):
            said.append(("background", "and", found_here[0][2]))  # 'the site should use forest green and white'
            continue
        if not found_here and said and said[-1][0] == "text" and len(words) <= 3 and set(words) & _COMPONENTS and \
                said[-1][2] in clause_before:
            said.append(("primary", "and", said[-1][2]))  # 'dark slate gray for text and buttons': both
        clause_before = {h for _s, _e, h in found_here}
        last_wish = wish and bool(found_here)
        if found_here and not styled and len(waiting) == 1 and len(words) <= 3:
            said.append((next(iter(waiting)), "said before", found_here[0][2]))
            waiting = set()
            continue
        waiting = roles if roles and not found_here and set(words) & (_STYLE_WORDS | _BACKGROUND | _COMPONENTS) - \
            _WEAK_ROLES else set()
        for k, (start, end, hex_colour) in enumerate(found_here):
            if not styled and not words[start].startswith("#"):
                continue  # 'tomatoes and salmon' in a recipe are food, not colours
            if k + 1 < len(found_here) and words[found_here[k + 1][0]].startswith("#") and (
                    found_here[k + 1][0] == end or found_here[k + 1][0] == end + 1 and words[end] in _BACKGROUND |
                    _COMPONENTS | _TEXT):
                continue  # 'charcoal #2B2B2B', 'a near-black background (#121212)': the code says exactly which
            if k and start >= 1 and words[start - 1] in {"on", "sobre"} and found_here[k - 1][1] == start - 1:
                said.append(("background", "on", hex_colour))  # 'deep pink on black': the second is the page
                continue
            strong = set(words) & (_STYLE_WORDS | _BACKGROUND | _COMPONENTS | _TEXT) - _WEAK_ROLES
            after = words[end] if end < len(words) else ""
            named = after.isalpha() and after not in _FOLLOWERS and not colours_in(after) and \
                after not in _STYLE_WORDS | _BACKGROUND | _COMPONENTS | _TEXT  # 'tomato soup', 'olive oil'
            near = set(words[max(0, start - 4):end + 4]) & _WEAK_ROLES or wish or paired
            if not strong and not words[start].startswith("#") and (named or not near):
                continue  # 'our menu has tomato soup': a dish, though a menu can be coloured
            said.append((*_role(words, start, end, roles), hex_colour))
    # 'a maroon and ivory scheme, with maroon for buttons and ivory for the background': the roles said win
    said.sort(key=lambda x: not x[1])
    if any(role == "background" and word not in _BASES for role, word, _ in said):
        # 'use #2e7d32 as the base color and #f5f5f0 for the page background', 'the base colour of the layout to
        # saddle brown and antique white for the page background': the base is the brand colour
        said = [("primary" if word in _BASES else role, word, h) for role, word, h in said]
    found: dict[str, str] = {}
    for role, _word, hex_colour in said:
        found.setdefault(role, hex_colour)
    without_colours = " ".join(w for w in re.findall(r"[a-z]+", text) if w not in {"dark", "light"} or
                               not _names_colour(text, w))
    if _DARK.search(text) or re.search(r"\b(dark|oscuro|oscura)\b", without_colours):
        theme.mode = "dark"
    elif _LIGHT.search(text):
        theme.mode = "light"
    if "background" in found:
        theme.background = found["background"]
        theme.mode = "dark" if is_dark(theme.background) else "light"
    if "primary" in found:
        theme.primary = found["primary"]
    if "text" in found:
        theme.text = found["text"]
    return theme


def _neutral(hex_colour: str) -> bool:
    """White, black and the near-whites and near-blacks: the page a brand colour sits on."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return max(r, g, b) - min(r, g, b) <= 24 and (min(r, g, b) >= 230 or max(r, g, b) <= 40)


def _names_colour(text: str, word: str) -> bool:
    """Whether every use of 'dark'/'light' in the text is part of a colour name ('dark orange')."""
    uses = re.findall(rf"\b{word} ([a-z]+)(?: ([a-z]+))?", text)
    table = colour_table()
    return bool(uses) and all(word + a in table or word + a + b in table for a, b in uses)


def has_style(prompt: str) -> bool:
    """Whether the text asks for any visual change."""
    t = normalise(prompt)
    return bool(_DARK.search(t) or _LIGHT.search(t) or re.search(r"\b(dark|oscuro|oscura)\b", t) or
                any(colours_in(c) for c in _CLAUSE.split(t)))
