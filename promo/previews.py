"""An import's preview carried to the button that applies it (people, ladders): the text and
choices signed with the site's secret, so nothing can be changed in between, and good for
MAX_AGE. Applying reads the file again and checks it again; the token only saves re-uploading.
"""

from typing import Any

from django.core import signing

MAX_AGE = 60 * 60  # seconds a preview may be applied after it was shown
BadPreview = signing.BadSignature  # tampered, made elsewhere, or older than MAX_AGE


def sign(payload: dict[str, Any], *, salt: str) -> str:
    return signing.dumps(payload, salt=salt, compress=True)


def unsign(token: str, *, salt: str) -> dict[str, Any]:
    found = signing.loads(token, salt=salt, max_age=MAX_AGE)
    if not isinstance(found, dict):
        raise BadPreview("not a preview")
    return found
