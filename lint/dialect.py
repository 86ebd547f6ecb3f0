"""The document's dialect: whether a document is consistent US English.

Rules that check UK conventions say so (``dialect: en-GB`` in their YAML: US spellings,
US date order). A document of 100 words or more in which they find at least two different
US forms (or of 250 words or more with one US spelling) and which has no UK spelling (the
lexicon's ``uk_spellings``) is US copy, not UK copy with slips: its US forms are one
suggestion for the document, not a warning per word. A team says ``dialect: en-US`` in
its configuration to turn those rules off, or ``en-GB`` to have every US form reported
whatever the rest of the document says (the default is ``auto``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

import regex

from lint import lexicon
from lint.finding import Finding, FixSafety, Severity

#: Different US forms a document needs, with no UK spelling, to be read as US copy; and
#: the words it needs, since a sentence or a headline says nothing of a whole document.
US_FORMS = 2
MIN_WORDS = 100
#: A page this long with no UK spelling at all reads as US copy on one US spelling: UK
#: copy of that length spells some word the UK way ("organisation", "centre", "behaviour").
MIN_WORDS_ONE_FORM = 250
_WORD = regex.compile(r"\p{L}+")


def has_uk_spelling(text: str) -> bool:
    """Whether ``text`` spells a word the UK way, outside names: a capitalised word
    inside a sentence ("an opposition Labour lawmaker", "the Ministry of Defence") is a
    name, which US copy keeps in its owner's spelling."""
    uk = lexicon.words("uk_spellings")
    return any(
        m.group().lower() in uk and not _inside_name(text, m.start()) for m in _WORD.finditer(text)
    )


def _inside_name(text: str, start: int) -> bool:
    """Whether the word at ``start`` is capitalised inside a sentence."""
    if not text[start].isupper():
        return False
    before = text[:start].rstrip(" \t\"'“‘(")
    return bool(before) and before[-1] not in ".!?:\n#*-"


def is_us_copy(text: str, us_forms: Collection[str]) -> bool:
    """Whether ``text``, in which the UK-convention rules found ``us_forms``, is US copy."""
    forms, words = len({f.lower() for f in us_forms}), len(text.split())
    # One form decides only when it is a spelling: a UK page may copy a US date order.
    spelled = any(f.isalpha() for f in us_forms)
    return (
        (forms >= US_FORMS and words >= MIN_WORDS) or (spelled and words >= MIN_WORDS_ONE_FORM)
    ) and not has_uk_spelling(text)


def settle(text: str, findings: Sequence[Finding], uk_rules: Collection[str]) -> list[Finding]:
    """The findings with those of ``uk_rules`` (rule ids) made one suggestion for the
    document when it is US copy; unchanged otherwise."""
    ours = [f for f in findings if f.rule in uk_rules]
    if not ours or not is_us_copy(text, [f.match for f in ours]):
        return list(findings)
    first = min(ours, key=lambda f: f.sort_key)
    forms = sorted({f.match for f in ours}, key=lambda m: m.lower())
    note = dataclasses.replace(
        first,
        severity=Severity.SUGGESTION,
        message=(
            f"This document reads as US English ({len(forms)} US "
            f"form{'' if len(forms) == 1 else 's'}, such as "
            f"'{first.match}', and no UK spelling); sglint checks UK conventions. If it "
            "is for UK readers, use UK spelling and date order throughout; if your house "
            "style is US English, set 'dialect: en-US' in your configuration."
        ),
        fix=None,
        fix_safety=FixSafety.DISPLAY,
    )
    return [f for f in findings if f.rule not in uk_rules] + [note]
