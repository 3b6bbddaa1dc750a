"""Curating the packet: pin, hide and order evidence under each behaviour; the printable page
that warns before printing and states the readiness counts of the day; frozen copies keep the
curation they were frozen with; one <h1> per page."""

import re
from datetime import date

import pytest
from django.urls import reverse

from reviews.models import Curation, Narrative, PromoDocument
from reviews.packet import selectors as packet_selectors
from reviews.packet import services as packet_services
from reviews.readiness import pipeline
from tests.conftest import assert_flat_query_count, client_for
from tests.factories import EntryFactory, feedback_for
from tests.reviews.packet.conftest import (
    ADMIN,
    ENDED,
    MANAGER,
    MENTOR,
    OLD_SHIP,
    SKIP,
    STRANGER,
    tagged_entry,
)


def _url(document, name="document"):
    return reverse(f"reviews:{name}", args=[document.pk])


def _curate_url(document, behaviour, entry):
    return reverse("reviews:evidence-curate", args=[document.pk, behaviour.pk, entry.pk])


def _section(draft, behaviour):
    return next(s for s in draft.sections if s.behaviour.pk == behaviour.pk)


def _titles(document, viewer, behaviour):
    section = _section(packet_selectors.draft_for(document, viewer), behaviour)
    return [e.entry.title for e in section.evidence], [e.entry.title for e in section.hidden]


@pytest.fixture
def three(engineer, behaviours):
    """Three entries on Scope, listed strongest first as A (newest), B, C."""
    scope = behaviours["scope"]
    return [
        tagged_entry(engineer, scope, week=date(2026, month, 2), title=title)
        for month, title in ((9, "A"), (6, "B"), (3, "C"))
    ]


def _do(client, document, behaviour, entry, action, **headers):
    return client.post(_curate_url(document, behaviour, entry), {"action": action}, **headers)


# --- curation -----------------------------------------------------------------------------------


def test_pinned_entries_come_first_in_the_order_the_engineer_set(
    engineer, document, behaviours, three
):
    scope = behaviours["scope"]
    a, b, c = three
    client = client_for(engineer)
    assert _titles(document, engineer, scope) == (["A", "B", "C"], [])

    _do(client, document, scope, c, "pin")
    _do(client, document, scope, b, "pin")
    assert _titles(document, engineer, scope) == (["C", "B", "A"], [])

    _do(client, document, scope, b, "up")
    assert _titles(document, engineer, scope) == (["B", "C", "A"], [])
    _do(client, document, scope, b, "down")
    assert _titles(document, engineer, scope) == (["C", "B", "A"], [])

    _do(client, document, scope, c, "unpin")
    assert _titles(document, engineer, scope) == (["B", "A", "C"], [])


def test_hidden_entries_leave_the_packet_but_stay_listed_to_the_engineer(
    engineer, manager, document, behaviours, three
):
    scope = behaviours["scope"]
    _, b, _ = three
    PromoDocument.objects.filter(pk=document.pk).update(share_manager=True)
    client = client_for(engineer)

    response = _do(client, document, scope, b, "hide")

    assert response.status_code == 302
    assert response["Location"].endswith(f"#behaviour-{scope.pk}")
    assert _titles(document, engineer, scope) == (["A", "C"], ["B"])
    own = client.get(_url(document)).content.decode()
    assert "Hidden from the packet" in own and "hidden from the packet" in own
    assert 'value="show"' in own
    for name in ("document-print", "document-markdown"):
        assert ">B<" not in client.get(_url(document, name)).content.decode()
    assert "[B]" not in client.get(_url(document, "document-markdown")).content.decode()
    shared = client_for(manager).get(_url(document)).content.decode()
    assert "<strong>B</strong>" not in shared and "Hidden from the packet" not in shared

    _do(client, document, scope, b, "show")
    assert _titles(document, engineer, scope) == (["A", "B", "C"], [])


def test_hiding_never_changes_readiness_or_the_evidence_warnings(
    engineer, mentor, document, behaviours, three
):
    scope = behaviours["scope"]
    for entry in three:
        feedback_for(entry, mentor)
    before = pipeline.assessment_for(engineer, engineer, as_of=date(2026, 11, 24)).readiness
    warnings = _section(packet_selectors.draft_for(document, engineer), scope).warnings

    for entry in three:
        packet_services.evidence_curate(document, behaviour=scope, entry=entry, action="hide")

    after = pipeline.assessment_for(engineer, engineer, as_of=date(2026, 11, 24)).readiness
    section = _section(packet_selectors.draft_for(document, engineer), scope)
    assert after == before
    assert section.warnings == warnings
    assert (section.evidence, section.total, section.confirmed) == ([], 3, 3)


def test_a_reader_sees_the_curated_order_without_what_they_may_not_see(
    engineer, mentor, document, behaviours, three
):
    scope = behaviours["scope"]
    a, b, c = three
    private = tagged_entry(
        engineer, scope, week=date(2026, 8, 3), title="Private", visibility="private"
    )
    PromoDocument.objects.filter(pk=document.pk).update(share_mentors=True)
    for entry, action in ((private, "pin"), (c, "pin"), (a, "hide")):
        packet_services.evidence_curate(document, behaviour=scope, entry=entry, action=action)

    assert _titles(document, engineer, scope) == (["Private", "C", "B"], ["A"])
    assert _titles(document, mentor, scope)[0] == ["C", "B"]
    page = client_for(mentor).get(_url(document)).content.decode()
    assert page.index("<strong>C</strong>") < page.index("<strong>B</strong>")
    assert "Private" not in page and "<strong>A</strong>" not in page and ">A</a>" not in page


def test_curating_with_htmx_swaps_the_behaviours_section_and_keeps_focus(
    engineer, document, behaviours, three
):
    scope = behaviours["scope"]
    a, b, _ = three
    client = client_for(engineer)
    _do(client, document, scope, a, "pin")

    response = _do(client, document, scope, b, "pin", HTTP_HX_REQUEST="true")

    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert body.lstrip().startswith(f'<section class="card doc-section" id="behaviour-{scope.pk}"')
    assert body.count("autofocus") == 1
    assert re.search(r'value="unpin"[^>]*autofocus>Unpin<span class="visually-hidden">: B<', body)
    assert f"behaviour-{behaviours['mentoring'].pk}" not in body


@pytest.mark.parametrize("role", [MANAGER, SKIP, MENTOR, ENDED, STRANGER, ADMIN])
def test_only_the_engineer_curates_even_a_shared_document(
    request, document, behaviours, three, role
):
    PromoDocument.objects.filter(pk=document.pk).update(share_manager=True, share_mentors=True)
    client = client_for(request.getfixturevalue(role))
    for action in ("pin", "hide"):
        assert _do(client, document, behaviours["scope"], three[0], action).status_code == 404
    assert not Curation.objects.exists()


def test_anonymous_visitors_cannot_curate(client, document, behaviours, three):
    response = _do(client, document, behaviours["scope"], three[0], "pin")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Curation.objects.exists()


def test_an_unknown_action_is_refused_with_a_sentence(engineer, document, behaviours, three):
    client = client_for(engineer)
    response = _do(client, document, behaviours["scope"], three[0], "promote")
    assert response.status_code == 400
    assert packet_services.CURATE_UNKNOWN in response.content.decode()
    inline = _do(client, document, behaviours["scope"], three[0], "", HTTP_HX_REQUEST="true")
    assert inline.status_code == 200 and packet_services.CURATE_UNKNOWN in inline.content.decode()
    assert not Curation.objects.exists()


def test_only_the_engineers_evidence_under_a_behaviour_of_the_level_can_be_curated(
    engineer, mentor, document, behaviours, levels, three
):
    client = client_for(engineer)
    someone_elses = EntryFactory(author=mentor, behaviours=(behaviours["scope"],))
    other_level = levels[0].behaviours.first()
    untagged = tagged_entry(engineer, behaviours["mentoring"], week=date(2026, 6, 1))
    assert _do(client, document, behaviours["scope"], someone_elses, "pin").status_code == 404
    assert _do(client, document, other_level, three[0], "pin").status_code == 404
    response = _do(client, document, behaviours["scope"], untagged, "pin")
    assert response.status_code == 400
    assert packet_services.CURATE_NOT_EVIDENCE in response.content.decode()
    assert not Curation.objects.exists()


def test_curating_costs_the_same_however_much_evidence(
    django_assert_max_num_queries, engineer, document, behaviours
):
    scope = behaviours["scope"]
    client = client_for(engineer)
    first = tagged_entry(engineer, scope, week=date(2026, 2, 2))
    last = first
    for n in (2, 20):
        for i in range(n):
            last = tagged_entry(engineer, scope, week=date(2026, 1 + i % 10, 5))
            packet_services.evidence_curate(document, behaviour=scope, entry=last, action="pin")
        with django_assert_max_num_queries(23):
            response = _do(client, document, scope, first, "hide", HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        with django_assert_max_num_queries(27):  # a move reads the order the engineer sees
            response = _do(client, document, scope, last, "up", HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        _do(client, document, scope, first, "show")


# --- the printable page -------------------------------------------------------------------------


def test_print_warns_on_screen_about_missing_narratives_and_prints_no_placeholder(
    engineer, document, behaviours
):
    scope, mentoring = behaviours["scope"], behaviours["mentoring"]
    Narrative.objects.create(document=document, behaviour=scope, text="I led it.")

    body = client_for(engineer).get(_url(document, "document-print")).content.decode()

    check = body[body.index('<section class="print-check"') : body.index("</section>")]
    write = reverse("reviews:narrative", args=[document.pk, mentoring.pk])
    assert f'<a href="{write}">Write the narrative for {mentoring.name}</a>' in check
    assert scope.name not in check.split("may question")[0]
    assert "No narrative written yet" not in body
    assert "I led it." in body


def test_the_warning_box_is_not_printed(settings):
    css = (settings.BASE_DIR / "static" / "css" / "promo.css").read_text()
    prints = css[css.rindex("@media print") :]
    assert ".print-check { display: none; }" in prints


def test_print_lists_every_entry_not_hidden_and_never_a_count_of_the_rest(
    engineer, document, behaviours
):
    scope = behaviours["scope"]
    entries = [
        tagged_entry(engineer, scope, week=date(2026, 1 + i, 5), title=f"Entry number {i}")
        for i in range(9)
    ]
    packet_services.evidence_curate(document, behaviour=scope, entry=entries[4], action="hide")

    body = client_for(engineer).get(_url(document, "document-print")).content.decode()

    listed = [e for e in entries if f">{e.title}</a>" in body]
    assert listed == entries[:4] + entries[5:]
    assert "more in Promo" not in body and "…and" not in body


def test_print_counts_are_the_readiness_pages_for_the_same_day(
    engineer, mentor, manager, document, behaviours
):
    """Each behaviour's printed count is the readiness page's, for the owner and for a
    manager who sees less (a private entry)."""
    scope, mentoring = behaviours["scope"], behaviours["mentoring"]
    for month in (6, 7, 9, 10):
        entry = tagged_entry(
            engineer, scope, week=date(2026, month, 6), shipped_on=OLD_SHIP,
            impact_measured="Halved", impact_measured_on=date(2026, month, 20),
        )  # fmt: skip
        feedback_for(entry, mentor)
    tagged_entry(engineer, mentoring, week=date(2026, 8, 3))
    tagged_entry(engineer, scope, week=date(2026, 11, 2), visibility="private")
    PromoDocument.objects.filter(pk=document.pk).update(share_manager=True)

    for reader in (engineer, manager):
        client = client_for(reader)
        page = client.get(reverse("reviews:readiness", args=[engineer.username]))
        printed = client.get(_url(document, "document-print"))
        standing = printed.context["standing"]
        assert standing.as_of == page.context["as_of"]
        body = printed.content.decode()
        for result in page.context["picture"].readiness.behaviours:
            counted = standing.behaviours[result.behaviour]
            assert (counted.demonstrated, counted.window, counted.flashes) == (
                result.demonstrated_periods,
                result.window_periods,
                result.flash_periods,
            )
            section = body[body.index(f'id="behaviour-{result.behaviour}"') :]
            section = section[: section.index("</section>")]
            shown = f"{result.demonstrated_periods} of {result.window_periods}"
            assert f'<span class="print-count">{shown}</span>' in section
            assert shown in page.content.decode()
    assert "as Promo's readiness page shows it that day" in body


def test_print_page_queries_do_not_grow_with_evidence(
    django_assert_max_num_queries, engineer, mentor, document, behaviours
):
    def grow(n: int) -> None:
        for i in range(n):
            entry = tagged_entry(
                engineer,
                behaviours["scope" if i % 2 else "mentoring"],
                week=date(2026, 1 + i % 10, 5),
            )
            feedback_for(entry, mentor)
            if i % 2:
                packet_services.evidence_curate(
                    document, behaviour=behaviours["scope"], entry=entry, action="pin"
                )

    assert_flat_query_count(
        django_assert_max_num_queries,
        client_for(engineer),
        _url(document, "document-print"),
        grow=grow,
        bound=16,
    )


# --- frozen copies ------------------------------------------------------------------------------


def test_an_attempt_freezes_the_curation_of_the_day(
    engineer, manager, document, behaviours, levels, three
):
    scope = behaviours["scope"]
    a, b, c = three
    PromoDocument.objects.filter(pk=document.pk).update(share_manager=True)
    packet_services.evidence_curate(document, behaviour=scope, entry=c, action="pin")
    packet_services.evidence_curate(document, behaviour=scope, entry=b, action="hide")

    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 11, 20)
    )
    frozen = attempt.snapshot["document"]["sections"][0]["markdown"]
    assert frozen.index("[C]") < frozen.index("[A]") and "[B]" not in frozen

    packet_services.evidence_curate(document, behaviour=scope, entry=b, action="show")
    packet_services.evidence_curate(document, behaviour=scope, entry=c, action="hide")
    attempt.refresh_from_db()
    assert attempt.snapshot["document"]["sections"][0]["markdown"] == frozen


def test_an_attempt_page_costs_the_same_however_much_evidence_was_frozen(
    django_assert_max_num_queries, engineer, manager, mentor, document, behaviours, levels
):
    PromoDocument.objects.filter(pk=document.pk).update(share_manager=True)
    client = client_for(engineer)
    for n in (2, 20):
        for i in range(n):
            entry = tagged_entry(engineer, behaviours["scope"], week=date(2026, 1 + i % 10, 5))
            feedback_for(entry, mentor)
        attempt = packet_services.attempt_record(
            actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 11, 20)
        )
        with django_assert_max_num_queries(9):
            assert client.get(attempt.get_absolute_url()).status_code == 200


# --- one <h1> per page --------------------------------------------------------------------------


def test_each_packet_page_has_one_h1_whatever_headings_the_narrative_uses(
    engineer, manager, document, behaviours, levels
):
    text = "# My big heading\n\n## Smaller\n\nI led it."
    Narrative.objects.create(document=document, behaviour=behaviours["scope"], text=text)
    PromoDocument.objects.filter(pk=document.pk).update(share_manager=True)
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 11, 20)
    )
    client = client_for(engineer)
    pages = {
        "document": _url(document),
        "print": _url(document, "document-print"),
        "attempt": attempt.get_absolute_url(),
    }
    for name, url in pages.items():
        body = client.get(url).content.decode()
        assert body.count("<h1") == 1, name
        assert "My big heading</h" in body
    attempt_page = client.get(pages["attempt"]).content.decode()
    assert "<h4>My big heading</h4>" in attempt_page  # under the section's <h3>
    assert "<h3>My big heading</h3>" in client.get(pages["document"]).content.decode()


def test_the_document_page_folds_the_long_tail_that_the_packet_still_prints(
    engineer, document, behaviours
):
    scope = behaviours["scope"]
    entries = [
        tagged_entry(engineer, scope, week=date(2026, 1 + i, 5), title=f"Entry number {i}")
        for i in range(9)
    ]
    packet_services.evidence_curate(document, behaviour=scope, entry=entries[0], action="pin")
    section = _section(packet_selectors.draft_for(document, engineer), scope)
    assert len(section.leading) == 1 + packet_selectors.FOLD_AFTER
    assert section.leading + section.folded == section.evidence

    page = client_for(engineer).get(_url(document)).content.decode()
    assert "3 more entries in the packet</summary>" in page
    printed = client_for(engineer).get(_url(document, "document-print")).content.decode()
    assert all(f">{e.title}</a>" in printed for e in entries)
