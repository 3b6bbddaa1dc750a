"""One small vocabulary on every page, for every role: the words reviews.vocabulary settles, none
of those it retired, and user Markdown that never adds a second <h1>.

The pages are every GET of the authorization matrix's table that answers 200 for a signed-in
role, over the matrix's world, with every Markdown body a user can write set to "# Heading" and
a verdict of each kind on the engineer's entries.
"""

import re
from collections.abc import Iterator

import pytest
from django.urls import reverse

from evidence.models import Entry
from reviews.models import Feedback, Narrative, Reply
from reviews.readiness.labels import HEAT_WORDS
from tests.factories import feedback_for
from tests.site.test_authorization_matrix import (
    MENTOR,
    OWNER,
    SIGNED_IN,
    TABLE,
    World,
    build_world,
    client_as,
    methods_of,
    sign_in_everyone,
)
from tests.support import module_world

HEADING = "# Heading"

# Retired words, as people would read them (visible text, titles and ARIA labels).
RETIRED = {
    "a verdict or square called a flash": re.compile(r"\bflash", re.IGNORECASE),
    "the double-negative check question": re.compile(
        r"be surprised|not (?:yet|already) at\b", re.IGNORECASE
    ),
    # "gap" names one thing only, a mentor's gap note.
    "gap as a verdict or a committee point": re.compile(r"\bgaps?\b(?!\s+notes?\b)", re.IGNORECASE),
}

READ = re.compile(r'\s(?:title|aria-label|placeholder)="([^"]*)"')


def people_read(html: str) -> str:
    """The text of a page as people read it: no scripts, no markup, but titles and labels."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    said = " ".join(READ.findall(html))
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return re.sub(r" ([:.,;])", r"\1", text) + " " + said  # "<dfn>Term</dfn>: …" reads "Term:"


def build() -> World:
    world = build_world()
    sign_in_everyone(world)
    engineer, mentor = world.users[OWNER], world.users[MENTOR]
    judged = Entry.objects.get(pk=world.ids["entry.mentors"])
    feedback_for(judged, mentor, verdict="gap", body=HEADING, gap_note="Say who it helped.")
    Entry.objects.filter(author=engineer).update(body=HEADING)
    Feedback.objects.update(body=HEADING)
    Reply.objects.update(body=HEADING)
    Narrative.objects.update(text=HEADING)
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:
    yield from module_world(django_db_blocker, build)


def pages() -> Iterator:
    for name in sorted(TABLE):
        if "GET" not in methods_of(name):
            continue
        for case in TABLE[name]:
            for role in SIGNED_IN:
                if case.expected(role, "GET", False) == 200:
                    yield pytest.param(name, case, role, id=f"{name}[{case.label}]-{role}")


@pytest.mark.parametrize(("name", "case", "role"), list(pages()))
def test_every_page_speaks_the_vocabulary_and_has_one_h1(world, db, name, case, role):
    url = case.url(name, world)
    response = client_as(world, role).get(url)
    assert response.status_code == 200, url
    if not response["Content-Type"].startswith("text/html"):
        return  # exports and feeds: files, not pages
    html = response.content.decode()
    read = people_read(html)
    for retired, pattern in RETIRED.items():
        found = pattern.search(read)
        assert not found, (
            f"{url} as {role} says {retired!r}: …{read[max(0, found.start() - 60) : found.end() + 60]}…"
        )
    assert len(re.findall(r"<h1[\s>]", html)) == 1, f"{url} as {role}: not exactly one <h1>"


def test_a_users_heading_sits_below_the_page_heading_where_it_shows(world, db):
    """Entry page, mentor feedback and replies, triage, the document, the check question: a
    user's "# Heading" is a sub-heading there, never a second <h1>."""
    owner, mentor = client_as(world, OWNER), client_as(world, MENTOR)
    entry = reverse("evidence:detail", args=[world.ids["entry.shared"]])
    triage = reverse("reviews:triage", args=[world.ids["entry.mentors"]])
    for client, url, level in (
        (owner, entry, 2),  # the body, straight under the entry's title
        (owner, entry, 3),  # feedback, under "Mentor feedback"
        (owner, entry, 4),  # a reply, inside its thread
        (mentor, triage, 3),  # the preview, under the entry's title
    ):
        html = client.get(url).content.decode()
        assert f"<h{level}>Heading</h{level}>" in html, (url, level)
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url


def test_the_readiness_page_names_each_square_in_the_vocabulary(world, db):
    url = reverse("reviews:readiness", args=[world.users[OWNER].username])
    read = people_read(client_as(world, OWNER).get(url).content.decode())
    for words in HEAT_WORDS.values():
        assert words in read
    assert "nothing" not in " ".join(HEAT_WORDS.values())
    for defined in ("Partly shown: it is there", "Not shown: the work does not show", "Gap note:"):
        assert defined in read  # "How is this computed?" defines them where it uses them


def test_the_feedback_form_explains_each_verdict_in_one_line(world, db):
    url = reverse("evidence:detail", args=[world.ids["entry.mentors"]])
    read = people_read(client_as(world, MENTOR).get(url).content.decode())
    assert "Demonstrated: next-level work" in read
    assert "Partly shown: it is there, not yet fully or consistently." in read
    assert "Not shown: the work does not show this behaviour yet." in read
    assert "Your gap note:" in read
