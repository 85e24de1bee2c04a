"""What a hostile person sends, how it is sent, and what must hold for every answer: the helpers
of tests/trust/test_hostile_*.py (the guarantees are listed in test_hostile_input.py).

Each hypothesis example runs in its own rolled-back transaction (``rolled_back``), with a fresh
client and an empty cache (``client_for``; allauth keeps its rate limits there), so examples
cannot affect each other."""

from contextlib import contextmanager
from urllib.parse import quote_plus, urlsplit

from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded; charset=utf-8"

# Hypothesis settings: ``@hostile`` (30 examples) for most forms, ``@few`` (12) for slow ones.
hostile = settings(
    max_examples=30,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the project; failures print their example
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
few = settings(hostile, max_examples=12)

# --- What a hostile person types ----------------------------------------------------------

SQL = [
    "'; DROP TABLE coordination_user; --",
    '" OR 1=1 --',
    "' OR '1'='1",
    "1; SELECT pg_sleep(5)",
    "%' OR email LIKE '%",
]
# (payload, the part of it that must never reach a page unescaped)
MARKUP = [
    ("<script>alert(1)</script>", "<script>alert(1)"),
    ("<img src=x onerror=alert(1)>", "<img src=x"),
    ("<img/src=x/onerror=alert(1)>", "<img/src=x"),
    ('"><svg onload=alert(1)>', "<svg onload"),
    ("</textarea><script>alert(1)</script>", "<script>alert(1)"),
    ('" autofocus onfocus="alert(1)', '" autofocus onfocus="'),
    ("' autofocus onfocus='alert(1)", "' autofocus onfocus='"),
    ("{{ 7*7 }}", None),
    ("{{7*7}}", None),
    ("{% debug %}", None),
]
ODD = ["\x00", "a\x00b", "\u202e", "\u200f", "😀", "\ufeff", "\r\n", "\ufffd", "\ud800"]
# 100 000 characters each; mostly ASCII, as percent-decoding a megabyte costs Django ~1 s
HUGE = ["A" * 100_000, "\u202e😀" * 5_000 + "<script>" * 11_250]
# Where an attacker would like a "next" or a Referer to send the person.
OFF_SITE = [
    "https://evil.example/",
    "//evil.example/",
    "///evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "/\t/evil.example/",
    " //evil.example/",
    "\x00//evil.example/",
    "http:/evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
    "http://testserver@evil.example/",
    "http://evil.example\\@testserver/",
    "http://evil.example#@testserver/",
]
EXTRA_FIELD_NAMES = ["next", "id", "pk", "user", "email", "is_staff", "is_superuser", "role"]

nasty_text = st.one_of(
    st.text(),
    st.text(st.characters(exclude_categories=())),  # lone surrogates and control characters
    st.sampled_from(SQL + [payload for payload, _ in MARKUP] + ODD),
    st.builds(
        "{}{}{}".format,
        st.text(max_size=5),
        st.sampled_from(SQL + [payload for payload, _ in MARKUP] + ODD),
        st.text(max_size=5),
    ),
    st.sampled_from(HUGE),
)


def sometimes_valid(*valid: str):
    """Half the time a value the form accepts, so that one bad field among good ones is tried."""
    return st.booleans().flatmap(lambda ok: st.sampled_from(valid) if ok else nasty_text)


def one_or_many(text=nasty_text):
    """A value as a form sends it: mostly one string, sometimes a list where one is expected."""
    return st.integers(0, 3).flatmap(lambda n: st.lists(text, max_size=3) if n == 0 else text)


def form_data(**fields):
    """The form's fields (each one now and then missing), plus fields the form does not have.
    Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE are left out: Django refuses those whole with a 400
    before any form sees them (tested on its own in test_settings)."""
    maybe_missing = {
        name: st.integers(0, 5).flatmap(lambda n, s=s: st.none() if n == 0 else one_or_many(s))
        for name, s in fields.items()
    }
    return st.builds(
        lambda extra, known: {**extra, **{k: v for k, v in known.items() if v is not None}},
        st.dictionaries(
            st.sampled_from(EXTRA_FIELD_NAMES) | st.text(max_size=10),
            one_or_many(nasty_text | st.sampled_from(OFF_SITE)),
            max_size=3,
        ),
        st.fixed_dictionaries(maybe_missing),
    ).filter(lambda data: len(encode(data)) <= django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


# --- Sending it ---------------------------------------------------------------------------


def encode(fields: dict) -> str:
    """URL-encode as a browser would, except that any string can be sent: a lone surrogate
    becomes the (invalid UTF-8) bytes it would have, which the server must cope with."""
    pairs = []
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            pairs.append(
                quote_plus(name.encode("utf-8", "surrogatepass"))
                + "="
                + quote_plus(one.encode("utf-8", "surrogatepass"))
            )
    return "&".join(pairs)


def post(client, url, fields, **kwargs):
    response = client.post(url, encode(fields), content_type=FORM_CONTENT_TYPE, **kwargs)
    event(f"answered {response.status_code}")  # see --hypothesis-show-statistics
    return checked(response)


def get(client, url, fields=None, **kwargs):
    return checked(client.get(f"{url}?{encode(fields)}" if fields else url, **kwargs))


def as_received(value):
    """What a form field reads: the last value of a list, lone surrogates decoded as U+FFFD."""
    text = value[-1] if isinstance(value, list) else value
    return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def client_for(user=None) -> Client:
    """A fresh browser for each example; logged in as ``user`` if given."""
    cache.clear()  # allauth's rate limits live in the cache
    mail.outbox.clear()
    client = Client()
    if user is not None:
        user.refresh_from_db()  # an earlier example may have changed it, then been rolled back
        client.force_login(user)
    return client


@contextmanager
def rolled_back():
    """Whatever the example writes is undone, so the next example starts from the same rows."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


# --- What must hold -----------------------------------------------------------------------


def is_off_site(location: str) -> bool:
    """Would a browser following this redirect leave the site?"""
    parts = urlsplit(location.replace("\\", "/"))
    return (
        bool(parts.netloc and parts.netloc != "testserver")
        or parts.scheme not in ("", "http", "https")
        or not url_has_allowed_host_and_scheme(location, allowed_hosts={"testserver"})
    )


def checked(response):
    """Every answer: never a server error, never a redirect off the site, and HTML only under a
    CSP without inline script."""
    assert response.status_code < 500, response.status_code
    if response.status_code in (301, 302, 303, 307, 308):
        assert not is_off_site(response["Location"]), response["Location"]
    if response.get("Content-Type", "").startswith("text/html"):
        policy = response.get("Content-Security-Policy")
        assert policy, f"HTML without a Content-Security-Policy: {response.status_code}"
        directives = {}
        for directive in policy.split(";"):
            name, _, sources = directive.strip().partition(" ")
            directives[name] = sources.split()
        script_src = directives.get("script-src", directives.get("default-src"))
        assert script_src, policy
        assert "'unsafe-inline'" not in script_src, policy
    return response


ERROR_MARKUP = ("invalid-feedback", 'role="alert"')


def assert_explained(response, data: dict | None = None):
    """A refused form comes back with a message next to the field or above the form. Given the
    data sent, a body over Django's limit for form data (several fields of 100 000 characters)
    may instead be refused before any form sees it, with 400."""
    if data is not None and response.status_code == 400:
        assert len(encode(data)) > django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return
    assert response.status_code == 200, response.status_code
    form = response.context["form"]
    if not form.is_bound:
        # The project's views read ``request.POST or None``: a POST without a single field is
        # answered like opening the form. No browser sends one (the CSRF token is a field).
        assert not response.wsgi_request.POST
        return
    assert form.errors
    event("refused: " + ", ".join(sorted(form.errors)))
    html = response.content.decode()
    assert any(marker in html for marker in ERROR_MARKUP), "no error message on the page"


def rows(*querysets) -> list:
    """Every column of every row: compared before and after a submission."""
    return [list(queryset.order_by("pk").values()) for queryset in querysets]


def assert_shown_only_as_text(html: str, stored: str, on_page: bool = True) -> None:
    if on_page:
        assert escape(stored) in html, "the stored text is not on the page"
    for payload, live_part in MARKUP:
        if payload in stored and live_part is not None:
            assert live_part not in html, f"{live_part!r} reached the page unescaped"
    for template in ("{{ 7*7 }}", "{{7*7}}"):
        if template in stored and on_page:
            assert template in html  # shown as typed, not evaluated to 49


# --- Ids that exist only once a test's objects are made -----------------------------------


def resolve(data: dict, ids: dict, in_names: bool = False) -> dict:
    """Put the real ids in place of the placeholders the strategy drew (a value equal to a key
    of ``ids``); with ``in_names``, in field names too (``contact_PARTNER`` becomes
    ``contact_<id>``)."""

    def one(value):
        return str(ids[value]) if isinstance(value, str) and value in ids else value

    resolved = {}
    for key, value in data.items():
        if in_names:
            for placeholder, real in ids.items():
                key = key.replace(f"_{placeholder}", f"_{real}")
        resolved[key] = [one(v) for v in value] if isinstance(value, list) else one(value)
    return resolved
