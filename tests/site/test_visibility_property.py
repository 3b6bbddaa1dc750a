"""A property of the whole app: nobody sees, anywhere, an entry they may not see.

For each of SEEDS random organisations (reporting lines up to four deep, mentorships in every
state, entries of every visibility -- some trashed, some made private after a mentor judged
them -- feedback with gaps and verdicts, promo documents) and for every person in it, plus an
admin with no relation:

1. the rule itself: `promo.access.may_see` agrees with a relation worked out here from the random
   model alone (managers above, active mentorships), and `entries_visible_to` lists exactly the
   live entries it allows;
2. soundness: every entry listed by a reader of entries -- the week and person timelines, search
   (with each filter), the mentor inbox, gaps, readiness claims and the readiness page's entries,
   promo document evidence, the exports -- passes that rule and is not in the trash (the
   owner's trash page lists only the owner's trashed entries);
3. non-interference: every number (behaviour counts, inbox counts, open gaps and their counts,
   each engineer's readiness assessment, the team dashboard's rows and grid, promo document
   sections) comes out the same after deleting, inside a rolled-back transaction, every entry
   the viewer may not see and every trashed one: what a viewer is shown cannot depend on what
   they may not see. (Lists are covered by 2: they show only allowed entries, which stay.)

Selectors are called directly (fast); a few seeds also fetch the pages over HTTP and check every
`/entries/<id>/` link in the HTML.
"""

import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.test import RequestFactory
from django.utils import timezone

from evidence import portable
from evidence import selectors as evidence_selectors
from evidence import services as evidence_services
from evidence.models import Entry, Kind
from promo import access
from promo.models import Behaviour, Mentorship, Person, Visibility
from reviews.feedback import selectors as feedback_selectors
from reviews.models import Feedback, PromoDocument, Verdict
from reviews.packet import access as packet_access
from reviews.packet import selectors as packet_selectors
from reviews.readiness import pipeline
from reviews.readiness.periods import month_index
from tests.conftest import client_for
from tests.factories import (
    EntryFactory,
    MentorshipFactory,
    PersonFactory,
    UserFactory,
    feedback_for,
)
from tests.support import dashboard_rows

SEEDS = range(30)
HTTP_SEEDS = set(range(0, 30, 5))  # these also fetch the pages
MAX_DEPTH = 4  # reporting trees up to four people deep
WORDS = ("latency", "migration", "vision", "onboarding", "incident")
TODAY = date(2026, 11, 24)  # conftest freezes time here
FAR_FUTURE = date(2100, 1, 1)
ENTRY_LINK = re.compile(r"/entries/(\d+)/")

STATES = [
    Mentorship.State.ACTIVE,
    Mentorship.State.ACTIVE,
    Mentorship.State.INVITED,
    Mentorship.State.DECLINED,
    Mentorship.State.ENDED,
]
JUDGING = {Mentorship.State.ACTIVE, Mentorship.State.ENDED}  # active while feedback is given


# --- a random organisation ---------------------------------------------------------------------
#
# First a plan, drawn from the seed alone (plain data, no database), then the plan is made real.


@dataclass(frozen=True)
class EntryPlan:
    author: int  # index into the plan's people
    n: int
    word: str
    week_of: date
    kind: str
    behaviours: tuple[int, ...]  # indexes into the author's behaviour pool
    shipped_on: date | None
    measured: str
    visibility: str
    feedback: tuple[tuple[int, str, bool, str], ...]  # (mentor, verdict, gap?, state)
    later_visibility: str | None  # re-shared or made private after the feedback
    trashed: bool


@dataclass
class Plan:
    seed: int
    managers: list[int | None] = field(default_factory=list)  # person -> manager (indexes)
    ranks: list[int | None] = field(default_factory=list)  # current level index, or no levels
    mentorships: dict[tuple[int, int], str] = field(default_factory=dict)  # (eng, mentor): state
    entries: list[EntryPlan] = field(default_factory=list)
    documents: list[tuple[int, bool, bool]] = field(default_factory=list)  # (person, mgr, mentors)

    def depth(self, person: int) -> int:
        manager = self.managers[person]
        return 1 if manager is None else 1 + self.depth(manager)


def plan_org(seed: int) -> Plan:
    rng = random.Random(seed)
    plan = Plan(seed=seed)
    for n in range(rng.randint(4, 7)):
        bosses = [p for p in range(n) if plan.depth(p) < MAX_DEPTH]
        plan.managers.append(rng.choice(bosses) if bosses and rng.random() < 0.8 else None)
        plan.ranks.append(rng.choice([None, 0, 0, 1]))
    people = range(len(plan.managers))
    for engineer in people:
        others = [p for p in people if p != engineer]
        for mentor in rng.sample(others, k=min(len(others), rng.randint(0, 3))):
            plan.mentorships[engineer, mentor] = rng.choice(STATES)
    for author in people:
        judges = [m for (e, m), s in plan.mentorships.items() if e == author and s in JUDGING]
        for n in range(rng.randint(0, 6)):
            visibility = rng.choice(Visibility.values)
            shipped = TODAY - timedelta(days=rng.randint(0, 300)) if rng.random() < 0.6 else None
            feedback = ()
            if visibility != Visibility.PRIVATE:
                feedback = tuple(
                    (
                        mentor,
                        rng.choice(Verdict.values),
                        rng.random() < 0.5,
                        rng.choice([Feedback.State.OPEN] * 2 + list(Feedback.State.values)),
                    )
                    for mentor in judges
                    if rng.random() < 0.6
                )
            plan.entries.append(
                EntryPlan(
                    author=author,
                    n=n,
                    word=rng.choice(WORDS),
                    week_of=TODAY - timedelta(days=rng.randint(0, 330)),
                    kind=rng.choice(Kind.values),
                    behaviours=tuple(rng.sample(range(2), k=rng.randint(0, 2))),
                    shipped_on=shipped,
                    measured=rng.choice(["", "", "p99 halved"]) if shipped else "",
                    visibility=visibility,
                    feedback=feedback,
                    later_visibility=rng.choice(Visibility.values) if rng.random() < 0.2 else None,
                    trashed=rng.random() < 0.15,
                )
            )
    for person in people:
        if plan.ranks[person] is not None and rng.random() < 0.6:
            plan.documents.append((person, rng.random() < 0.5, rng.random() < 0.5))
    return plan


@dataclass
class Org:
    people: list = field(default_factory=list)  # users with a profile
    admin: object = None  # staff, no relation to anyone
    managers: dict[int, int | None] = field(default_factory=dict)  # person -> manager (pks)
    active: set[tuple[int, int]] = field(default_factory=set)  # (engineer, mentor) pks
    documents: list[PromoDocument] = field(default_factory=list)

    @property
    def viewers(self) -> list:
        return [*self.people, self.admin]

    def above(self, pk: int) -> set[int]:
        found, cursor = set(), self.managers.get(pk)
        while cursor is not None:
            found.add(cursor)
            cursor = self.managers.get(cursor)
        return found

    def oracle(self, viewer_id: int, author_id: int) -> set[str]:
        """What the viewer may see of the author, worked out from the plan alone."""
        if viewer_id == author_id:
            return set(Visibility.values)
        seen = set()
        if (author_id, viewer_id) in self.active:
            seen |= {Visibility.MENTORS, Visibility.MENTORS_AND_MANAGERS}
        if viewer_id in self.above(author_id):
            seen.add(Visibility.MENTORS_AND_MANAGERS)
        return seen


def build_org(plan: Plan, levels: list) -> Org:
    """The plan, made real through the services; mentorships that end are active while their
    mentor gives feedback, and end afterwards, as do later changes of visibility and the trash."""
    org = Org()
    seed = plan.seed
    for n, (manager, rank) in enumerate(zip(plan.managers, plan.ranks, strict=True)):
        user = UserFactory(username=f"s{seed}-p{n}", first_name=f"P{n}")
        boss = org.people[manager] if manager is not None else None
        PersonFactory(
            user=user,
            manager=boss.person if boss else None,
            current_level=levels[rank] if rank is not None else None,
            target_level=levels[rank + 1] if rank is not None else None,
        )
        org.people.append(user)
        org.managers[user.pk] = boss.pk if boss else None
    org.admin = UserFactory(username=f"s{seed}-admin", is_staff=True, is_superuser=True)
    people = org.people

    links = {}
    for (engineer, mentor), state in plan.mentorships.items():
        made = Mentorship.State.ACTIVE if state == Mentorship.State.ENDED else state
        links[engineer, mentor] = MentorshipFactory(
            engineer=people[engineer], mentor=people[mentor], state=made
        )
        if state == Mentorship.State.ACTIVE:
            org.active.add((people[engineer].pk, people[mentor].pk))

    pools = {lv.pk: list(lv.behaviours.order_by("rank")) for lv in levels}
    made_entries = []
    for item in plan.entries:
        author = people[item.author]
        pool = pools[(author.person.target_level or levels[0]).pk]
        entry = EntryFactory(
            author=author,
            title=f"s{seed}-{item.author}-{item.n} {item.word}",
            body=f"Worked on the {item.word} with another team.",
            week_of=item.week_of,
            kind=item.kind,
            behaviours=tuple(pool[i] for i in item.behaviours),
            shipped_on=item.shipped_on,
            impact_measured=item.measured,
            visibility=item.visibility,
        )
        made_entries.append((item, entry))
        for mentor, verdict, gap, state in item.feedback:
            feedback = feedback_for(
                entry,
                people[mentor],
                verdict=verdict,
                gap_note="Make it reusable by other teams." if gap else "",
                gap_behaviour=pool[0] if gap else None,
            )
            Feedback.objects.filter(pk=feedback.pk).update(state=state)

    for (engineer, mentor), state in plan.mentorships.items():
        if state == Mentorship.State.ENDED:
            link = links[engineer, mentor]
            Mentorship.objects.filter(pk=link.pk).update(state=state, ended_at=timezone.now())
    for item, entry in made_entries:
        if item.later_visibility:
            Entry.objects.filter(pk=entry.pk).update(visibility=item.later_visibility)
        if item.trashed:
            evidence_services.entry_trash(entry=entry)
    for person, share_manager, share_mentors in plan.documents:
        org.documents.append(
            PromoDocument.objects.create(
                engineer=people[person],
                level=people[person].person.target_level,
                period_start=date(2025, 12, 1),
                period_end=TODAY,
                share_manager=share_manager,
                share_mentors=share_mentors,
            )
        )
    return org


# --- what a viewer is shown --------------------------------------------------------------------


@dataclass
class Shown:
    """Entry ids each reader lists, and every number it shows."""

    entries: dict[str, set[int]] = field(default_factory=dict)
    numbers: dict[str, object] = field(default_factory=dict)


def ids(entries: QuerySet[Entry]) -> set[int]:
    return set(entries.values_list("pk", flat=True))


def exported(viewer, titles: dict[str, int]) -> tuple[set[int], set[int]]:
    """The entries in the viewer's JSON and Markdown exports, as the export views make them."""
    own = list(evidence_selectors.entries_visible_to(viewer).filter(author=viewer))
    now = timezone.now()
    data = json.loads(portable.export_json(viewer, own, now=now))
    in_json = {titles[item["title"]] for item in data["entries"]}
    markdown = portable.export_markdown(viewer, own, now=now)
    in_markdown = {pk for title, pk in titles.items() if f"**{title}**" in markdown}
    return in_json, in_markdown


def request_of(viewer):
    request = RequestFactory().get("/")
    request.user = viewer
    return request


def show(org: Org, viewer, titles: dict[str, int], *, lists: bool = True) -> Shown:
    """What every reader shows the viewer: with `lists`, also the readers that only list."""
    shown = Shown()
    entries, numbers = shown.entries, shown.numbers
    visible = evidence_selectors.entries_visible_to(viewer)
    scope = access.scope_of(viewer)

    # Timelines: the week page (own) and each person page, with their behaviour counts.
    for person in [viewer, *org.people]:
        mine = visible.filter(author=person)
        numbers[f"counts of {person}"] = evidence_selectors.behaviour_counts(mine)
        if lists:
            weeks, _ = evidence_selectors.weeks_of(mine, before=FAR_FUTURE, count=10_000)
            entries[f"timeline of {person}"] = {e.pk for week in weeks for e in week.entries}

    # The mentor inbox's counts, and each mentee's open gaps.
    counts = feedback_selectors.inbox_counts(viewer)
    numbers["inbox counts"] = [(c.user.pk, c.total, c.unreviewed) for c in counts]
    entries["gaps"] = {f.entry_id for f in feedback_selectors.open_gaps(viewer)}
    for person in org.people:
        gaps = feedback_selectors.open_gaps(person, viewer=viewer, scope=scope)
        entries[f"gaps of {person}"] = {f.entry_id for f in gaps}
        numbers[f"gaps of {person}"] = sorted(f.pk for f in gaps)
    numbers["open gap counts"] = feedback_selectors.open_gap_counts(
        viewer, [p.pk for p in org.people], scope=scope
    )

    # Readiness: each engineer's page (claims_of inside) and the team dashboard.
    for person in org.people:
        page = pipeline.assessment_for(viewer, person, as_of=TODAY, scope=scope)
        judged = {j.claim.entry_id for j in page.assessment.judged}
        entries[f"readiness of {person}"] = set(page.entries) | judged
        numbers[f"readiness of {person}"] = (page.assessment, page.outlooks, page.trend)
    for view in ("reports", "mentees"):
        rows = dashboard_rows(viewer, view)
        numbers[f"team {view}"] = [
            (row["person"].pk, row["status"], row["sustained"], row["behaviours"])
            + (row["picture"].rows if row["picture"] else None, row["ready_by"], row["trend"])
            + (row["stale"], row["gaps"], tuple(row["cells"]), tuple(row["missing"]))
            for row in rows
        ]
    everyone = Person.objects.filter(pk__in=[p.pk for p in org.people]).select_related(
        "user", "target_level__ladder"
    )
    numbers["pictures"] = {
        pk: (picture.assessment, picture.ready_by, picture.trend)
        for pk, picture in pipeline.assessments_for(
            viewer, everyone, as_of=TODAY, scope=scope
        ).items()
    }

    # Promo documents: the evidence under each behaviour, as this viewer would be shown it.
    for document in org.documents:
        draft = packet_selectors.draft_for(document, viewer)
        evidence = {
            e.entry.pk for section in draft.sections for e in section.evidence + section.hidden
        }
        entries[f"document {document.pk}"] = evidence
        numbers[f"document {document.pk}"] = [
            (s.behaviour.pk, len(s.hidden), s.confirmed, s.warnings, s.total)
            for s in draft.sections
        ]
    if not lists:
        return shown

    entries["entries_visible_to"] = ids(visible)
    entries["own entries (week page)"] = ids(evidence_selectors.own_entries(viewer))
    entries["impact due"] = ids(evidence_selectors.impact_due(viewer, today=TODAY))
    entries["export json"], entries["export md"] = exported(viewer, titles)
    entries["inbox"] = ids(feedback_selectors.inbox(viewer))
    for mentee in (c.user for c in counts):  # the page filters by the mentees it counts
        entries[f"inbox {mentee}"] = ids(feedback_selectors.inbox(viewer, mentee=mentee))

    # Search, bare and with each filter.
    search, Filters = evidence_selectors.search, evidence_selectors.Filters
    entries["search"] = ids(search(viewer, Filters()))
    for word in WORDS[:2]:
        entries[f"search {word}"] = ids(search(viewer, Filters(text=word)))
    for visibility in Visibility.values:
        entries[f"search {visibility}"] = ids(search(viewer, Filters(visibility=visibility)))
    for person in org.people:
        entries[f"search by {person}"] = ids(search(viewer, Filters(author=person)))
    for behaviour in Behaviour.objects.filter(level__ladder__slug="test", rank=1):
        entries[f"search {behaviour.pk}"] = ids(search(viewer, Filters(behaviour=behaviour)))
    return shown


# --- the property ------------------------------------------------------------------------------


class Rule:
    """The single-entry rule, `may_see(viewer, entry.author, entry.visibility)` and not trashed,
    with may_see asked once per (viewer, author, visibility)."""

    def __init__(self) -> None:
        self.seen: dict[tuple[int, int], frozenset[str]] = {}
        self.authors = {u.pk: u for u in get_user_model().objects.all()}

    def visibilities(self, viewer, author_id: int) -> frozenset[str]:
        key = (viewer.pk, author_id)
        if key not in self.seen:
            author = self.authors[author_id]
            self.seen[key] = frozenset(
                v for v in Visibility.values if access.may_see(viewer, author, v)
            )
        return self.seen[key]

    def sees(self, viewer, entry: Entry) -> bool:
        return (
            entry.visibility in self.visibilities(viewer, entry.author_id) and not entry.deleted_at
        )


def leaks(shown: Shown, viewer, rule: Rule, everything: dict[int, Entry]) -> list[str]:
    return [
        f"{reader} shows entry {pk} ({everything[pk].visibility}"
        f"{', trashed' if everything[pk].deleted_at else ''}) of {everything[pk].author}"
        for reader, found in shown.entries.items()
        for pk in sorted(found)
        if not rule.sees(viewer, everything[pk])
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_nobody_is_shown_an_entry_they_may_not_see(seed, levels):
    org = build_org(plan_org(seed), levels)
    everything = {e.pk: e for e in Entry.objects.all()}
    titles = {e.title: e.pk for e in everything.values()}
    rule = Rule()
    for viewer in org.viewers:
        where = f"seed {seed}, viewer {viewer}"
        for author in org.people:
            found = rule.visibilities(viewer, author.pk)
            assert found == org.oracle(viewer.pk, author.pk), f"{where}: may_see of {author}"
        allowed = {pk for pk, e in everything.items() if rule.sees(viewer, e)}

        shown = show(org, viewer, titles)
        assert shown.entries["entries_visible_to"] == allowed, where
        problems = leaks(shown, viewer, rule, everything)
        assert not problems, f"{where}:\n" + "\n".join(problems)
        trash = evidence_selectors.trash_of(viewer)
        assert all(e.author_id == viewer.pk and e.deleted_at for e in trash), where

        with transaction.atomic():
            Entry.objects.exclude(pk__in=allowed).delete()
            again = show(org, viewer, titles, lists=False)
            transaction.set_rollback(True)
        changed = [name for name, value in again.numbers.items() if shown.numbers[name] != value]
        assert not changed, f"{where}: {changed} change when entries they may not see are deleted"


# --- the same over HTTP, for a few seeds -------------------------------------------------------


def links_in(response) -> set[int]:
    assert response.status_code == 200, response.status_code
    return {int(pk) for pk in ENTRY_LINK.findall(response.content.decode())}


def cells_of(person, everything: dict[int, Entry]) -> list[str]:
    """Heatmap cells where the person has evidence, hidden from the viewer or not: up to three."""
    targets = set(
        Behaviour.objects.filter(level_id=person.person.target_level_id).values_list(
            "pk", flat=True
        )
    )
    cells = sorted(
        {
            (behaviour, month_index(entry.week_start))
            for entry in everything.values()
            if entry.author_id == person.pk
            for behaviour in entry.behaviours.values_list("pk", flat=True)
            if behaviour in targets
        }
    )[-3:]
    base = f"/reviews/readiness/{person.username}/cell/"
    return [f"{base}?behaviour={behaviour}&period={period}" for behaviour, period in cells]


def pages_for(org: Org, viewer, everything: dict[int, Entry]) -> list[str]:
    pages = ["/", "/week/", "/entries/search/?q=", f"/entries/search/?q={WORDS[0]}"]
    pages += ["/entries/impact/", "/reviews/inbox/", "/reviews/gaps/"]
    pages += ["/reviews/team/", "/reviews/team/?view=mentees"]
    for person in org.people:
        if access.relation(viewer, person).exists:
            pages += [f"/people/{person.username}/", f"/reviews/readiness/{person.username}/"]
            pages += cells_of(person, everything)
    for document in org.documents:
        if packet_access.may_read(document, access.relation(viewer, document.engineer)):
            pages.append(document.get_absolute_url())
    return pages


@pytest.mark.parametrize("seed", SEEDS[:10])
def test_a_scope_and_a_list_of_authors_give_the_same_answers_as_the_rule(seed, levels):
    """The shortcuts pages take -- a relation read off the viewer's scope, a visibility filter
    narrowed to the people on a dashboard -- answer exactly as `relation` and `may_see` do,
    for every viewer, every author, and random groups of authors."""
    org = build_org(plan_org(seed), levels)
    everything = list(Entry.objects.all())
    rule = Rule()
    rng = random.Random(seed)
    for viewer in org.viewers:
        scope = access.scope_of(viewer)
        for author in org.people:
            assert access.relation(viewer, author, scope=scope) == access.relation(
                viewer, author
            ), f"seed {seed}: relation of {viewer} to {author}"
        groups = [[p.pk for p in org.people], [viewer.pk], []]
        groups += [
            [p.pk for p in rng.sample(org.people, k=rng.randint(1, min(5, len(org.people))))]
            for _ in range(4)
        ]
        for authors in groups:
            narrowed = access.visibility_q(viewer, scope=scope, authors=authors)
            found = set(Entry.objects.filter(narrowed).values_list("pk", flat=True))
            allowed = {
                e.pk
                for e in everything
                if e.author_id in authors and e.visibility in rule.visibilities(viewer, e.author_id)
            }
            assert found == allowed, f"seed {seed}: {viewer} over {authors}"


@pytest.mark.parametrize("seed", sorted(HTTP_SEEDS))
def test_pages_link_only_entries_the_viewer_may_see(seed, levels):
    org = build_org(plan_org(seed), levels)
    everything = {e.pk: e for e in Entry.objects.all()}
    rule = Rule()
    rng = random.Random(seed)
    for viewer in rng.sample(org.people, k=3):
        client = client_for(viewer)
        for url in pages_for(org, viewer, everything):
            linked = links_in(client.get(url))
            hidden = [pk for pk in linked if not rule.sees(viewer, everything[pk])]
            assert not hidden, f"seed {seed}: {url} as {viewer} links entries {hidden}"
        trashed = links_in(client.get("/entries/trash/"))
        own_trash = {
            pk for pk, e in everything.items() if e.author_id == viewer.pk and e.deleted_at
        }
        assert trashed <= own_trash, f"seed {seed}: the trash page of {viewer}"
        for url in ("/entries/export.json", "/entries/export.md"):
            text = client.get(url).content.decode()
            exported = [e for e in everything.values() if e.title in text]
            wrong = [e.pk for e in exported if e.author_id != viewer.pk or e.deleted_at]
            assert not wrong, f"seed {seed}: {url} as {viewer} exports entries {wrong}"


def test_the_random_plans_cover_the_cases():
    """The generator draws what the property needs: four-deep lines, every mentorship state,
    every visibility, trashed entries, feedback on entries later made private, documents shared
    and not, people with no level."""
    plans = [plan_org(seed) for seed in SEEDS]
    entries = [e for plan in plans for e in plan.entries]
    states = {state for plan in plans for state in plan.mentorships.values()}
    assert any(max(map(plan.depth, range(len(plan.managers)))) == MAX_DEPTH for plan in plans)
    assert states == set(Mentorship.State.values)
    assert {e.visibility for e in entries} == set(Visibility.values)
    assert any(e.trashed for e in entries) and any(e.trashed and e.feedback for e in entries)
    assert any(e.feedback and e.later_visibility == Visibility.PRIVATE for e in entries)
    assert any(gap for e in entries for _, _, gap, _ in e.feedback)
    assert {share for plan in plans for _, share, _ in plan.documents} == {True, False}
    assert None in {rank for plan in plans for rank in plan.ranks}
