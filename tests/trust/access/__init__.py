"""The declared access rule of every URL in the project. The sweep (test_url_sweep.py) requests
every URL pattern as every persona and checks the outcome against this table; a URL that is not
in it fails the sweep. To add a view: give it one of the decorators in
coordination.kernel.permissions, then add its URL name, with who may use it, to its app's table:
tests/trust/access/coordination.py or tests/trust/access/volunteers.py (and, when the URL has a
``pk``, which Lom object it names to PK_OBJECT there). This module holds the personas and the
rules; the tables are joined at its end.

Objects in the sweep belong to Lom (3434); ``coordinator_drammen`` is the coordinator of another
municipality and must get 404 everywhere in Lom.
"""

from dataclasses import dataclass

PERSONAS = (
    "anonymous",
    "volunteer",
    "applicant",  # partner representative
    "reviewer",  # of the national grant-maker (issue 16)
    "officer",  # grant officer of the national grant-maker
    "volunteer_contact_lom",
    "coordinator_lom",
    "coordinator_drammen",
    "national_admin",  # issue 13: a flag on the account, no role in a municipality
)
LOGGED_IN = frozenset(PERSONAS) - {"anonymous"}


@dataclass(frozen=True)
class Public:
    """Anyone; never sends a visitor to the login page."""


@dataclass(frozen=True)
class Login:
    """Any logged-in person (the page shows only their own data); others go to login."""


@dataclass(frozen=True)
class Owner:
    """Any logged-in person, on their own record only (e.g. their two-factor settings); 404
    when they have no such record; anonymous visitors go to login."""


@dataclass(frozen=True)
class Token:
    """A link carrying a secret token (email confirmation, password reset): anyone; an unknown
    token gives an error page or 404, never someone else's data."""


@dataclass(frozen=True)
class LoginStep:
    """A step inside a login in progress (a code, a second factor): anyone; without a login in
    progress it sends the visitor back to the login page."""


@dataclass(frozen=True)
class Roles:
    """Only these personas (by their role in the owning municipality); everyone else logged in
    gets 404, as if the object did not exist; anonymous visitors go to login."""

    allowed: frozenset[str]


@dataclass(frozen=True)
class Staff:
    """The technical admin: staff accounts only; none of the personas is staff."""


PUBLIC, LOGIN, OWNER, TOKEN, LOGIN_STEP, STAFF = (
    Public(),
    Login(),
    Owner(),
    Token(),
    LoginStep(),
    Staff(),
)
COORDINATORS = Roles(frozenset({"coordinator_lom"}))
REGISTRY_READERS = Roles(frozenset({"coordinator_lom", "volunteer_contact_lom"}))
MUNICIPAL_STAFF = Roles(frozenset({"coordinator_lom", "volunteer_contact_lom"}))
# Everyone with a role in the municipality (the routine binder, the annual wheel). The grant
# personas hold theirs in the national grant-maker (issue 16), not in Lom.
ALL_ROLES = Roles(frozenset({"coordinator_lom", "volunteer_contact_lom", "applicant"}))
# visibility (issue 10): the routine binder and the annual wheel are for the municipality's
# volunteers too (seed 001: "easy to reach for staff and volunteers"); earlier versions are not.
ROLES_AND_VOLUNTEERS = Roles(ALL_ROLES.allowed | {"volunteer"})
# partners: staff, and the representative of the partner itself
PARTNER_READERS = Roles(frozenset({"coordinator_lom", "volunteer_contact_lom", "applicant"}))

# issue 16: the national grant-maker's staff (no role in Lom)
GRANT_OFFICERS = Roles(frozenset({"officer"}))
GRANT_REVIEWERS = Roles(frozenset({"reviewer"}))
GRANT_STAFF = Roles(frozenset({"officer", "reviewer"}))

# issue 13: the national administrator's pages (requests to start Samspill)
NATIONAL_ADMINISTRATOR = Roles(frozenset({"national_admin"}))

# The admin site guards all of its URLs itself (and its login goes through allauth).
NAMESPACE_ACCESS = {"admin": STAFF}


def _joined(*tables: dict) -> dict:
    """One table from each app's; a URL name declared twice is a mistake."""
    joined: dict = {}
    for table in tables:
        twice = set(joined) & set(table)
        assert not twice, f"URL names declared in two tables: {sorted(twice)}"
        joined |= table
    return joined


# Each app's table imports the rules above, so it is imported once they exist.
from tests.trust.access import activities, coordination, grants, volunteers  # noqa: E402

ACCESS = _joined(coordination.ACCESS, volunteers.ACCESS, activities.ACCESS, grants.ACCESS)
# Which Lom object a URL's ``pk`` names (default: a role, i.e. a Membership).
PK_OBJECT = _joined(
    coordination.PK_OBJECT, volunteers.PK_OBJECT, activities.PK_OBJECT, grants.PK_OBJECT
)
