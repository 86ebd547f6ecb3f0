"""The document's genre: record, speech, release, criticism, guidance or news.

Worked out once per document (``Facts.genre``) from the data in ``rules/_genres.yml``:
the front matter's ``genre:`` (or ``kind:``) when it names a genre or an alias of one,
otherwise the text's markers ("Mr Speaker", "I beg to move", "CHECK AGAINST DELIVERY",
"Notes to editors", a dateline …), counted outside quoted speech, the first genre in the
file's order whose score reaches its ``min_score``. A document that reaches none has no
genre ("").

What a genre does: a rule says in its YAML how its level changes by genre (``genres:
{speech: suggestion, criticism: off}``, applied by the engine as a cap), and the body of
a *verbatim* genre (a record or a speech) is speech to every rule (``lint.context``), so
a house-style point in a Hansard record is at most a suggestion and never a fix, and a
framing term is the speaker's word: still reported, at the rule's ``quoted:`` level.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache

import regex

from lint import patterns
from lint.configfiles import builtin_rules_dir
from lint.document import Document, SpanIndex
from lint.errors import RuleError
from lint.validate import MAP, NAMES, STR, Option, check_keys, whole_in
from lint.yamlload import LineDict, load_yaml, read_data_file

FILE_NAME = "_genres.yml"


@dataclass(frozen=True)
class Marker:
    """A pattern that shows a genre, compiled when first run (``lint.rules.regexes``),
    with the needles every match of it holds one of (None: none worth testing): a
    document without any of them cannot match it, so it is neither run nor compiled
    there (most documents hold the words of few of the 45 markers)."""

    pattern: regex.Pattern[str]
    needles: frozenset[str] | None

    def finditer(self, text: str, lowered: str | None) -> Iterator[regex.Match[str]]:
        """The pattern's matches in ``text``; none without running it when ``lowered``
        (``text`` lower-cased, where that keeps every match's needles) lacks its needles."""
        needles = self.needles
        if lowered is not None and needles is not None and not any(n in lowered for n in needles):
            return iter(())
        return self.pattern.finditer(text)


@dataclass(frozen=True)
class GenreSpec:
    name: str
    description: str
    min_score: int
    markers: tuple[Marker, ...]
    strong: tuple[Marker, ...] = ()  # each settles the genre alone


@dataclass(frozen=True)
class Genres:
    order: tuple[GenreSpec, ...]
    verbatim: frozenset[str]
    aliases: Mapping[str, str]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(g.name for g in self.order)


_TOP = {
    "order": Option(NAMES, "The genres, in the order they are tried."),
    "verbatim": Option(NAMES, "Genres whose body is someone's words as spoken."),
    "aliases": Option(MAP, "Other names a front matter may give a genre."),
    "genres": Option(MAP, "Each genre's description, markers and min_score."),
}
_GENRE = {
    "description": Option(STR, "Who writes it and what it is."),
    "min_score": Option(whole_in(1, 100), "Marker matches needed."),
    "markers": Option(NAMES, "Patterns that show the genre (one point each)."),
    "strong": Option(NAMES, "Patterns that settle the genre alone.", []),
}


@cache
def genres() -> Genres:
    """The genres, their markers and aliases (read once)."""
    from lint.rules.prefilter import required_literals
    from lint.rules.regexes import compile_pattern

    path = builtin_rules_dir() / FILE_NAME
    where = str(path)
    data = load_yaml(read_data_file(path, "genres", RuleError), where)
    if not isinstance(data, LineDict):
        raise RuleError("the genres file must be a mapping", path=where)
    top = check_keys(data, _TOP, path=where, where=" in the genres file", required=_TOP)
    table = data["genres"]
    specs = []
    for name in top["order"]:
        entry = table.get(name)
        if not isinstance(entry, LineDict):
            raise RuleError(f"genre '{name}' in 'order' has no entry under 'genres'", path=where)
        required = ("description", "min_score", "markers")
        given = check_keys(
            entry, _GENRE, path=where, where=f" in genre '{name}'", required=required
        )
        compiled: dict[str, tuple[Marker, ...]] = {}
        for key in ("markers", "strong"):
            compiled[key] = tuple(
                Marker(
                    compile_pattern(
                        pattern, path=where, line=entry.line_of(key), key=f"{name} {key}"
                    ),
                    required_literals(pattern),
                )
                for pattern in given.get(key, [])
            )
        specs.append(
            GenreSpec(
                name,
                given["description"],
                given["min_score"],
                compiled["markers"],
                compiled["strong"],
            )
        )
    names = {s.name for s in specs}
    extra = set(table) - names
    if extra:
        raise RuleError(f"genre(s) {sorted(extra)} are not in 'order'", path=where)
    aliases = {str(k).lower(): str(v) for k, v in top["aliases"].items()}
    for alias, target in aliases.items():
        if target not in names:
            raise RuleError(f"alias '{alias}' names unknown genre '{target}'", path=where)
    verbatim = set(top["verbatim"])
    if not verbatim <= names:
        raise RuleError(f"verbatim genre(s) {sorted(verbatim - names)} unknown", path=where)
    return Genres(tuple(specs), frozenset(verbatim), aliases)


_FRONT_MATTER = patterns.compile(
    r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S
)
_FRONT_KEY = patterns.lazy(r"(?m)^(genre|kind)[ \t]*:[ \t]*[\"']?([\w -]+?)[\"']?[ \t]*$")


def declared(source: str) -> str:
    """The genre a document's front matter gives (``genre:`` before ``kind:``), or ""."""
    m = _FRONT_MATTER.match(source)
    if m is None:
        return ""
    table = genres()
    found: dict[str, str] = {
        str(key): str(value).strip().lower() for key, value in _FRONT_KEY.findall(m.group(1))
    }
    for key in ("genre", "kind"):
        value = found.get(key, "")
        if value in table.names:
            return value
        if value in table.aliases:
            return str(table.aliases[value])
    return ""


def score(spec: GenreSpec, doc: Document, quotes: SpanIndex, lowered: str | None = None) -> int:
    """The genre's marker matches in the text, outside quoted speech (a strong marker
    scores the whole ``min_score``), counted until they reach ``min_score``. ``lowered``:
    the text lower-cased, when a marker may be skipped for lack of its needles there."""
    found = 0
    for weight, markers in ((spec.min_score, spec.strong), (1, spec.markers)):
        for marker in markers:
            for m in marker.finditer(doc.text, lowered):
                if quotes.containing(m.start(), m.end()) is None:
                    found += weight
                    if found >= spec.min_score:
                        return found
    return found


def detect(doc: Document, quotes: SpanIndex) -> str:
    """The document's genre: its front matter's, else the first its markers reach."""
    from lint.rules.words import matchable

    given = declared(doc.source)
    if given:
        return given
    lowered = doc.text.lower()
    known = lowered if matchable(doc.text, lowered) else None  # None: a case folds otherwise
    for spec in genres().order:
        if score(spec, doc, quotes, known) >= spec.min_score:
            return spec.name
    return ""


def is_verbatim(genre: str) -> bool:
    return genre in genres().verbatim
