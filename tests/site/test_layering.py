"""The shape of the code, held: dependencies point one way (promo ← evidence ← reviews), and
only URL configurations import views. Read from the source with `ast`, imports inside
functions included, so a late import cannot slip past."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("promo", "evidence", "reviews")
# What each app may import of the others.
ALLOWED = {"promo": set(), "evidence": {"promo"}, "reviews": {"promo", "evidence"}}


def _modules() -> list[Path]:
    return sorted(
        path
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
    )


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from reviews.packet import document_views` names the module in the alias.
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_dependencies_point_one_way(path):
    app = _name(path).split(".")[0]
    reached = {name.split(".")[0] for name in _imports(path)} & set(APPS) - {app}
    assert reached <= ALLOWED[app], f"{_name(path)} imports {sorted(reached - ALLOWED[app])}"


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_only_url_configurations_import_views(path):
    if path.name == "urls.py" or path.name.endswith("_urls.py"):
        return
    views = {
        name
        for name in _imports(path)
        if name.split(".")[0] in APPS
        and (name.split(".")[-1] == "views" or name.split(".")[-1].endswith("_views"))
    }
    assert not views, f"{_name(path)} imports {sorted(views)}"


def test_the_walk_reads_every_app():
    names = {_name(path) for path in _modules()}
    assert {"promo.urls", "evidence.views", "reviews.packet.document_views"} <= names
    assert "reviews.urls" in names and not any(".migrations." in n for n in names)
