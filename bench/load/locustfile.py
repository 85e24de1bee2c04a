"""Mixed traffic against Samspill (issue 17, "Load test"): people browsing a municipality's
public activity calendar and catalogue, volunteers logging hours, a coordinator filtering the
volunteer registry and an applicant saving a grant application draft.

Run it through bench/load/run.sh, which starts gunicorn on loopback and stops by itself. The
accounts log in through allauth's login form, as people do (CSRF token and session cookie). The
environment chooses the accounts and limits (defaults: the demo of ``manage.py seed_demo``):

    LOAD_MUNICIPALITY   whose public pages and registry are used (3434, Lom)
    LOAD_PASSWORD       the accounts' password (the demo's)
    LOAD_VOLUNTEERS     comma-separated emails of volunteers (each with a volunteer record)
    LOAD_COORDINATORS   emails of coordinators of LOAD_MUNICIPALITY
    LOAD_APPLICANTS     emails of partner representatives with a draft application ("none":
                        no applicant in the mix, as on the scale data, which has no drafts)
    LOAD_MAX_REQUESTS   stop after this many requests (0: only --run-time stops the test)
"""

import datetime
import itertools
import os
import random
import re
from html.parser import HTMLParser
from http.cookiejar import DefaultCookiePolicy
from zoneinfo import ZoneInfo

import gevent
from locust import HttpUser, between, events, task
from locust.exception import StopUser
from locust.stats import StatsEntry

MUNICIPALITY = os.environ.get("LOAD_MUNICIPALITY", "3434")
PASSWORD = os.environ.get("LOAD_PASSWORD", "samspill-demo-2026")
DEMO = "@samspill.example"
OSLO = ZoneInfo("Europe/Oslo")


def _accounts(variable: str, default: str) -> itertools.cycle:
    emails = [e.strip() for e in os.environ.get(variable, default).split(",") if e.strip()]
    assert emails, f"{variable} names no account"
    return itertools.cycle(emails)


VOLUNTEERS = _accounts(
    "LOAD_VOLUNTEERS",
    ",".join(f"frivillig.{name}{DEMO}" for name in ("astrid", "nils", "randi", "ola", "tor")),
)
COORDINATORS = _accounts("LOAD_COORDINATORS", f"koordinator.lom{DEMO}")
WITH_APPLICANTS = os.environ.get("LOAD_APPLICANTS") != "none"
APPLICANTS = (
    _accounts("LOAD_APPLICANTS", f"frivilligsentral.lom{DEMO}") if WITH_APPLICANTS else None
)
MAX_REQUESTS = int(os.environ.get("LOAD_MAX_REQUESTS", "0"))

# What the coordinator filters the registry by (volunteers/registry/forms.py).
REGISTRY_FILTERS = (
    "",
    "q=a",
    "interest=visiting_friend",
    "when=evenings&can_drive=on",
    "declaration=missing&sort=newest",
    "consent=missing",
    "sort=area",
    "page=2",
)


def _send_secure_cookies_over_loopback(self, cookie, request) -> bool:
    """With DEBUG off Django marks the session and CSRF cookies Secure; the load test talks
    plain HTTP to 127.0.0.1 (run.sh's gunicorn), where a cookie jar would keep them back. This
    process only ever talks to that server, so send them. (requests copies the session's cookies
    into a fresh jar for every request, so a policy on the session's jar would not last.)"""
    return True


DefaultCookiePolicy.return_ok_secure = _send_secure_cookies_over_loopback  # type: ignore[method-assign]


class FormFields(HTMLParser):
    """The fields of each POST form on a page, as a browser would send them back unchanged:
    inputs, checked boxes and radios, textareas, selected options."""

    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self._fields: list[tuple[str, str]] | None = None
        self._textarea: str | None = None
        self._select: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {key: value or "" for key, value in attrs}
        if tag == "form" and a.get("method", "").lower() == "post":
            self._fields = []
            self.forms.append(self._fields)
        if self._fields is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._fields.append((name, a.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image", "reset"):
                self._fields.append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self._fields.append((self._select, a.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None and self._fields is not None:
            self._fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._fields = None


def form_fields(html: str, containing: str) -> list[tuple[str, str]]:
    """The fields of the page's POST form that has a field named ``containing`` (the page's
    header has other forms: log out, language)."""
    parser = FormFields()
    parser.feed(html)
    for fields in parser.forms:
        if any(name == containing for name, _value in fields):
            return fields
    return []


def _stop_after_max_requests(environment):
    seen = itertools.count(1)

    @events.request.add_listener
    def count(**_kwargs):
        if MAX_REQUESTS and next(seen) == MAX_REQUESTS and environment.runner is not None:
            gevent.spawn(environment.runner.quit)  # not from inside the request's own greenlet


@events.init.add_listener
def _on_init(environment, **_kwargs):
    _stop_after_max_requests(environment)
    # gevent's loop keeps the time of its last turn; on a busy machine starting locust takes
    # seconds without a turn, and --run-time's timer, counted from that old time, fired at once.
    gevent.get_hub().loop.update_now()


def _today() -> datetime.date:
    """Today in Norway (the server's time zone), as the pages count days."""
    return datetime.datetime.now(OSLO).date()


LOGIN = ("login form", "log in")  # once per simulated person: reported apart


@events.quitting.add_listener
def _summary(environment, **_kwargs):
    """One block a person can paste into a report; a run with errors exits non-zero. The
    figures are of the traffic after logging in (a login hashes a password, on purpose slow)."""
    stats = environment.stats
    traffic = StatsEntry(stats, "traffic", "")
    for (name, _method), entry in stats.entries.items():
        if name not in LOGIN:
            traffic.extend(entry)
    seconds = max((traffic.last_request_timestamp or 0) - (traffic.start_time or 0), 1e-9)
    print("\n=== Samspill load test ===")
    logins = stats.total.num_requests - traffic.num_requests
    rate = traffic.num_requests / seconds
    print(
        f"requests   {traffic.num_requests} in {seconds:.1f} s: {rate:.1f}/s (+{logins} logging in)"
    )
    p50, p95, p99 = (traffic.get_response_time_percentile(p) for p in (0.5, 0.95, 0.99))
    slowest = traffic.max_response_time
    print(f"latency ms p50 {p50:.0f}  p95 {p95:.0f}  p99 {p99:.0f}  max {slowest:.0f}")
    print(f"errors     {stats.total.num_failures}")
    for (name, method), entry in sorted(stats.entries.items()):
        print(
            f"  {method:4} {name:26} {entry.num_requests:6}  "
            f"p50 {entry.get_response_time_percentile(0.5):5.0f}  "
            f"p95 {entry.get_response_time_percentile(0.95):5.0f}  errors {entry.num_failures}"
        )
    for error in stats.errors.values():
        print(f"  ERROR {error.occurrences}× {error.method} {error.name}: {error.error}")
    if stats.total.num_failures:
        environment.process_exit_code = 1


class LoggedIn(HttpUser):
    """Logs in once through allauth's form; every later request must not land on the login
    page (a lost session counts as an error)."""

    abstract = True
    accounts: itertools.cycle

    def on_start(self):
        self.email = next(self.accounts)
        page = self.client.get("/accounts/login/", name="login form")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        if token is None:
            raise StopUser(f"no login form for {self.email} ({page.status_code})")
        with self.client.post(
            "/accounts/login/",
            data={"login": self.email, "password": PASSWORD, "csrfmiddlewaretoken": token[1]},
            headers={"Referer": f"{self.host}/accounts/login/"},
            allow_redirects=False,
            name="log in",
            catch_response=True,
        ) as answer:
            if answer.status_code != 302 or "/accounts/" in answer.headers.get("Location", ""):
                answer.failure(f"{self.email} could not log in ({answer.status_code})")

    def page(self, url: str, name: str):
        with self.client.get(url, name=name, catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code}")
            elif "/accounts/login/" in answer.url:
                answer.failure("sent to the login page")
            return answer

    def save(self, url: str, data, name: str, then: str = ""):
        """POST a form; success is a redirect (a form with errors answers 200)."""
        with self.client.post(
            url,
            data=data,
            headers={"Referer": f"{self.host}{url}"},
            allow_redirects=False,
            name=name,
            catch_response=True,
        ) as answer:
            location = answer.headers.get("Location", "")
            if answer.status_code != 302 or "/accounts/" in location:
                answer.failure(f"not saved ({answer.status_code} {location})")
            elif then and then not in location:
                answer.failure(f"went to {location}, not {then}")


class Visitor(HttpUser):
    """Someone browsing the municipality's activities without logging in."""

    weight = 6
    wait_time = between(0.5, 2)
    base = f"/activities/{MUNICIPALITY}/"

    @task(3)
    def calendar(self):
        month = _today() + datetime.timedelta(days=random.choice((0, 0, 31)))
        self.client.get(f"{self.base}calendar/?month={month:%Y-%m}", name="public calendar")

    @task(1)
    def week(self):
        self.client.get(f"{self.base}calendar/week/", name="public calendar week")

    @task(3)
    def catalogue(self):
        page = self.client.get(self.base, name="public catalogue")
        found = re.findall(rf'href="({re.escape(self.base)}\d+/)"', page.text)
        if found:
            self.client.get(random.choice(found), name="public activity")


class Volunteer(LoggedIn):
    """A volunteer who logs the hours of a day and looks at their own page."""

    weight = 3
    wait_time = between(1, 3)
    accounts = VOLUNTEERS

    @task(2)
    def log_hours(self):
        page = self.page("/volunteer/hours/", "own hours")
        fields = dict(form_fields(page.text, containing="worked_on"))
        day = _today() - datetime.timedelta(days=random.randint(0, 20))
        fields |= {"worked_on": f"{day:%Y-%m-%d}", "hours": "2", "km": "", "description": "Besøk"}
        fields.pop("assignment", None)  # "other volunteer work"
        self.save("/volunteer/hours/", fields, "log hours", then="/volunteer/hours/")

    @task(1)
    def own_page(self):
        self.page("/volunteer/", "volunteer page")


class Coordinator(LoggedIn):
    """A coordinator searching and filtering the volunteer registry."""

    weight = 2
    wait_time = between(0.5, 2)
    accounts = COORDINATORS

    @task
    def registry(self):
        query = random.choice(REGISTRY_FILTERS)
        url = f"/coordination/{MUNICIPALITY}/volunteers/"
        self.page(f"{url}?{query}" if query else url, "registry, filtered")


class Applicant(LoggedIn):
    """A partner's representative who opens their draft application and saves it again."""

    abstract = not WITH_APPLICANTS  # locust starts no abstract user
    weight = 1
    wait_time = between(2, 5)
    accounts = APPLICANTS

    def on_start(self):
        super().on_start()
        mine = self.page("/grants/applications/", "my applications")
        self.drafts = []
        for url in sorted(set(re.findall(r'href="(/grants/applications/\d+/)"', mine.text))):
            # Only a draft (or one sent back for changes) can be edited; others redirect.
            found = self.client.get(f"{url}edit/", name="find drafts", allow_redirects=False)
            if found.status_code == 200:
                self.drafts.append(f"{url}edit/")
        if not self.drafts:
            raise RuntimeError(f"{self.email} has no draft application to save")

    @task
    def save_draft(self):
        edit = random.choice(self.drafts)
        page = self.page(edit, "edit application")
        fields = form_fields(page.text, containing="summary")
        stamp = f"(lagra {datetime.datetime.now(datetime.UTC):%H:%M:%S})"
        fields = [
            (name, re.sub(r" \(lagra [\d:]+\)$", "", value) + f" {stamp}")
            if name == "summary"
            else (name, value)
            for name, value in fields
        ]
        self.save(edit, fields, "save application draft", then="/grants/applications/")
