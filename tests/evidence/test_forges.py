"""Forge webhooks: each forge's documented merged pull request, signed as that forge signs it,
becomes one draft for its author; anything unproven, repeated or unknown changes nothing.

The payloads are the forges' own examples (tests/evidence/forge_payloads/README.txt); the
signature headers are computed here over those files' bytes, as GitHub, GitLab and Gitea do.
"""

import hashlib
import hmac
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.urls import reverse

from evidence import forges
from evidence.models import Draft, Entry, Forge
from promo.models import AuditEvent
from tests.factories import ForgeHookFactory, PersonFactory, UserFactory

PAYLOADS = Path(__file__).parent / "forge_payloads"


def payload(name: str) -> bytes:
    return (PAYLOADS / name).read_bytes()


def edited(name: str, change) -> bytes:
    """A documented payload with one thing changed (then signed like any other body)."""
    data = json.loads(payload(name))
    change(data)
    return json.dumps(data).encode()


def github_headers(secret: str, body: bytes, event: str = "pull_request") -> dict[str, str]:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"X-GitHub-Event": event, "X-Hub-Signature-256": f"sha256={digest}"}


def gitlab_headers(secret: str, body: bytes, event: str = "Merge Request Hook") -> dict[str, str]:
    return {"X-Gitlab-Event": event, "X-Gitlab-Token": secret}


def gitea_headers(secret: str, body: bytes, event: str = "pull_request") -> dict[str, str]:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"X-Gitea-Event": event, "X-Gitea-Signature": digest}


SIGN = {Forge.GITHUB: github_headers, Forge.GITLAB: gitlab_headers, Forge.GITEA: gitea_headers}

# Each forge's merged example: its file, who wrote it (their forge username), and the draft.
MERGED = {
    Forge.GITHUB: (
        "github_pull_request_merged.json",
        "codertocat",  # the payload says "Codertocat": usernames are matched without case
        {
            "url": "https://github.com/Codertocat/Hello-World/pull/2",
            "repository": "Codertocat/Hello-World",
            "number": 2,
            "title": "Update the README with new information.",
            "body": "This is a pretty simple change that we need to pull into master.",
            "merged_at": datetime(2019, 5, 15, 15, 21, 18, tzinfo=UTC),
        },
    ),
    Forge.GITLAB: (
        "gitlab_merge_request_merged.json",
        "root",
        {
            "url": "http://example.com/diaspora/merge_requests/1",
            "repository": "gitlabhq/gitlab-test",
            "number": 1,
            "title": "MS-Viewport",
            "body": "",
            "merged_at": datetime(2013, 12, 3, 17, 23, 34, tzinfo=UTC),
        },
    ),
    Forge.GITEA: (
        "gitea_pull_request_merged.json",
        "kostekIV",
        {
            "url": "https://try.gitea.io/kostekIV/test/pulls/4",
            "repository": "kostekIV/test",
            "number": 4,
            "title": "Fix remove-op on reaction event",
            "body": "Body",
            "merged_at": datetime(2019, 11, 18, 0, 22, 27, tzinfo=UTC),
        },
    ),
}
FORGES = list(MERGED)


def deliver(client, hook, body: bytes, headers: dict[str, str]):
    url = reverse("forge-hook", args=[hook.key])
    return client.post(url, data=body, content_type="application/json", headers=headers)


def signed(client, hook, body: bytes, **kwargs):
    return deliver(client, hook, body, SIGN[hook.forge](hook.secret, body, **kwargs))


def webhook_audits() -> list[str]:
    return list(AuditEvent.objects.filter(action="webhook").values_list("detail", flat=True))


@pytest.fixture
def author(db):
    return PersonFactory(user=UserFactory(username="author", email="author@corp.example")).user


def hook_for(forge, author):
    name, username, _ = MERGED[forge]
    author.person.forge_username = username
    author.person.save()
    return ForgeHookFactory(forge=forge), payload(name)


@pytest.mark.parametrize("forge", FORGES)
def test_a_signed_merged_pull_request_becomes_one_draft_for_its_author(client, author, forge):
    hook, body = hook_for(forge, author)

    response = signed(client, hook, body)

    assert response.status_code == 202
    draft = Draft.objects.get()
    expected = MERGED[forge][2]
    assert draft.author == author
    assert draft.hook == hook
    assert draft.state == Draft.State.WAITING
    assert {field: getattr(draft, field) for field in expected} == expected
    assert not Entry.objects.exists()  # a draft counts for nothing until it is logged
    hook.refresh_from_db()
    assert hook.last_delivery_at is not None


def test_what_no_column_can_hold_is_dropped_not_failed_on(client, author):
    """A NUL in the title (PostgreSQL refuses it in text) and a number past a 32-bit column:
    the draft is still made, without them."""
    hook, _ = hook_for(Forge.GITHUB, author)

    def odd(data):
        data["pull_request"].update(title="Cache\x00 tax rates", number=2**40)
        data["number"] = 2**40

    response = signed(client, hook, edited("github_pull_request_merged.json", odd))

    assert response.status_code == 202
    draft = Draft.objects.get()
    assert (draft.title, draft.number) == ("Cache tax rates", None)


@pytest.mark.parametrize("forge", FORGES)
@pytest.mark.parametrize("proof", ["wrong secret", "no signature"])
def test_a_bad_signature_changes_nothing_but_the_audit_trail(client, author, forge, proof):
    hook, body = hook_for(forge, author)
    headers = SIGN[forge]("not the secret", body)
    if proof == "no signature":
        headers = {k: v for k, v in headers.items() if "Event" in k}

    response = deliver(client, hook, body, headers)

    assert response.status_code == 401
    assert response.json() == {"detail": forges.BAD_SIGNATURE}
    assert not Draft.objects.exists()
    [detail] = webhook_audits()
    assert "signature" in detail and hook.name in detail
    assert hook.secret not in detail and "README" not in detail
    hook.refresh_from_db()
    assert hook.last_delivery_at is None


@pytest.mark.parametrize("forge", FORGES)
def test_the_same_pull_request_delivered_twice_is_one_draft(client, author, forge):
    hook, body = hook_for(forge, author)

    first = signed(client, hook, body)
    again = signed(client, hook, body)

    assert (first.status_code, again.status_code) == (202, 202)
    assert Draft.objects.count() == 1
    assert not webhook_audits()


def test_a_dismissed_pull_request_delivered_again_stays_dismissed(client, author):
    hook, body = hook_for(Forge.GITHUB, author)
    signed(client, hook, body)
    Draft.objects.update(state=Draft.State.DISMISSED)

    signed(client, hook, body)

    assert list(Draft.objects.values_list("state", flat=True)) == [Draft.State.DISMISSED]


@pytest.mark.parametrize("forge", FORGES)
def test_an_unknown_author_changes_nothing_but_the_audit_trail(client, author, forge):
    hook = ForgeHookFactory(forge=forge)  # nobody has the payload's username or e-mail
    body = payload(MERGED[forge][0])

    response = signed(client, hook, body)

    assert response.status_code == 202  # the forge proved it sent it; the task finds no one
    assert not Draft.objects.exists()
    [detail] = webhook_audits()
    assert "no one" in detail and MERGED[forge][2]["repository"] in detail


def test_a_deactivated_person_gets_no_draft(client, author):
    hook, body = hook_for(Forge.GITHUB, author)
    author.is_active = False
    author.save()

    signed(client, hook, body)

    assert not Draft.objects.exists()
    assert len(webhook_audits()) == 1


def test_a_forge_username_two_people_share_names_no_one(client, author):
    hook, body = hook_for(Forge.GITHUB, author)
    PersonFactory(forge_username="CODERTOCAT")

    signed(client, hook, body)

    assert not Draft.objects.exists()
    assert len(webhook_audits()) == 1


def test_an_author_is_matched_by_their_account_email(client, author):
    """Gitea reports the author's e-mail: someone who never set a forge username is found by
    their account's address, whatever its case."""
    author.email = "KostekIV@Example.com"
    author.save()
    hook = ForgeHookFactory(forge=Forge.GITEA)

    signed(client, hook, payload("gitea_pull_request_merged.json"))

    assert Draft.objects.get().author == author


def test_gitlab_merged_by_someone_else_goes_to_the_last_commit_author_never_the_merger(
    client, author
):
    """GitLab's hook names who merged, not who wrote the merge request: when they differ,
    the draft is for the last commit's author (by e-mail), and the merger gets nothing."""
    merger = PersonFactory(forge_username="root").user

    def someone_else_wrote_it(data):
        data["object_attributes"]["author_id"] = 51
        data["object_attributes"]["last_commit"]["author"]["email"] = "Author@corp.example"

    hook = ForgeHookFactory(forge=Forge.GITLAB)
    body = edited("gitlab_merge_request_merged.json", someone_else_wrote_it)

    assert signed(client, hook, body).status_code == 202

    assert Draft.objects.get().author == author
    assert not Draft.objects.filter(author=merger).exists()


def test_gitlab_merged_by_someone_else_with_an_unknown_commit_author_is_refused(client, author):
    PersonFactory(forge_username="root")
    hook = ForgeHookFactory(forge=Forge.GITLAB)
    body = edited(
        "gitlab_merge_request_merged.json", lambda d: d["object_attributes"].update(author_id=51)
    )

    signed(client, hook, body)

    assert not Draft.objects.exists()
    assert len(webhook_audits()) == 1


def test_a_github_enterprise_pull_request_keeps_its_own_address(client, author):
    hook, _ = hook_for(Forge.GITHUB, author)
    enterprise = "https://github.corp.example/Codertocat/Hello-World/pull/2"
    body = edited(
        "github_pull_request_merged.json", lambda d: d["pull_request"].update(html_url=enterprise)
    )

    assert signed(client, hook, body).status_code == 202

    assert Draft.objects.get().url == enterprise


def test_forgejo_headers_are_enough(client, author):
    hook, body = hook_for(Forge.GITEA, author)
    digest = hmac.new(hook.secret.encode(), body, hashlib.sha256).hexdigest()
    headers = {"X-Forgejo-Event": "pull_request", "X-Forgejo-Signature": digest}

    assert deliver(client, hook, body, headers).status_code == 202
    assert Draft.objects.count() == 1


@pytest.mark.parametrize(
    ("forge", "name", "event", "change"),
    [
        (Forge.GITHUB, "github_pull_request_closed.json", "pull_request", None),
        (Forge.GITHUB, "github_pull_request_merged.json", "ping", None),
        (Forge.GITLAB, "gitlab_merge_request_open.json", "Merge Request Hook", None),
        (Forge.GITLAB, "gitlab_merge_request_merged.json", "Push Hook", None),
        (
            Forge.GITEA,
            "gitea_pull_request_merged.json",
            "pull_request",
            lambda d: d["pull_request"].update(merged=False),
        ),
        (
            Forge.GITEA,
            "gitea_pull_request_merged.json",
            "pull_request",
            lambda d: d.update(action="opened"),
        ),
    ],
    ids=[
        "github closed unmerged",
        "github ping",
        "gitlab opened",
        "gitlab push",
        "gitea closed unmerged",
        "gitea opened",
    ],
)
def test_events_other_than_a_merge_are_answered_and_ignored(
    client, author, forge, name, event, change
):
    hook, _ = hook_for(forge, author)
    body = edited(name, change) if change else payload(name)

    response = signed(client, hook, body, event=event)

    assert response.status_code == 200
    assert response.json()["detail"]
    assert not Draft.objects.exists()
    assert not webhook_audits()


def test_a_body_over_the_limit_is_refused_unread(client, author):
    hook, _ = hook_for(Forge.GITHUB, author)
    body = b'{"action": "closed", "padding": "' + b"x" * forges.BODY_MAX + b'"}'

    response = signed(client, hook, body)

    assert response.status_code == 413
    assert not Draft.objects.exists()


def test_a_signed_body_that_is_not_a_pull_request_is_refused_with_a_sentence(client, author):
    hook, _ = hook_for(Forge.GITHUB, author)

    not_json = signed(client, hook, b"action=closed")
    no_title = signed(
        client,
        hook,
        edited("github_pull_request_merged.json", lambda d: d["pull_request"].pop("title")),
    )
    not_web = signed(
        client,
        hook,
        edited(
            "github_pull_request_merged.json",
            lambda d: d["pull_request"].update(html_url="javascript:alert(1)"),
        ),
    )

    nested = signed(client, hook, b"[" * 200_000 + b"]" * 200_000)  # past Python's recursion

    assert not_json.status_code == no_title.status_code == not_web.status_code == 400
    assert nested.status_code == 400
    assert not_json.json() == nested.json() == {"detail": forges.UNREADABLE}
    assert no_title.json() == {"detail": "The delivery has no pull request title."}
    assert not_web.json() == {"detail": "The pull request's address is not a web address."}
    assert not Draft.objects.exists()


def test_an_unknown_or_inactive_hook_is_not_found(client, author):
    hook, body = hook_for(Forge.GITHUB, author)
    headers = github_headers(hook.secret, body)
    url = reverse("forge-hook", args=["no-such-key"])

    unknown = client.post(url, data=body, content_type="application/json", headers=headers)
    hook.active = False
    hook.save()
    inactive = deliver(client, hook, body, headers)

    assert unknown.status_code == inactive.status_code == 404
    assert not Draft.objects.exists()


def test_the_webhook_needs_no_session_and_no_csrf_token(author):
    from django.test import Client

    hook, body = hook_for(Forge.GITHUB, author)
    client = Client(enforce_csrf_checks=True)

    assert signed(client, hook, body).status_code == 202
    assert client.get(reverse("forge-hook", args=[hook.key])).status_code == 405


def test_a_delivery_takes_a_fixed_number_of_queries(client, author, django_assert_max_num_queries):
    hook, body = hook_for(Forge.GITHUB, author)

    # hook, last delivery, then the task: person, draft (in a savepoint)
    with django_assert_max_num_queries(8):
        assert signed(client, hook, body).status_code == 202


def test_staff_add_a_hook_and_get_its_key_secret_address_and_steps(admin_user, settings):
    from django.test import Client

    from evidence.models import ForgeHook

    settings.SITE_URL = "https://promo.example.com"
    client = Client()
    client.force_login(admin_user)
    add = reverse("admin:evidence_forgehook_add")
    data = {"name": "GitHub Enterprise", "forge": Forge.GITHUB, "active": "on", "secret": ""}

    assert client.get(add).status_code == 200
    assert client.post(add, data).status_code == 302

    hook = ForgeHook.objects.get()
    assert len(hook.key) == 32 and len(hook.secret) >= 40
    page = client.get(reverse("admin:evidence_forgehook_change", args=[hook.pk])).content.decode()
    assert f"https://promo.example.com/hooks/{hook.key}/" in page
    assert "Content type: application/json." in page and "Pull requests" in page
