"""Background work (promo.tasks) with the database backend and its worker, as in production: a
page that sends mail never talks to the mail server, so a server that is down or hangs never
slows or fails it; the worker retries later and later, the mail goes out once the server is
back, and an e-mail that failed for good is shown to staff.

The tests run the real `manage.py db_worker` (one batch at a time) against a tiny SMTP server
in a thread, so they use committed transactions (the worker takes tasks in its own).
"""

import email
import signal
import socket
import socketserver
import threading
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from promo import invitations, tasks
from promo.needs import UNSENT_EMAIL_DAYS
from tests.conftest import client_for
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

FAILED, READY, SUCCESSFUL = (
    TaskResultStatus.FAILED,
    TaskResultStatus.READY,
    TaskResultStatus.SUCCESSFUL,
)
TASK_RESULTS = reverse("admin:django_tasks_database_dbtaskresult_changelist")


# --- a mail server in a thread ----------------------------------------------------------------


class SmtpServer(socketserver.ThreadingTCPServer):
    """Just enough SMTP on 127.0.0.1 to take messages and keep them; with `silent`, a server
    that accepts connections and never says a word. Counts the connections made to it."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int = 0, *, silent: bool = False):
        super().__init__(("127.0.0.1", port), SmtpHandler)
        self.port = self.server_address[1]
        self.silent = silent
        self.connections = 0
        self.received: list[tuple[list[str], email.message.Message]] = []
        self.stopping = threading.Event()

    def verify_request(self, request, client_address) -> bool:
        self.connections += 1  # on accept, before the handler's thread starts
        return True

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()


class SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line: bytes) -> None:
        self.wfile.write(line + b"\r\n")

    def handle(self) -> None:
        if self.server.silent:
            self.server.stopping.wait()
            return
        self.reply(b"220 promo-tests ready")
        recipients: list[str] = []
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"RCPT":
                recipients.append(line.split(b":", 1)[1].strip(b" <>\r\n").decode())
            if verb == b"DATA":
                self.reply(b"354 end with a line holding only a dot")
                data = []
                while (row := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(row[1:] if row.startswith(b"..") else row)
                self.server.received.append((recipients, email.message_from_bytes(b"".join(data))))
                recipients = []
            if verb == b"QUIT":
                self.reply(b"221 bye")
                return
            self.reply(b"250 ok")  # EHLO, HELO, MAIL, RCPT, the end of DATA, RSET, NOOP


def unused_port() -> int:
    """A port on 127.0.0.1 nobody listens on: a mail server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# --- the worker and what it left --------------------------------------------------------------


def run_worker() -> None:
    """`manage.py db_worker --batch`: run every task due now, then stop (keeping the test
    runner's own Ctrl-C handling, which the worker replaces with its graceful shutdown)."""
    caught = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    handlers = {number: signal.getsignal(number) for number in caught}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def attempts() -> list[DBTaskResult]:
    """Every attempt at sending, in order."""
    return sorted(DBTaskResult.objects.all(), key=lambda r: r.args_kwargs["kwargs"]["attempt"])


def run_retry() -> None:
    """Run the worker when the waiting retry is due."""
    (waiting,) = DBTaskResult.objects.filter(status=READY)
    with time_machine.travel(waiting.run_after, tick=False):
        run_worker()


# --- the cast and the pages that send mail ----------------------------------------------------


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = unused_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 1


@pytest.fixture
def ana():
    """Someone a people import made: no password yet, waiting for an invitation."""
    user = UserFactory(username="ana", email="ana@corp.example")
    user.set_unusable_password()
    user.save()
    PersonFactory(user=user)
    return user


def invite(ana, admin_user):
    response = client_for(admin_user).post(reverse("person-invite", args=[ana.pk]))
    assert response.status_code == 302
    return invitations.SUBJECT


def reset_password(ana, admin_user):
    ana.set_password("forgotten since")  # only a password can be reset
    ana.save()
    response = Client().post(reverse("password_reset"), {"email": ana.email})
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    return "Choose a new Promo password"


PAGES = [invite, reset_password]


# --- a page never waits for the mail server ---------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.__name__)
def test_a_page_answers_while_the_mail_server_is_down_and_the_mail_goes_out_once_it_is_back(
    settings, page, ana, admin_user
):
    subject = page(ana, admin_user)
    (queued,) = attempts()
    assert queued.status == READY and queued.args_kwargs["kwargs"]["to"] == [ana.email]

    run_worker()  # the server is still down
    first, retry = attempts()
    assert first.status == FAILED
    assert first.exception_class_path == "builtins.ConnectionRefusedError"
    assert retry.status == READY
    assert retry.run_after == timezone.now() + timedelta(minutes=1)
    run_worker()  # not due yet: nothing happens
    assert [a.status for a in attempts()] == [FAILED, READY]

    with SmtpServer(settings.EMAIL_PORT) as server:  # the server is back
        run_retry()
    assert [a.status for a in attempts()] == [FAILED, SUCCESSFUL]
    ((to, message),) = server.received
    assert to == [ana.email] and message["To"] == ana.email
    assert message["Subject"].startswith(subject)


def test_a_mail_server_that_never_answers_holds_up_the_worker_never_the_page(
    settings, ana, admin_user
):
    with SmtpServer(silent=True) as hung:
        settings.EMAIL_PORT = hung.port
        invite(ana, admin_user)
        assert hung.connections == 0  # the page did not even try

        run_worker()  # gives up on this attempt after EMAIL_TIMEOUT
        assert hung.connections == 1
    first, retry = attempts()
    assert first.status == FAILED
    assert first.exception_class_path == "smtplib.SMTPServerDisconnected"
    assert "timed out" in first.traceback
    assert retry.status == READY and retry.args_kwargs["kwargs"]["attempt"] == 2


def test_weekly_reminders_are_queued_one_task_per_email(engineer):
    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert out.getvalue().startswith("Queued 1 email: 1 to log,")
    (queued,) = attempts()
    assert queued.status == READY and queued.args_kwargs["kwargs"]["to"] == [engineer.email]


# --- giving up, and telling staff ------------------------------------------------------------


@pytest.fixture
def given_up(ana, admin_user):
    """An invitation whose every attempt met a mail server that is down."""
    invite(ana, admin_user)
    run_worker()
    for _ in range(tasks.MAX_ATTEMPTS - 1):
        run_retry()
    return ana


def need(user) -> str | None:
    html = client_for(user).get(reverse("home")).content.decode()
    start = html.find('id="need-unsent-emails"')
    return None if start < 0 else html[start : html.index("</li>", start)]


def test_an_email_is_tried_later_and_later_then_given_up_for_good(given_up):
    tried = attempts()
    assert [a.args_kwargs["kwargs"]["attempt"] for a in tried] == [1, 2, 3, 4, 5, 6]
    assert [a.status for a in tried] == [FAILED] * tasks.MAX_ATTEMPTS
    waits = [b.run_after - a.finished_at for a, b in zip(tried, tried[1:], strict=False)]
    assert waits == [timedelta(minutes=m) for m in (1, 5, 25, 125, 625)]
    assert tried[0].run_after == get_date_max()  # the first ran at once
    assert {a.exception_class_path for a in tried[:-1]} == {"builtins.ConnectionRefusedError"}
    assert tried[-1].exception_class_path == tasks.GAVE_UP
    assert "ConnectionRefusedError" in tried[-1].traceback  # the cause, for whoever looks
    run_worker()  # nothing is left to try
    assert len(attempts()) == tasks.MAX_ATTEMPTS


def test_staff_are_told_of_emails_that_could_not_be_sent_for_a_week(given_up, admin_user):
    told = need(admin_user)
    assert "1 e-mail could not be sent" in told
    assert f'href="{TASK_RESULTS}?outcome=gave-up"' in told
    a_week_later = timezone.now() + timedelta(days=UNSENT_EMAIL_DAYS, hours=14)
    with time_machine.travel(a_week_later, tick=False):
        assert need(admin_user) is None


def test_only_staff_who_may_read_task_results_are_told(given_up, engineer):
    assert need(engineer) is None
    assert need(given_up) is None  # not even the person whose e-mail it was
    staff = UserFactory(is_staff=True)
    assert need(staff) is None  # staff without the permission to read task results
    staff.user_permissions.add(Permission.objects.get(codename="view_dbtaskresult"))
    assert "1 e-mail could not be sent" in need(User.objects.get(pk=staff.pk))


def test_staff_see_to_whom_an_email_failed_but_never_the_message(given_up, admin_user):
    """A subject may name someone's entry; a body may hold a sign-in link (here, the invitation)."""
    staff = client_for(admin_user)
    listing = staff.get(TASK_RESULTS + "?outcome=gave-up").content.decode()
    assert listing.count(f'<td class="field-recipients">{given_up.email}</td>') == 1
    detail = staff.get(
        reverse("admin:django_tasks_database_dbtaskresult_change", args=[attempts()[-1].pk])
    ).content.decode()
    assert given_up.email in detail and "Gave up after 6 attempts" in detail
    for page in (listing, detail):
        assert invitations.SUBJECT not in page and "/accounts/invitation/" not in page
