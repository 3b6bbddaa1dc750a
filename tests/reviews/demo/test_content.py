"""The demo's prose lives in TOML files: every file parses, every key in them is read, and a
typo fails loudly. (That the demo built from them is the one it always was is pinned by the
fingerprint in test_seed_demo.)"""

import ast
import inspect
import sys
import tomllib
from collections.abc import Iterator, Mapping
from typing import Any

import pytest

from reviews.demo import content


def _cached_functions() -> list[Any]:
    return [f for f in vars(content).values() if callable(f) and hasattr(f, "cache_clear")]


def _loaders() -> dict[str, Any]:
    """The public loader functions: every cached function not starting with an underscore."""
    return {f.__name__: f for f in _cached_functions() if not f.__name__.startswith("_")}


@pytest.fixture
def fresh_cache() -> Iterator[None]:
    """Empty the loader's caches around a test that feeds it other data."""
    for f in _cached_functions():
        f.cache_clear()
    yield
    for f in _cached_functions():
        f.cache_clear()


def _raw(name: str) -> dict[str, Any]:
    with (content.DATA / f"{name}.toml").open("rb") as f:
        return tomllib.load(f)


class _Recording(Mapping[str, Any]):
    """A TOML table that notes the path of every key read from it."""

    def __init__(self, table: dict[str, Any], path: tuple, read: set[tuple]) -> None:
        self._table, self._path, self._read = table, path, read

    def __getitem__(self, key: str) -> Any:
        value = self._table[key]
        self._read.add((*self._path, key))
        return _recording(value, (*self._path, key), self._read)

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


def _recording(value: Any, path: tuple, read: set[tuple]) -> Any:
    if isinstance(value, dict):
        return _Recording(value, path, read)
    if isinstance(value, list):
        return [_recording(item, (*path, n), read) for n, item in enumerate(value)]
    return value


def _key_paths(value: Any, path: tuple) -> Iterator[tuple]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from _key_paths(item, (*path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _key_paths(item, (*path, n))


# ---------------------------------------------------------------------------
# The data files and the loader
# ---------------------------------------------------------------------------


def test_every_data_file_parses():
    files = sorted(content.DATA.glob("*.toml"))
    assert [f.stem for f in files] == [
        "drafts",
        "entries",
        "feedback",
        "moments",
        "packet",
        "people",
    ]
    for path in files:
        assert _raw(path.stem), f"{path.name} is empty"


def test_every_key_in_every_data_file_is_read(monkeypatch, fresh_cache):
    read: set[tuple] = set()
    monkeypatch.setattr(content, "_file", lambda name: _recording(_raw(name), (name,), read))
    for loader in _loaders().values():
        loader()
    unread = {
        ".".join(map(str, path))
        for f in content.DATA.glob("*.toml")
        for path in _key_paths(_raw(f.stem), (f.stem,))
    } - {".".join(map(str, path)) for path in read}
    assert not unread, f"keys no loader reads: {sorted(unread)}"


def test_the_loader_reads_each_file_once_and_hands_back_the_same_values():
    for name, loader in _loaders().items():
        assert loader() is loader(), name
    assert content._file.cache_info().currsize == 6


@pytest.mark.parametrize(
    ("file", "change", "message"),
    [
        (
            "people",
            lambda d: d["people"][0].update(tittle="x"),
            r"\[\[people\]\], record 1.*tittle",
        ),
        ("people", lambda d: d["people"][1].pop("title"), r"record 2.*missing \['title'\]"),
        ("entries", lambda d: d["ideas"]["ownership"][0].update(team="Sales"), "'Sales'"),
        ("feedback", lambda d: d["notes"]["delivery"][0].update(verdict="great"), "'great'"),
    ],
)
def test_a_misspelt_or_missing_field_fails_loudly_naming_the_record(
    monkeypatch, fresh_cache, file, change, message
):
    data = _raw(file)
    change(data)
    monkeypatch.setattr(content, "_file", lambda name: data if name == file else _raw(name))
    with pytest.raises(ValueError, match=message):
        for loader in _loaders().values():
            loader()


def test_the_loader_imports_only_the_standard_library():
    tree = ast.parse(inspect.getsource(content))
    imported = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        node.module.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert imported <= sys.stdlib_module_names
