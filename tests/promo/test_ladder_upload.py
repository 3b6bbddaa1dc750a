"""The ladder in the browser (promo.ladder_views): the shipped ladder in one click, or a file
uploaded, previewed with the same line-numbered problems the command gives, then saved."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from promo import ladder_files, ladder_views, services
from promo.ladder_files import DEFAULT_LADDER_FILE
from promo.models import Behaviour, Ladder, Level
from tests.conftest import client_for
from tests.factories import PersonFactory, UserFactory

SMALL = """[ladder]
name = "Platform ladder"
slug = "platform"

[[levels]]
name = "Engineer"
slug = "engineer"

[[levels.behaviours]]
name = "Ships safely"
slug = "ships-safely"
description = "Changes go out behind flags and come back cleanly."

[[levels]]
name = "Senior"
slug = "senior"

[[levels.behaviours]]
name = "Leads a project"
slug = "leads"
description = "Takes a project from a problem to a measured result."
"""


@pytest.fixture
def staff(db):
    return UserFactory(username="admin", is_staff=True)


def upload(client, text: str, name: str = "ladder.toml", **data):
    file = SimpleUploadedFile(name, text.encode(), content_type="application/toml")
    return client.post(reverse("ladder-upload"), {"file": file, **data})


def token_of(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def test_the_shipped_ladder_in_one_click(staff):
    client = client_for(staff)
    first = client.post(reverse("ladder-use-shipped"), follow=True)
    shipped = ladder_files.parse(DEFAULT_LADDER_FILE.read_text(), "toml")
    behaviours = sum(len(level.behaviours) for level in shipped.levels)
    assert ladder_views.SHIPPED.format(levels=5, behaviours=behaviours) in first.content.decode()
    assert Level.objects.filter(ladder__slug="default").count() == 5
    assert "Use the ladder Promo ships" not in client.get(reverse("ladder-upload")).content.decode()
    again = client.post(reverse("ladder-use-shipped"), follow=True)
    assert ladder_views.SHIPPED_ALREADY in again.content.decode()


def test_an_uploaded_ladder_is_previewed_then_saved(staff):
    client = client_for(staff)
    shown = upload(client, SMALL)
    page = shown.content.decode()
    assert shown.status_code == 200
    assert "Platform ladder: 2 levels, 2 behaviours" in page
    assert "A new ladder, slug “platform”." in page
    assert not Ladder.objects.exists()
    saved = client.post(reverse("ladder-upload-apply"), {"token": token_of(shown)}, follow=True)
    assert "Platform ladder: 2 levels, 2 behaviours, saved." in saved.content.decode()
    assert list(Level.objects.filter(ladder__slug="platform").values_list("name", flat=True)) == [
        "Engineer",
        "Senior",
    ]


def test_a_pasted_yaml_ladder_is_read_too(staff):
    text = (
        "ladder: {name: Tiny, slug: tiny}\n"
        "levels:\n  - name: One\n    slug: one\n    behaviours:\n"
        "      - {name: Writes, slug: writes, description: Writes it down.}\n"
    )
    response = client_for(staff).post(reverse("ladder-upload"), {"text": text, "format": "yaml"})
    assert "Tiny: 1 level, 1 behaviour" in response.content.decode()


@pytest.mark.parametrize(
    "broken",
    [
        SMALL.replace('slug = "senior"', 'slug = "engineer"'),
        SMALL.replace("[[levels]]\nname", "[[levels]\nname", 1),
        SMALL.replace('description = "Takes', 'descriptio = "Takes'),
    ],
)
def test_a_broken_file_gets_the_commands_own_sentence_and_saves_nothing(staff, broken):
    with pytest.raises(ladder_files.LadderFileError) as caught:
        ladder_files.parse(broken, "toml")
    response = upload(client_for(staff), broken)
    assert response.status_code == 400
    assert str(caught.value) in response.content.decode().replace("&quot;", '"').replace(
        "&#x27;", "'"
    )
    assert not Ladder.objects.exists()


def test_the_same_slug_needs_update_in_place_and_shows_what_it_removes(staff, levels):
    engineer = PersonFactory(user=UserFactory(username="eng"), current_level=levels[1])
    renamed = SMALL.replace('slug = "platform"', 'slug = "test"')
    client = client_for(staff)
    refused = upload(client, renamed)
    assert refused.status_code == 400
    assert ladder_views.EXISTS.format(slug="test", name="Test ladder") in refused.content.decode()
    shown = upload(client, renamed, replace="on")
    page = shown.content.decode()
    assert "Removed level: Senior" not in page  # the file keeps a level with the slug "senior"
    assert "Removed level: Junior" in page and "Removed level: Staff" in page
    assert "New level: Engineer" in page
    saved = client.post(reverse("ladder-upload-apply"), {"token": token_of(shown)})
    assert saved.status_code == 302
    engineer.refresh_from_db()
    assert engineer.current_level.name == "Senior"  # kept, by slug, renamed by the file
    assert Behaviour.objects.filter(level=engineer.current_level).count() == 1


def test_a_file_that_leaves_out_a_level_people_stand_on_cannot_be_saved(staff, levels):
    PersonFactory(user=UserFactory(username="eng"), current_level=levels[0])
    renamed = SMALL.replace('slug = "platform"', 'slug = "test"')
    shown = upload(client_for(staff), renamed, replace="on")
    page = shown.content.decode()
    assert shown.status_code == 400
    assert "Removed level: Junior (people are placed on it: 1; move them first)" in page
    assert ladder_views.BLOCKED.replace("'", "&#x27;") in page
    assert 'name="token"' not in page  # nothing to save


def test_someone_placed_after_the_preview_still_stops_the_save_and_nothing_changes(staff, levels):
    renamed = SMALL.replace('slug = "platform"', 'slug = "test"')
    client = client_for(staff)
    token = token_of(upload(client, renamed, replace="on"))  # nobody on Junior yet
    PersonFactory(user=UserFactory(username="eng"), current_level=levels[0])
    response = client.post(reverse("ladder-upload-apply"), {"token": token})
    assert response.status_code == 400
    assert (
        "Level &#x27;Junior&#x27; is not in the file but people are still placed on it"
        in response.content.decode()
    )
    assert list(Level.objects.filter(ladder__slug="test").values_list("name", flat=True)) == [
        "Junior",
        "Senior",
        "Staff",
    ]


def test_a_tampered_preview_is_refused(staff):
    response = client_for(staff).post(reverse("ladder-upload-apply"), {"token": "nope"})
    assert response.status_code == 400
    assert ladder_views.EXPIRED in response.content.decode()
    assert not Ladder.objects.exists()


def test_services_default_stays_what_the_command_installs(staff):
    client_for(staff).post(reverse("ladder-use-shipped"))
    assert services.ladder_install_default().pk == Ladder.objects.get(slug="default").pk
