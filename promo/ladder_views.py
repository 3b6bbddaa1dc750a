"""The ladder, for staff: use the one Promo ships, or upload a TOML or YAML file, see what it
holds (and, updating a ladder, what changes) before anything is saved, then apply it. The same
parser and service as `manage.py ladder_import`, so the same line-numbered problems."""

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from promo import access, ladder_files, previews, selectors, services
from promo.http import AuthenticatedHttpRequest
from promo.ladder_files import LadderFileError, LadderSpec
from promo.models import Ladder, Person

SALT = "promo.ladder-upload"
UPLOAD_MAX = ladder_files.TEXT_MAX * 4  # bytes: at most four per character in UTF-8

NO_FILE = "Choose a .toml, .yaml or .yml file, or paste its text and choose its format."
NOT_UTF8 = "The file is not UTF-8 text; save it as UTF-8 and try again."
TOO_BIG = "The file is {size:,} bytes; the limit is {limit:,}."
EXISTS = (
    "Promo already has a ladder with the slug “{slug}” ({name}). Tick “Update it in place” to "
    "change that ladder, or give this one another slug."
)
EXPIRED = "That preview is more than an hour old, or was not made here; upload the file again."
SHIPPED_ALREADY = "The shipped ladder is in use already."
SAVED = "{name}: {levels} levels, {behaviours} behaviours, saved."
BLOCKED = (
    "This file leaves out levels people are placed on (below). Move those people to other "
    "levels first, or keep those levels' slugs in the file."
)
SHIPPED = "The shipped ladder is in use: {levels} levels, {behaviours} behaviours."


def _page(
    request: AuthenticatedHttpRequest, status: int = 200, context: dict[str, object] | None = None
) -> HttpResponse:
    ladders = list(Ladder.objects.prefetch_related("levels").order_by("name"))
    shipped = any(ladder.slug == selectors.DEFAULT_LADDER_SLUG for ladder in ladders)
    return render(
        request,
        "promo/ladder_upload.html",
        {
            "ladders": ladders,
            "shipped": shipped,
            "formats": ladder_files.FORMATS,
            **(context or {}),
        },
        status=status,
    )


def _changes(spec: LadderSpec, ladder: Ladder) -> tuple[list[str], bool]:
    """What updating `ladder` with `spec` would do to its levels, in words; and whether it
    would remove a level people are placed on (which cannot be saved)."""
    old = {level.slug: level for level in ladder.levels.all()}
    new = {level.slug: level for level in spec.levels}
    lines = [f"New level: {level.name}" for slug, level in new.items() if slug not in old]
    blocked = False
    for slug, level in old.items():
        if slug not in new:
            placed = Person.objects.filter(Q(current_level=level) | Q(target_level=level)).count()
            blocked = blocked or bool(placed)
            lines.append(
                f"Removed level: {level.name}"
                + (f" (people are placed on it: {placed}; move them first)" if placed else "")
            )
    return lines, blocked


@login_required
@require_http_methods(["GET", "POST"])
@access.staff_only
def ladder_upload(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _page(request)
    replace = request.POST.get("replace") == "on"
    upload = request.FILES.get("file")
    fmt = request.POST.get("format", "")
    try:
        if upload is not None:
            if upload.size and upload.size > UPLOAD_MAX:
                raise LadderFileError(TOO_BIG.format(size=upload.size, limit=UPLOAD_MAX))
            fmt = ladder_files.format_for(
                Path(upload.name or ""), fmt if fmt in ladder_files.FORMATS else None
            )
            text = upload.read().decode("utf-8")
        else:
            text = request.POST.get("text", "")
            if not text.strip() or fmt not in ladder_files.FORMATS:
                return _page(request, 400, {"problem": NO_FILE, "replace": replace})
        spec = ladder_files.parse(text, fmt)
    except UnicodeDecodeError:
        return _page(request, 400, {"problem": NOT_UTF8, "replace": replace})
    except LadderFileError as exc:
        return _page(request, 400, {"problem": str(exc), "replace": replace})
    existing = Ladder.objects.filter(slug=spec.slug).first()
    if existing is not None and not replace:
        problem = EXISTS.format(slug=spec.slug, name=existing.name)
        return _page(request, 400, {"problem": problem, "replace": replace})
    changes, blocked = _changes(spec, existing) if existing else ([], False)
    token = previews.sign({"text": text, "format": fmt, "replace": replace}, salt=SALT)
    context = {
        "spec": spec,
        "token": "" if blocked else token,
        "problem": BLOCKED if blocked else "",
        "replace": replace,
        "updating": existing,
        "changes": changes,
        "behaviours": sum(len(level.behaviours) for level in spec.levels),
    }
    return _page(request, 400 if blocked else 200, context)


@login_required
@require_POST
@access.staff_only
def ladder_upload_apply(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        signed = previews.unsign(request.POST.get("token", ""), salt=SALT)
        spec = ladder_files.parse(str(signed["text"]), str(signed["format"]))
        with transaction.atomic():
            ladder = services.ladder_import(spec=spec, replace=bool(signed["replace"]))
    except previews.BadPreview:
        return _page(request, 400, {"problem": EXPIRED})
    except LadderFileError as exc:
        return _page(request, 400, {"problem": str(exc)})
    behaviours = sum(len(level.behaviours) for level in spec.levels)
    messages.success(
        request, SAVED.format(name=ladder.name, levels=len(spec.levels), behaviours=behaviours)
    )
    return redirect("ladder-upload")


@login_required
@require_POST
@access.staff_only
def ladder_use_shipped(request: AuthenticatedHttpRequest) -> HttpResponse:
    if Ladder.objects.filter(slug=selectors.DEFAULT_LADDER_SLUG).exists():
        messages.info(request, SHIPPED_ALREADY)
    else:
        ladder = services.ladder_install_default()
        levels = list(ladder.levels.prefetch_related("behaviours"))
        behaviours = sum(level.behaviours.count() for level in levels)
        messages.success(request, SHIPPED.format(levels=len(levels), behaviours=behaviours))
    return redirect("ladder-upload")
