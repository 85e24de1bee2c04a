"""What sign-ups give the rest of the portal: a person's own sign-ups on My page, the same in
their data export, and how long the participants' details are kept."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Case, Max, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.rides.models import Ride
from activities.signups.models import FeeCategory, OnBehalf, Reminder, SignUp, SignUpStatus
from coordination.kernel.account_data import coded, when
from coordination.kernel.contributions import Panel, contribute
from coordination.kernel.permissions import can
from coordination.kernel.retention import RetentionRule

# The participants' details (the elderly's names, phones, addresses, needs) are kept this long
# after the last meeting the sign-up was for: long enough for the evaluation of a season.
RETENTION_MONTHS = 12


@contribute.my_page_panel(order=60)
def signups_panel(request) -> Panel | None:
    """The person's own sign-ups for meetings ahead (and period enrolments still running)."""
    now = timezone.now()
    signups = list(
        SignUp.objects.filter(participant_user=request.user)
        .exclude(status=SignUpStatus.CANCELLED)
        .filter(
            Q(session__starts_at__gte=now)
            | Q(session__isnull=True, activity__sessions__starts_at__gte=now)
        )
        .distinct()
        .select_related("activity", "session")
        .order_by("session__starts_at", "pk")[:20]
    )
    if not signups:
        return None
    return Panel("activities/signups/partials/_my_page_panel.html", {"signups": signups})


@contribute.overview_links(order=82)
def signups_links(request, municipality) -> list[tuple[str, str]]:
    """The reminder call list, for those who run activities."""
    if not can(request.user, "manage_activities", municipality):
        return []
    return [(reverse("activities:reminder_calls", args=[municipality.pk]), _("Reminder calls"))]


@contribute.export_section(
    "activity_signups",
    title=gettext_lazy("Activities you have signed up for"),
    order=60,
)
def export_signups(user) -> list | None:
    """The person's own sign-ups (those made while logged in as the participant)."""
    signups = SignUp.objects.filter(participant_user=user).select_related("activity", "session")
    if not signups:
        return None
    return [
        {
            "activity": s.activity.title,
            "meeting": when(s.session.starts_at) if s.session else None,
            "status": coded(s.status, SignUpStatus),
            "name": s.participant_name,
            "phone": s.participant_phone,
            "email": s.participant_email,
            "signed_up_by": coded(s.on_behalf, OnBehalf),
            "needs_transport": s.needs_transport,
            "pickup_address": s.pickup_address,
            "pickup_area": s.pickup_area,
            "mobility_aids": list(s.mobility_aids),
            "anything_else": s.accessibility_needs,
            "fee": coded(s.fee_category, FeeCategory),
            "reminder": coded(s.reminder, Reminder),
            "signed_up_at": when(s.created_at),
        }
        for s in signups
    ]


# What stays of an anonymised sign-up: the village, transport yes/no, the fee category and the
# status, for the evaluation's figures (how many came, from where, with transport).
GONE = "–"


def _old_signups(now: datetime) -> QuerySet:
    """Sign-ups not yet anonymised whose last meeting (the session, or the period's last) was
    more than RETENTION_MONTHS ago."""
    cutoff = now - timedelta(days=30 * RETENTION_MONTHS + 5)
    return (
        SignUp.objects.exclude(participant_name=GONE)
        .annotate(last=Max("activity__sessions__starts_at"))
        .filter(
            Q(session__starts_at__lt=cutoff)
            | Q(session__isnull=True, last__lt=cutoff)
            | Q(session__isnull=True, last__isnull=True, created_at__lt=cutoff)
        )
    )


def _count_by_status(signups: QuerySet) -> dict:
    counts: dict[str, int] = {}
    for status in signups.values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return counts


def _anonymise(signups: QuerySet) -> int:
    """Names, numbers, addresses and needs go; the figures the evaluation counts stay."""
    ids = list(signups.values_list("pk", flat=True))
    Ride.objects.filter(signup_id__in=ids).update(pickup_address=GONE, mobility_aids=[])
    return SignUp.objects.filter(pk__in=ids).update(
        participant_name=GONE,
        participant_phone="",
        participant_email="",
        participant_user=None,
        signed_up_by_name="",
        signed_up_by_phone="",
        signed_up_by=None,
        pickup_address=Case(When(needs_transport=True, then=Value(GONE)), default=Value("")),
        mobility_aids=[],
        accessibility_needs="",
    )


# The organisers read and change the participants' details: who did, in the audit log.
contribute.audit_messages(
    {
        "activities.participants_viewed": gettext_lazy("Participant list of %(activity)s viewed"),
        "activities.reminder_calls_viewed": gettext_lazy("Reminder call list viewed"),
        "activities.signed_up_by_phone": gettext_lazy(
            "Participant signed up by phone for %(activity)s"
        ),
        "activities.signup_cancelled": gettext_lazy("Sign-up for %(activity)s cancelled"),
        "activities.session_cancelled": gettext_lazy("Meeting of %(activity)s cancelled"),
    }
)

contribute.retention(
    RetentionRule(
        name="activity-signups",
        what=gettext_lazy(
            "Sign-ups for activities: the participant's name, phone, address and needs"
        ),
        kept_for=format_lazy(
            gettext_lazy("anonymised {months} months after the last meeting"),
            months=RETENTION_MONTHS,
        ),
        due=_old_signups,
        remove=_anonymise,
        statistics=_count_by_status,
    )
)
