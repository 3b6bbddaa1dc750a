"""Behaviour suggestions while logging: which of the working level's behaviours an entry's words
sound like, computed here on the server from the ladder and the author's own past tagging.

One ranker for both databases, in Python. PostgreSQL has full-text ranking and SQLite does not,
but two rankers would suggest different behaviours for the same words depending on where Promo
runs, and a rule lives once. The corpus of one ranking is tiny (the handful of behaviours of one
level, each a document), so ranking in Python costs a few milliseconds.

How it ranks (BM25 over two fields, as BM25F weighs them):
- Each behaviour is a document of two fields: its ladder text (name, description and examples
  of evidence) and its history (the words of the author's own latest entries tagged with it,
  at most HISTORY_ENTRIES of them, each cut to HISTORY_CHARS). A word of history counts more
  than a word of ladder text (HISTORY_WEIGHT > LADDER_WEIGHT): it says how this person tags,
  in the words this person writes. Someone with no tagged entries yet gets the ladder alone.
- Words are lower-cased runs of letters and digits (one regular expression with a single
  quantifier over text cut to TEXT_MAX first, so linear in the text's length), minus a short
  stop-word list, with common English suffixes stripped (`stem`).
- Ties go to ladder order.
Nothing is sent anywhere: no outside service, no model, no stored index.
"""

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce, Substr

from evidence.models import Entry, EntryBehaviour
from promo.models import Behaviour, Person

TEXT_MAX = 4000  # characters of the typed text read; the rest is ignored
HISTORY_ENTRIES = 200  # the author's latest tagged entries that speak for their habits
HISTORY_CHARS = 600  # characters of each past entry's body read
SUGGESTIONS = 3

LADDER_WEIGHT = 1.0
HISTORY_WEIGHT = 2.0
K1 = 1.2
B = 0.75

WORD = re.compile(r"[^\W_]+")
STOP_WORDS_TEXT = """
a about after all also am an and any are as at be been before being but by can could did do does
done for from had has have he her here him his how i if in into is it its just me more most my no
not now of on one or our out over she so some than that the their them then there these they this
those to too up us was we were what when where which while who why will with would you your week
weeks
"""
STOP_WORDS = frozenset(STOP_WORDS_TEXT.split())
# Longest first; each maps to what replaces it. One suffix is stripped per word.
SUFFIXES = (
    ("ations", "ate"),
    ("ation", "ate"),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ings", ""),
    ("ing", ""),
    ("edly", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ed", ""),
    ("ly", ""),
    ("s", ""),
)
STEM_MIN = 3  # a stem shorter than this is not a word any more: keep the word whole
S_KEPT = ("ss", "us", "is")  # "address", "status", "analysis" are not plurals
DOUBLED_KEPT = frozenset("lsz")  # "call-ed" keeps its ll; "plann-ed" drops one n


@dataclass(frozen=True)
class PastEntry:
    """One of the author's own tagged entries, as words, with the behaviours they tagged it."""

    entry_id: int
    words: tuple[str, ...]
    behaviour_ids: frozenset[int]


def stem(word: str) -> str:
    """The word without one common English suffix and a trailing "e", so "shares", "shared",
    "sharing" and "share" meet as "shar". Deterministic, crude, and enough for a dozen
    documents."""
    for suffix, replacement in SUFFIXES:
        if suffix == "s" and word.endswith(S_KEPT):
            break
        if word.endswith(suffix) and len(word) - len(suffix) + len(replacement) >= STEM_MIN:
            word = word[: -len(suffix)] + replacement
            if (
                not replacement
                and len(word) > STEM_MIN
                and word[-1] == word[-2]
                and word[-1] not in DOUBLED_KEPT
                and word[-1] not in "aeiou"
            ):
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > STEM_MIN:
        word = word[:-1]
    return word


def words(text: str, *, limit: int = TEXT_MAX) -> tuple[str, ...]:
    """The words of at most `limit` characters of text, stemmed, without stop words."""
    return tuple(
        stem(word)
        for word in WORD.findall(text[:limit].lower())
        if word not in STOP_WORDS and not word.isdigit()
    )


def _ladder_words(behaviour: Behaviour) -> tuple[str, ...]:
    # The name says most in fewest words: it counts twice.
    text = f"{behaviour.name}\n{behaviour.name}\n{behaviour.description}\n{behaviour.examples}"
    return words(text, limit=len(text))


def rank(
    behaviours: Sequence[Behaviour],
    history: Iterable[PastEntry],
    query: Sequence[str],
    *,
    limit: int = SUGGESTIONS,
) -> list[Behaviour]:
    """The behaviours whose documents best match the query's words, best first, at most
    `limit`; only behaviours the words match at all. `behaviours` come in ladder order, which
    breaks ties."""
    if not behaviours or not query or limit <= 0:
        return []
    ids = {b.pk for b in behaviours}
    fields: dict[int, defaultdict[str, float]] = {b.pk: defaultdict(float) for b in behaviours}
    lengths = dict.fromkeys(ids, 0.0)
    for behaviour in behaviours:
        ladder = _ladder_words(behaviour)
        for word, count in Counter(ladder).items():
            fields[behaviour.pk][word] += LADDER_WEIGHT * count
        lengths[behaviour.pk] += LADDER_WEIGHT * len(ladder)
    for past in history:
        counted = Counter(past.words)
        for behaviour_id in past.behaviour_ids & ids:
            field = fields[behaviour_id]
            for word, count in counted.items():
                field[word] += HISTORY_WEIGHT * count
            lengths[behaviour_id] += HISTORY_WEIGHT * len(past.words)
    average = sum(lengths.values()) / len(lengths) or 1.0
    asked = Counter(query)
    idf: dict[str, float] = {}
    for word in asked:
        found_in = sum(1 for document in fields.values() if word in document)
        idf[word] = math.log(1 + (len(behaviours) - found_in + 0.5) / (found_in + 0.5))
    scores: dict[int, float] = {}
    for behaviour in behaviours:
        tf, norm = fields[behaviour.pk], K1 * (1 - B + B * lengths[behaviour.pk] / average)
        scores[behaviour.pk] = sum(
            times * idf[word] * tf[word] * (K1 + 1) / (tf[word] + norm)
            for word, times in asked.items()
            if word in tf
        )
    ranked = sorted(
        (-scores[b.pk], order, b) for order, b in enumerate(behaviours) if scores[b.pk] > 0
    )
    return [behaviour for _, _, behaviour in ranked[:limit]]


def working_behaviours(author: User) -> list[Behaviour]:
    """The behaviours of the author's working level (target, else current), in ladder order:
    one query, whether or not the profile is loaded."""
    level = (
        Person.objects.filter(pk=author.pk)
        .annotate(level=Coalesce("target_level_id", "current_level_id"))
        .values("level")[:1]
    )
    return list(Behaviour.objects.filter(level_id=Subquery(level)).order_by("rank"))


def past_entries(
    author: User, behaviours: Sequence[Behaviour], *, exclude_entry_id: int | None = None
) -> list[PastEntry]:
    """The author's latest HISTORY_ENTRIES live entries tagged with any of `behaviours`, as
    words: one query (titles, the start of each body, the tags)."""
    ids = [b.pk for b in behaviours]
    own = Entry.objects.live().filter(author=author)
    if exclude_entry_id is not None:
        own = own.exclude(pk=exclude_entry_id)
    latest = (
        own.filter(
            Exists(EntryBehaviour.objects.filter(entry=OuterRef("pk"), behaviour_id__in=ids))
        )
        .order_by("-week_start", "-created_at", "-pk")
        .values("pk")[:HISTORY_ENTRIES]
    )
    rows = (
        EntryBehaviour.objects.filter(entry_id__in=latest, behaviour_id__in=ids)
        .annotate(body_start=Substr("entry__body", 1, HISTORY_CHARS))
        .values_list("entry_id", "behaviour_id", "entry__title", "body_start")
        .order_by("entry_id", "behaviour_id")
    )
    texts: dict[int, str] = {}
    tags: dict[int, set[int]] = {}
    for entry_id, behaviour_id, title, body in rows:
        texts[entry_id] = f"{title}\n{body}"
        tags.setdefault(entry_id, set()).add(behaviour_id)
    return [
        PastEntry(entry_id, words(text, limit=len(text)), frozenset(tags[entry_id]))
        for entry_id, text in texts.items()
    ]


def suggest(
    author: User, text: str, *, limit: int = SUGGESTIONS, exclude_entry_id: int | None = None
) -> list[Behaviour]:
    """The behaviours of the author's working level that `text` most sounds like, best first, at
    most `limit`: [] when the author is not on the ladder or the text has no usable words. At
    most two queries (the level's behaviours; the author's history). `exclude_entry_id` leaves
    one entry out of the history, for measuring how well an entry's own tags are predicted."""
    return suggest_many(author, [text], limit=limit, exclude_entry_id=exclude_entry_id)[0]


def suggest_many(
    author: User,
    texts: Sequence[str],
    *,
    limit: int = SUGGESTIONS,
    exclude_entry_id: int | None = None,
) -> list[list[Behaviour]]:
    """`suggest` for several texts of one author (the drafts in an inbox), in the same order:
    the level's behaviours and the author's history are read once, so still two queries at
    most, however many texts; none when no text has a usable word."""
    queries = [words(text) for text in texts]
    if limit <= 0 or not any(queries):
        return [[] for _ in queries]
    behaviours = working_behaviours(author)
    if not behaviours:
        return [[] for _ in queries]
    history = past_entries(author, behaviours, exclude_entry_id=exclude_entry_id)
    return [rank(behaviours, history, query, limit=limit) for query in queries]
