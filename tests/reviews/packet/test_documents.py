"""The promo document: the builder, its pages and exports, narratives, and who may read it."""

from datetime import date

import pytest
from django.urls import reverse

from promo import access
from promo.models import Visibility
from reviews.models import Narrative, PromoDocument
from reviews.packet import access as packet_access
from reviews.packet import selectors as packet_selectors
from tests.conftest import assert_flat_query_count, client_for
from tests.factories import PromoDocumentFactory, feedback_for
from tests.reviews.packet.conftest import (
    ADMIN,
    ENDED,
    MANAGER,
    MENTOR,
    OLD_SHIP,
    OWNER,
    SKIP,
    STRANGER,
    tagged_entry,
)


def _doc_url(document, name="document"):
    return reverse(f"reviews:{name}", args=[document.pk])


def _section(draft, behaviour):
    return next(s for s in draft.sections if s.behaviour.pk == behaviour.pk)


# --- building the document ----------------------------------------------------------------------


def test_evidence_puts_mentor_confirmed_with_measured_impact_first(
    engineer, mentor, document, behaviours
):
    scope = behaviours["scope"]
    claimed = tagged_entry(engineer, scope, week=date(2026, 10, 5), title="Only claimed")
    confirmed = tagged_entry(
        engineer,
        scope,
        week=date(2026, 3, 2),
        title="Confirmed and measured",
        shipped_on=OLD_SHIP,
        impact_measured="Latency down 40%",
        impact_measured_on=date(2026, 9, 1),
    )
    recent = tagged_entry(
        engineer, scope, week=date(2026, 11, 2), title="Confirmed, shipped last week",
        shipped_on=date(2026, 11, 16),
    )  # fmt: skip
    feedback_for(confirmed, mentor)
    feedback_for(recent, mentor)

    section = _section(packet_selectors.draft_for(document, engineer), scope)

    assert [e.entry.title for e in section.evidence] == [
        confirmed.title,
        recent.title,
        claimed.title,
    ]
    assert section.evidence[0].confirmed and section.evidence[0].capped is None
    assert section.evidence[1].capped == "too_recent"
    assert not section.evidence[2].reviewed


def test_gap_verdicts_are_not_evidence(engineer, mentor, document, behaviours):
    entry = tagged_entry(engineer, behaviours["scope"], week=date(2026, 6, 1))
    feedback_for(entry, mentor, verdict="gap")
    section = _section(packet_selectors.draft_for(document, engineer), behaviours["scope"])
    assert section.evidence == []
    assert section.warnings == [packet_selectors.NO_EVIDENCE]


def test_unconfirmed_thin_and_too_recent_evidence_each_warn(engineer, mentor, document, behaviours):
    scope, mentoring = behaviours["scope"], behaviours["mentoring"]
    tagged_entry(engineer, scope, week=date(2026, 9, 7))
    recent = tagged_entry(
        engineer, mentoring, week=date(2026, 11, 9), shipped_on=date(2026, 11, 16)
    )
    feedback_for(recent, mentor)

    draft = packet_selectors.draft_for(document, engineer)

    assert packet_selectors.UNCONFIRMED in _section(draft, scope).warnings
    assert packet_selectors.THIN.format(months="one month") in _section(draft, scope).warnings
    assert packet_selectors.TOO_RECENT in _section(draft, mentoring).warnings


def test_steady_confirmed_evidence_has_no_warnings(engineer, mentor, document, behaviours):
    scope = behaviours["scope"]
    for month in (3, 5, 7):
        entry = tagged_entry(
            engineer, scope, week=date(2026, month, 2), shipped_on=date(2026, month, 1),
            impact_measured="Measured", impact_measured_on=date(2026, month + 2, 1),
        )  # fmt: skip
        feedback_for(entry, mentor)
    assert _section(packet_selectors.draft_for(document, engineer), scope).warnings == []


def test_evidence_outside_the_period_is_left_out(engineer, document, behaviours):
    tagged_entry(engineer, behaviours["scope"], week=date(2025, 11, 3), title="Before the period")
    section = _section(packet_selectors.draft_for(document, engineer), behaviours["scope"])
    assert section.evidence == []


def test_a_manager_reading_a_shared_document_never_sees_private_evidence(
    engineer, manager, document, behaviours
):
    tagged_entry(engineer, behaviours["scope"], week=date(2026, 6, 1), title="Shared work")
    tagged_entry(
        engineer, behaviours["scope"], week=date(2026, 7, 6), title="Private work",
        visibility=Visibility.PRIVATE,
    )  # fmt: skip
    document.share_manager = True
    document.save()

    body = client_for(manager).get(_doc_url(document)).content.decode()
    own = client_for(engineer).get(_doc_url(document)).content.decode()

    assert "Shared work" in body and "Private work" not in body
    assert "Private work" in own
    markdown = client_for(manager).get(_doc_url(document, "document-markdown")).content.decode()
    assert "Private work" not in markdown


def test_every_entry_is_listed_and_curation_is_how_the_list_is_shortened(
    engineer, document, behaviours
):
    for week in range(7):
        tagged_entry(engineer, behaviours["scope"], week=date(2026, 3, 2 + week * 7 % 28))
    section = _section(packet_selectors.draft_for(document, engineer), behaviours["scope"])
    assert len(section.evidence) == section.total == 7
    assert section.hidden == []


# --- the document pages -------------------------------------------------------------------------


def test_engineer_starts_a_document_for_their_target_level(engineer, levels):
    client = client_for(engineer)
    page = client.get(reverse("reviews:documents"))
    assert page.status_code == 200
    response = client.post(
        reverse("reviews:documents"),
        {"level": levels[2].pk, "period_start": "2025-12-01", "period_end": "2026-11-24"},
    )
    document = PromoDocument.objects.get(engineer=engineer)
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    assert (document.level, document.period_start) == (levels[2], date(2025, 12, 1))


def test_starting_the_same_level_again_opens_the_existing_document(engineer, levels, document):
    response = client_for(engineer).post(
        reverse("reviews:documents"),
        {"level": levels[2].pk, "period_start": "2026-01-01", "period_end": "2026-11-24"},
    )
    assert response["Location"] == document.get_absolute_url()
    assert PromoDocument.objects.filter(engineer=engineer).count() == 1


def test_a_backwards_period_is_refused_with_a_message(engineer, levels):
    response = client_for(engineer).post(
        reverse("reviews:documents"),
        {"level": levels[2].pk, "period_start": "2026-11-01", "period_end": "2026-01-01"},
    )
    assert response.status_code == 400
    assert "The period must start before it ends." in response.content.decode()
    assert not PromoDocument.objects.exists()


def test_narrative_saves_inline_with_htmx_and_renders_markdown(engineer, document, behaviours):
    url = reverse("reviews:narrative", args=[document.pk, behaviours["scope"].pk])
    client = client_for(engineer)
    form = client.get(url, HTTP_HX_REQUEST="true")
    assert form.status_code == 200 and "<form" in form.content.decode()
    assert "<html" not in form.content.decode()

    saved = client.post(url, {"text": "I set the **direction**."}, HTTP_HX_REQUEST="true")

    assert saved.status_code == 200
    assert "<strong>direction</strong>" in saved.content.decode()
    assert Narrative.objects.get(document=document).text == "I set the **direction**."


def test_narrative_without_javascript_is_a_page_and_a_redirect(engineer, document, behaviours):
    url = reverse("reviews:narrative", args=[document.pk, behaviours["scope"].pk])
    client = client_for(engineer)
    assert "<html" in client.get(url).content.decode()
    response = client.post(url, {"text": "Led the review."})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#behaviour-{behaviours['scope'].pk}")


def test_an_overlong_narrative_is_refused_and_the_saved_one_kept(engineer, document, behaviours):
    Narrative.objects.create(document=document, behaviour=behaviours["scope"], text="Kept.")
    url = reverse("reviews:narrative", args=[document.pk, behaviours["scope"].pk])
    client = client_for(engineer)
    response = client.post(url, {"text": "x" * 5001}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200  # htmx swaps in only 2xx answers: the form comes back
    assert "x" * 5001 in response.content.decode()  # what they typed is not lost
    assert "at most 5000 characters" in response.content.decode()
    assert client.post(url, {"text": "x" * 5001}).status_code == 400  # without JavaScript
    assert Narrative.objects.get(document=document).text == "Kept."


def test_a_behaviour_of_another_level_has_no_narrative(engineer, document, levels):
    other = levels[0].behaviours.first()
    url = reverse("reviews:narrative", args=[document.pk, other.pk])
    assert client_for(engineer).post(url, {"text": "x"}).status_code == 404
    assert not Narrative.objects.exists()


def test_markdown_export_has_narratives_warnings_and_links_back(
    engineer, document, behaviours, settings
):
    settings.SITE_URL = "https://promo.example.com"
    entry = tagged_entry(
        engineer, behaviours["scope"], week=date(2026, 6, 1), title="Cut [p99] *by half*"
    )
    Narrative.objects.create(document=document, behaviour=behaviours["scope"], text="I led it.")

    response = client_for(engineer).get(_doc_url(document, "document-markdown"))

    text = response.content.decode()
    assert response["Content-Type"].startswith("text/markdown")
    assert 'filename="promo-engineer-staff.md"' in response["Content-Disposition"]
    assert "## Scope at Staff\n\nI led it." in text
    assert f"(https://promo.example.com{entry.get_absolute_url()})" in text
    assert r"Cut \[p99\] \*by half\*" in text  # titles cannot inject Markdown
    assert f"> Warning: {packet_selectors.UNCONFIRMED}" in text
    assert "_No narrative written yet._" in text  # the mentoring behaviour


def test_printable_page_is_the_document_without_the_app_around_it(engineer, document, behaviours):
    Narrative.objects.create(document=document, behaviour=behaviours["scope"], text="I led it.")
    body = client_for(engineer).get(_doc_url(document, "document-print")).content.decode()
    assert "I led it." in body
    assert 'class="print-page"' in body
    assert "Sign out" not in body and "<nav" not in body


def test_sharing_tells_the_manager_and_lets_them_read(engineer, manager, document):
    client = client_for(engineer)
    assert client_for(manager).get(_doc_url(document)).status_code == 404
    response = client.post(
        _doc_url(document, "document-settings"),
        {"period_start": "2025-12-01", "period_end": "2026-11-24", "share_manager": "on"},
    )
    assert response.status_code == 302
    assert client_for(manager).get(_doc_url(document)).status_code == 200
    assert manager.notifications.filter(kind="document").count() == 1


@pytest.mark.parametrize(
    ("share", "role", "status"),
    [
        ({}, OWNER, 200),
        ({}, MANAGER, 404),
        ({}, MENTOR, 404),
        ({}, STRANGER, 404),
        ({}, ADMIN, 404),
        ({"share_manager": True}, MANAGER, 200),
        ({"share_manager": True}, SKIP, 200),
        ({"share_manager": True}, MENTOR, 404),
        ({"share_mentors": True}, MENTOR, 200),
        ({"share_mentors": True}, ENDED, 404),
        ({"share_mentors": True}, MANAGER, 404),
        ({"share_manager": True, "share_mentors": True}, STRANGER, 404),
    ],
)
@pytest.mark.parametrize("name", ["document", "document-markdown", "document-print"])
def test_who_may_read_a_document(request, document, share, role, status, name):
    PromoDocument.objects.filter(pk=document.pk).update(**share)
    client = client_for(request.getfixturevalue(role))
    assert client.get(_doc_url(document, name)).status_code == status


@pytest.mark.parametrize("role", [MANAGER, MENTOR, STRANGER, ADMIN])
def test_only_the_engineer_edits_or_shares_even_a_shared_document(
    request, document, behaviours, role
):
    PromoDocument.objects.filter(pk=document.pk).update(share_manager=True, share_mentors=True)
    client = client_for(request.getfixturevalue(role))
    url = reverse("reviews:narrative", args=[document.pk, behaviours["scope"].pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"text": "Not mine"}).status_code == 404
    settings_url = _doc_url(document, "document-settings")
    assert (
        client.post(
            settings_url, {"period_start": "2020-01-01", "period_end": "2026-11-24"}
        ).status_code
        == 404
    )
    document.refresh_from_db()
    assert not Narrative.objects.exists()
    assert document.period_start == date(2025, 12, 1)


def test_anonymous_visitors_are_sent_to_sign_in(client, document):
    response = client.get(_doc_url(document))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_document_page_queries_do_not_grow_with_evidence(
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
            Narrative.objects.update_or_create(
                document=document, behaviour=behaviours["scope"], defaults={"text": f"v{i}"}
            )

    assert_flat_query_count(
        django_assert_max_num_queries, client_for(engineer), _doc_url(document), grow=grow, bound=12
    )


@pytest.mark.parametrize("is_self", [False, True])
@pytest.mark.parametrize("is_mentor", [False, True])
@pytest.mark.parametrize("is_manager", [False, True])
def test_the_list_of_readable_documents_is_exactly_what_may_read_allows(
    engineer, is_self, is_mentor, is_manager
):
    """The documents list (readable_q) and the document page (may_read) are one rule written
    twice, once as SQL: for every relation and every sharing, they agree."""
    relation = access.Relation(is_self=is_self, is_mentor=is_mentor, is_manager=is_manager)
    documents = [
        PromoDocumentFactory(engineer=engineer, share_manager=manager, share_mentors=mentors)
        for manager, mentors in [(False, False), (True, False), (False, True), (True, True)]
    ]
    listed = set(packet_access.documents_readable(engineer, relation))
    assert listed == {d for d in documents if packet_access.may_read(d, relation)}
