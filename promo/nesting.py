"""How deep parsed JSON, TOML or YAML nests, found without recursion."""

from typing import Any


def deeper_than(value: Any, limit: int) -> bool:
    """Whether lists and dicts nest more than `limit` deep: a loop over a stack, so a hostile
    document cannot make it recurse past Python's limit."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack += [(child, depth + 1) for child in children]
    return False
