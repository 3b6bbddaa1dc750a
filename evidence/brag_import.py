"""Import a brag document: the Markdown file where you keep a list of your wins.

Every bullet point becomes one piece of evidence, dated by the heading above it:

    # 2025

    ## Q1 2025

    ### Week of 3 March 2025
    - **Payments design review**: got three teams to agree on the new ledger. #design
    - Mentored Sam through their first on-call week. #mentoring #on-call
      - They handled two pages on their own.

    ### Project summaries
    - Moved search to the new cluster; p95 latency is down 40%.

How it is read:

- Every bullet needs a date: put it under a heading that contains one, such as
  "## Week of 2025-03-10", "## 10 March 2025", "## March 10th, 2025", "## March 2025" (the 1st
  of the month) or "## Q1 2025" (the first day of the quarter). Write dates as 2025-03-10 or
  10 March 2025: 03/10/2025 means different days in the UK and the US, so it is refused.
  Dates more than a week from today, and dates before 2000, are refused too.
- A heading without a date is a section: it keeps the date from above, and its words say what
  kind of evidence follows: "summary" or "project" for work summaries; "vision", "strategy" or
  "direction" for vision documents; "moments", "shout-outs", "kudos" or "thanks" for moments;
  "wins" or "weekly" for weekly wins. Under a new dated heading bullets are weekly wins again.
- An entry is a bullet at the left margin ("- ", "* ", "+ " or "1. ") together with everything
  indented under it: wrapped lines, nested bullets and fenced code blocks. Paragraphs that are
  not bullets are commentary and are skipped, and so are horizontal rules (---).
- The title is the bold text a bullet starts with ("- **Title**: more words"), or else the
  bullet's first sentence. Hashtags such as #mentoring or #growing-others become tags.

Nothing is imported while there is a problem, and every problem says which line it is on.
"""

# Pure module: no Django, no database and no clock; the caller passes `today`.

import re
from dataclasses import dataclass
from datetime import date, timedelta

KINDS = ("weekly_win", "work_summary", "vision_doc", "moment")
TITLE_MAX = 200
BODY_MAX = 20_000
ENTRIES_MAX = 2_000
PROBLEMS_KEPT = 100  # problems listed; the rest are counted
FUTURE_DAYS_ALLOWED = 7
TAB_WIDTH = 4
EARLIEST = date(2000, 1, 1)  # the entry form refuses earlier weeks too: one rule, one constant

# Problem messages, as format strings so the view and the tests can reuse them.
NO_DATE = (
    "line {line}: this bullet has no date above it; "
    "add a heading such as '## Week of 2025-03-10' before it"
)
EMPTY_BULLET = "line {line}: the bullet is empty"
FUTURE_DATE = "line {line}: {on} is in the future"
TOO_OLD = "line {line}: {on} is before 2000; check the year"
TOO_LONG = "line {line}: this entry is {length:,} characters; the limit is {limit:,}"
TOO_MANY = "the document has {count:,} entries; import at most {limit:,} at a time"
MORE_PROBLEMS = "…and {count:,} more problems like these: fix the ones above first"
NO_BULLETS = (
    "no bullet points found: each entry should be a '- ' bullet under a dated heading "
    "such as '## Week of 2025-03-10'"
)
AMBIGUOUS_DATE = "line {line}: '{text}' is ambiguous; write dates as 2025-03-10 or 10 March 2025"
INVALID_DATE = "line {line}: '{text}' is not a real date"
UNCLOSED_FENCE = "line {line}: this code block is never closed; end it with a line of {fence}"


@dataclass(frozen=True)
class ParsedEntry:
    line: int  # 1-based line number of the bullet
    on: date  # the date of the nearest dated heading above
    kind: str  # one of KINDS
    title: str  # at most TITLE_MAX characters, never empty
    body: str  # the bullet's Markdown without its marker, continuation lines dedented
    tags: tuple[str, ...]  # hashtags, lowercased, without '#', in order, no duplicates


@dataclass(frozen=True)
class ParseResult:
    entries: tuple[ParsedEntry, ...]
    problems: tuple[str, ...]  # each starts "line N: " when it has a line

    @property
    def ok(self) -> bool:
        """True when there is something to import and nothing wrong with it."""
        return bool(self.entries) and not self.problems


# --- Dates in headings -------------------------------------------------------------------------

_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})(?!\d)"
# Every accepted form; when several match, the one that starts first (then the longest) wins.
# Headings are searched with their whitespace collapsed to single spaces, so one `\s` stands for
# any run of it, and every quantifier is bounded: each attempt backtracks a constant amount, and
# a search is linear in the heading's length.
_DATE_FORMS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"(?<!\d)(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?!\d)",  # 2025-03-10
        rf"(?<!\d)(?P<day>\d{{1,2}}){_ORDINAL}\s(?:of\s)?{_MONTH},?\s{_YEAR}",  # 10 March 2025
        rf"\b{_MONTH}\s(?P<day>\d{{1,2}}){_ORDINAL},?\s{_YEAR}",  # March 10, 2025
        rf"\b{_MONTH},?\s{_YEAR}",  # March 2025
        r"(?<![\d-])(?P<year>\d{4})-(?P<mon>0[1-9]|1[0-2])(?![\d-])",  # 2025-03
        rf"\bQ(?P<quarter>[1-4])\s{_YEAR}",  # Q1 2025
        r"(?<!\d)(?P<year>\d{4})\s?-?\s?Q(?P<quarter>[1-4])\b",  # 2025 Q1, 2025-Q1, 2025 - Q1
    )
)
# 03/10/2025 is 3 October in the UK and 10 March in the US: refuse rather than guess.
_AMBIGUOUS = re.compile(
    r"(?<![\w./-])(?:\d{1,2}([/-])\d{1,2}\1(?:\d{4}|\d{2})(?![\d/])"
    r"|\d{1,2}\.\d{1,2}\.\d{4}(?!\d))"
)

_SECTION_KINDS = {
    "summary": "work_summary",
    "summaries": "work_summary",
    "project": "work_summary",
    "projects": "work_summary",
    "vision": "vision_doc",
    "strategy": "vision_doc",
    "direction": "vision_doc",
    "moment": "moment",
    "moments": "moment",
    "shout-out": "moment",
    "shout-outs": "moment",
    "shoutout": "moment",
    "shoutouts": "moment",
    "kudos": "moment",
    "thanks": "moment",
    "win": "weekly_win",
    "wins": "weekly_win",
    "weekly": "weekly_win",
}
_SECTION_WORD = re.compile(
    r"\b(" + "|".join(sorted(_SECTION_KINDS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)


def _find_date(text: str) -> tuple[str, date | None] | None:
    """The first date written in a heading, as (the text matched, the date or None if invalid).

    `text` must have its whitespace collapsed to single spaces (see `_DATE_FORMS`).
    """
    matches = [m for m in (form.search(text) for form in _DATE_FORMS) if m]
    if not matches:
        return None
    found = min(matches, key=lambda m: (m.start(), -len(m.group())))
    parts = found.groupdict()
    year = int(parts["year"])
    day = int(parts.get("day") or 1)
    if parts.get("quarter"):
        month = 3 * (int(parts["quarter"]) - 1) + 1
    elif parts.get("mon"):
        month = int(parts["mon"])
    else:
        month = _MONTH_NUMBERS[parts["month"][:3].lower()]
    try:
        return found.group(), date(year, month, day)
    except ValueError:
        return found.group(), None


def _section_kind(text: str) -> str | None:
    match = _SECTION_WORD.search(text)
    return _SECTION_KINDS[match.group(1).lower()] if match else None


# --- Block structure ---------------------------------------------------------------------------

# Matched once per line, from its start. A line holds no "\n", so `.*$` succeeds at once, and no
# other quantifier can take what `.*` takes: one space or tab follows the hashes (heading text is
# collapsed later), and a bullet's gap of spaces and tabs ends where `[^ \t]` begins.
_HEADING = re.compile(r"#{1,6}(?:[ \t](?P<text>.*))?$")
_BULLET = re.compile(r"(?P<marker>[-*+]|\d{1,9}[.)])(?:(?P<gap>[ \t]+)(?P<text>[^ \t].*)?)?$")


def _width(whitespace: str) -> int:
    return sum(TAB_WIDTH if ch == "\t" else 1 for ch in whitespace)


def _indent(line: str) -> int:
    return _width(line[: len(line) - len(line.lstrip(" \t"))])


def _dedent(line: str, columns: int) -> str:
    """Remove up to `columns` columns of indentation, keeping any tab-width left over."""
    i = removed = 0
    while i < len(line) and removed < columns and line[i] in " \t":
        removed += TAB_WIDTH if line[i] == "\t" else 1
        i += 1
    return " " * max(removed - columns, 0) + line[i:]


def _is_rule(text: str) -> bool:
    """A horizontal rule: three or more of one of - * _, with spaces or tabs between."""
    marks = text.replace(" ", "").replace("\t", "")
    return len(marks) >= 3 and marks[0] in "-*_" and marks.count(marks[0]) == len(marks)


def _fence_opener(text: str) -> str | None:
    """The fence (``` or ~~~, any length) that `text` opens, if it opens one."""
    text = text.lstrip(" \t")
    mark = text[:1]
    if mark not in ("`", "~"):
        return None
    length = len(text) - len(text.lstrip(mark))
    if length < 3 or (mark == "`" and "`" in text[length:]):
        return None
    return text[:length]


def _closes(line: str, fence: str) -> bool:
    text = line.strip()
    return len(text) >= len(fence) and set(text) == {fence[0]}


def _is_block_start(text: str) -> bool:
    return bool(_HEADING.match(text) or _is_rule(text) or _BULLET.match(text))


# --- Titles and tags ---------------------------------------------------------------------------

_BOLD_TITLE = re.compile(r"\*\*(?P<title>[^*]+)\*\*(?P<rest>.*)$")
_AFTER_BOLD_TITLE = re.compile(r"\s*:|\s+[-–—](?:\s|$)|\s*$")
# The character classes stop at the next bracket so that long lines cannot make matching slow.
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_SENTENCE_END = re.compile(r"[.!?](?=\s+(\S))")
_ABBREVIATIONS = ("e.g.", "i.e.", "vs.")
_BACKTICKS = re.compile(r"`+")
_NOT_TAGGABLE = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]{0,30}://|\bwww\.)\S+|<[^<>\s]+>|\]\([^()\s]*\)", re.IGNORECASE
)
_TAG = re.compile(r"(?<![\w#&/])#(?P<tag>[^\W\d_][\w-]*)")


def _clean(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = text.replace("**", "").replace("__", "").replace("`", "")
    return " ".join(text.split())


def _first_sentence(text: str) -> str:
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group() == ".":
            following = match.group(1)
            if not (following.isupper() or following.isdigit()):
                continue
            if text[max(end - 4, 0) : end].lower().endswith(_ABBREVIATIONS):
                continue
        return text[:end]
    return text


def _shorten(title: str) -> str:
    if len(title) <= TITLE_MAX:
        return title
    cut = title[: TITLE_MAX - 1]
    if not title[TITLE_MAX - 1].isspace() and cut.rfind(" ") > 0:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def _title(body: str) -> str:
    first = next(line for line in body.split("\n") if line.strip()).strip()
    bold = _BOLD_TITLE.match(first)
    if bold and (bold["title"].endswith(":") or _AFTER_BOLD_TITLE.match(bold["rest"])):
        title = _clean(bold["title"]).rstrip(":").strip()
    else:
        title = _first_sentence(_clean(first))
    return _shorten(title or _clean(first) or first)


def _without_code_spans(line: str) -> str:
    """`line` with each code span replaced by a space, in time linear in its length.

    As in CommonMark, a run of n backticks opens a span that the next run of exactly n backticks
    closes; a run with no such closer is literal text. (A regex with a lazy `.*?` and a
    backreference finds the same spans, but retries from every backtick: quadratic and worse.)
    """
    if "`" not in line:
        return line
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(line)]
    closer: list[int | None] = [None] * len(runs)
    later: dict[int, int] = {}  # run length -> the index of the nearest such run to the right
    for i in range(len(runs) - 1, -1, -1):
        length = runs[i][1] - runs[i][0]
        closer[i], later[length] = later.get(length), i
    pieces, kept_from, i = [], 0, 0
    while i < len(runs):
        j = closer[i]
        if j is None:
            i += 1
            continue
        pieces += [line[kept_from : runs[i][0]], " "]
        kept_from, i = runs[j][1], j + 1
    pieces.append(line[kept_from:])
    return "".join(pieces)


def _tags(body: str) -> tuple[str, ...]:
    found: dict[str, None] = {}  # a dict keeps the order and makes lookups cheap
    fence = None
    for line in body.split("\n"):
        if fence:
            if _closes(line, fence):
                fence = None
            continue
        if fence := _fence_opener(line):
            continue
        searchable = _NOT_TAGGABLE.sub(" ", _without_code_spans(line))
        for match in _TAG.finditer(searchable):
            found.setdefault(match["tag"].rstrip("-_").lower())
    return tuple(found)


# --- The parser --------------------------------------------------------------------------------

_UNDATED, _DATED, _BAD_DATE = "undated", "dated", "bad date"


@dataclass
class _OpenEntry:
    line: int
    content_indent: int
    lines: list[str]
    on: date | None
    dating: str
    heading_line: int
    kind: str
    blanks: int = 0
    fence: str | None = None
    fence_line: int = 0

    def add(self, number: int, line: str) -> None:
        self.lines.extend([""] * self.blanks)
        self.blanks = 0
        self.lines.append(_dedent(line, self.content_indent))
        if self.fence is None and (fence := _fence_opener(line)):
            self.fence, self.fence_line = fence, number


class _Parser:
    def __init__(self, today: date) -> None:
        self.latest_allowed = today + timedelta(days=FUTURE_DAYS_ALLOWED)
        self.on: date | None = None
        self.dating = _UNDATED
        self.heading_line = 0
        self.kind = "weekly_win"
        self.entry: _OpenEntry | None = None
        self.fence: str | None = None  # a fence open outside any entry
        self.fence_line = 0
        self.bullets = 0
        self.entries: list[ParsedEntry] = []
        self.problems: list[tuple[int, str]] = []
        self.more_problems = 0  # found beyond PROBLEMS_KEPT: counted, not kept
        self.more_entries = 0  # found beyond ENTRIES_MAX: counted, not read
        self.out_of_range_headings: set[int] = set()  # dated headings already reported

    def feed(self, number: int, line: str) -> None:
        entry = self.entry
        if entry and entry.fence:
            entry.add(number, line)
            if _closes(line, entry.fence):
                entry.fence = None
            return
        if self.fence:
            if _closes(line, self.fence):
                self.fence = None
            return
        if not line.strip():
            if entry:
                entry.blanks += 1
            return
        indent = _indent(line)
        text = line.lstrip(" \t")
        if (
            entry
            and indent >= 2
            and (indent >= entry.content_indent or indent > 3 or not _is_block_start(text))
        ):
            entry.add(number, line)
            return
        self.close_entry()
        if indent > 3:
            return  # an indented paragraph or code block outside any entry: commentary
        if fence := _fence_opener(text):
            self.fence, self.fence_line = fence, number
        elif _is_rule(text):
            return
        elif heading := _HEADING.match(text):
            self.heading(number, heading["text"] or "")
        elif bullet := _BULLET.match(text):
            self.open_entry(number, indent, bullet)
        # anything else is commentary

    def heading(self, number: int, text: str) -> None:
        text = " ".join(text.split())  # what keeps the date patterns' backtracking bounded
        if ambiguous := _AMBIGUOUS.search(text):
            self.problem(number, AMBIGUOUS_DATE.format(line=number, text=ambiguous[0]))
            self.on, self.dating, self.kind = None, _BAD_DATE, "weekly_win"
            return
        found = _find_date(text)
        if found is None:
            self.kind = _section_kind(text) or self.kind
            return
        written, on = found
        self.on, self.heading_line, self.kind = on, number, "weekly_win"
        if on is None:
            self.problem(number, INVALID_DATE.format(line=number, text=written))
            self.dating = _BAD_DATE
        else:
            self.dating = _DATED

    def open_entry(self, number: int, indent: int, bullet: re.Match[str]) -> None:
        self.bullets += 1
        text = bullet["text"] or ""
        gap = _width(bullet["gap"] or "")
        gap = gap if text and gap <= 4 else 1
        self.entry = _OpenEntry(
            line=number,
            content_indent=indent + len(bullet["marker"]) + gap,
            lines=[text],
            on=self.on,
            dating=self.dating,
            heading_line=self.heading_line,
            kind=self.kind,
        )
        if fence := _fence_opener(text):
            self.entry.fence, self.entry.fence_line = fence, number

    def close_entry(self) -> None:
        entry, self.entry = self.entry, None
        if entry is None:
            return
        if entry.fence:
            opened = entry.fence_line
            self.problem(opened, UNCLOSED_FENCE.format(line=opened, fence=entry.fence))
        start = next((i for i, line in enumerate(entry.lines) if line.strip()), len(entry.lines))
        body = "\n".join(entry.lines[start:]).rstrip()
        number = entry.line
        if not body:
            self.problem(number, EMPTY_BULLET.format(line=number))
            return
        if entry.dating == _UNDATED:
            self.problem(number, NO_DATE.format(line=number))
            return
        if entry.dating == _BAD_DATE or entry.on is None:
            return  # the heading's problem already explains it
        if len(body) > BODY_MAX:
            self.problem(number, TOO_LONG.format(line=number, length=len(body), limit=BODY_MAX))
        if not EARLIEST <= entry.on <= self.latest_allowed:
            self.date_out_of_range(entry.heading_line, entry.on)
        if len(self.entries) >= ENTRIES_MAX:
            self.more_entries += 1  # the import is refused anyway: no need to read it further
            return
        self.entries.append(
            ParsedEntry(
                line=number,
                on=entry.on,
                kind=entry.kind,
                title=_title(body),
                body=body,
                tags=_tags(body),
            )
        )

    def problem(self, line: int, message: str) -> None:
        """Keep the first PROBLEMS_KEPT problems and count the rest: a hostile document of a
        million empty bullets needs one page of messages, not a million."""
        if len(self.problems) < PROBLEMS_KEPT:
            self.problems.append((line, message))
        else:
            self.more_problems += 1

    def date_out_of_range(self, line: int, on: date) -> None:
        """Say once per heading, when a bullet uses it, that its date is too late or too early."""
        if line in self.out_of_range_headings:
            return
        self.out_of_range_headings.add(line)
        message = FUTURE_DATE if on > self.latest_allowed else TOO_OLD
        self.problem(line, message.format(line=line, on=on))

    def finish(self) -> ParseResult:
        self.close_entry()
        if self.fence:
            opened = self.fence_line
            self.problem(opened, UNCLOSED_FENCE.format(line=opened, fence=self.fence))
        problems = [message for _, message in sorted(self.problems, key=lambda p: p[0])]
        if self.more_problems:
            problems.append(MORE_PROBLEMS.format(count=self.more_problems))
        if self.more_entries:
            count = len(self.entries) + self.more_entries
            problems.append(TOO_MANY.format(count=count, limit=ENTRIES_MAX))
        if not self.bullets:
            problems.append(NO_BULLETS)
        return ParseResult(entries=tuple(self.entries), problems=tuple(problems))


def parse_brag_doc(text: str, *, today: date) -> ParseResult:
    """Read a brag document and say what importing it would create, or what stops it.

    Each top-level bullet ("- ", "* ", "+ ", "1. ") becomes an entry dated by the nearest heading
    above it that contains a date (2025-03-10, 10 March 2025, March 10, 2025, March 2025, 2025-03,
    Q1 2025) from 2000 on. Headings without a date are sections whose words set the kind of
    evidence ("project summaries", "vision", "shout-outs", "wins"). Lines indented under a bullet,
    nested bullets and fenced code blocks belong to it; other paragraphs are skipped as commentary.

    Every problem in the document is collected, each starting "line N: " where it has a line;
    nothing should be saved unless `result.ok`. `today` decides which dates are in the future.

    Every step is linear in the length of the text: no pattern can backtrack more than a constant
    amount, so a hostile document costs no more than a long honest one.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    parser = _Parser(today)
    for number, line in enumerate(text.split("\n"), start=1):
        parser.feed(number, line)
    return parser.finish()
