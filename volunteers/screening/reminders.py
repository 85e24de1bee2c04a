"""Reminders before readiness lapses, sent by a daily job (``tasks.send_screening_reminders``):
police certificates due for renewal (to the volunteer, and a digest to the municipality's
coordinators) and confidentiality declarations left unsigned. Each reminder goes out once: its
key is kept in ReminderSent."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from coordination.kernel.text import render_subject
from coordination.models import Membership, Role, User
from volunteers.models import CertificateCheck, DeclarationText, ReminderSent, Signature, Volunteer

# A police certificate is due for a reminder this many days before it must be renewed.
CERTIFICATE_NOTICE_DAYS = 30
# Volunteers get this long to sign a new declaration before they are reminded.
DECLARATION_GRACE_DAYS = 7


def _once(key: str, send: Callable[[], None]) -> bool:
    """Send unless a reminder with this key went out before; record it in the same
    transaction, so a failed send is tried again the next day."""
    with transaction.atomic():
        _reminder, created = ReminderSent.objects.get_or_create(key=key)
        if created:
            send()
    return created


def _email(user: User, template: str, context: dict) -> None:
    """An email in the recipient's own language."""
    with translation.override(user.preferred_language):
        context = {"recipient": user, "site_url": settings.SITE_URL, **context}
        subject = render_subject(f"volunteers/email/{template}_subject.txt", context)
        body = render_to_string(f"volunteers/email/{template}.txt", context)
    send_mail(subject, body, None, [user.email])


def _not_yet_sent(key) -> Q:
    return ~Q(Exists(ReminderSent.objects.filter(key=OuterRef(key))))


def certificates_due(today: datetime.date):
    """Approved checks whose renewal date is within the notice period (or passed), for active
    volunteers still in a role that requires a certificate, not superseded by a later check,
    and not yet reminded about. ``reminder_key`` is ``certificate:<id>:<renew_by>``."""
    later = CertificateCheck.objects.filter(holder=OuterRef("holder"), approved=True).filter(
        Q(renew_by__isnull=True) | Q(renew_by__gt=OuterRef("renew_by"))
    )
    return (
        CertificateCheck.objects.filter(
            approved=True,
            renew_by__lte=today + datetime.timedelta(days=CERTIFICATE_NOTICE_DAYS),
            holder__volunteer__left_at__isnull=True,
        )
        .filter(holder__role__requires_certificate=True)
        .filter(~Exists(later))
        .annotate(
            reminder_key=Concat(
                Value("certificate:"),
                Cast("pk", CharField()),
                Value(":"),
                Cast("renew_by", CharField()),
                output_field=CharField(),
            )
        )
        .filter(_not_yet_sent("reminder_key"))
        .select_related(
            "holder__role", "holder__volunteer__user", "holder__volunteer__municipality"
        )
        .order_by("holder__volunteer__municipality_id", "renew_by", "pk")
    )


def send_certificate_reminders(*, today: datetime.date | None = None) -> int:
    today = today or timezone.localdate()
    reminded = defaultdict(list)
    for check in certificates_due(today):
        volunteer = check.holder.volunteer
        context = {"check": check, "role": check.holder.role, "volunteer": volunteer,
                   "overdue": check.renew_by < today,
                   "url": settings.SITE_URL + reverse("volunteers:own_page")}  # fmt: skip

        def send(volunteer=volunteer, context=context) -> None:
            if volunteer.user_id and volunteer.user.email:
                _email(volunteer.user, "certificate_renewal", context)

        if _once(check.reminder_key, send):
            reminded[volunteer.municipality].append(check)
    for municipality, checks in reminded.items():
        _send_digest(municipality, checks, today)
    return sum(len(checks) for checks in reminded.values())


def _send_digest(municipality, checks: list[CertificateCheck], today: datetime.date) -> None:
    """One email to each coordinator of the municipality listing the certificates due."""
    rows = [
        {
            "check": check,
            "overdue": check.renew_by < today,
            "url": settings.SITE_URL
            + reverse(
                "volunteers:volunteer_detail", args=[municipality.pk, check.holder.volunteer_id]
            ),
        }
        for check in checks
    ]
    coordinators = Membership.objects.filter(
        municipality=municipality, role=Role.COORDINATOR, user__is_active=True
    ).select_related("user")
    for membership in coordinators:
        _email(
            membership.user,
            "certificate_digest",
            {"municipality": municipality, "rows": rows},
        )


def current_declarations_older_than(moment: datetime.datetime):
    """Each municipality's current declaration, if it was published before ``moment``."""
    newer = DeclarationText.objects.filter(
        municipality=OuterRef("municipality"), version__gt=OuterRef("version")
    )
    return (
        DeclarationText.objects.filter(published_at__lte=moment)
        .filter(~Exists(newer))
        .select_related("municipality")
    )


def unsigned_volunteers(text: DeclarationText, moment: datetime.datetime):
    """Active volunteers of the text's municipality, registered before ``moment``, who have not
    signed it and not been reminded. ``reminder_key`` is ``declaration:<volunteer>:<text>``."""
    return (
        Volunteer.objects.active()
        .filter(municipality_id=text.municipality_id, user__isnull=False, created_at__lte=moment)
        .filter(~Exists(Signature.objects.filter(volunteer=OuterRef("pk"), text=text)))
        .annotate(
            reminder_key=Concat(
                Value("declaration:"),
                Cast("pk", CharField()),
                Value(f":{text.pk}"),
                output_field=CharField(),
            )
        )
        .filter(_not_yet_sent("reminder_key"))
        .select_related("user")
        .order_by("pk")
    )


def send_declaration_reminders(*, now: datetime.datetime | None = None) -> int:
    moment = (now or timezone.now()) - datetime.timedelta(days=DECLARATION_GRACE_DAYS)
    sent = 0
    url = settings.SITE_URL + reverse("volunteers:declaration")
    for text in current_declarations_older_than(moment):
        for volunteer in unsigned_volunteers(text, moment).iterator(chunk_size=500):
            context = {"text": text, "municipality": text.municipality, "url": url}

            def send(user=volunteer.user, context=context) -> None:
                if user.email:
                    _email(user, "declaration_reminder", context)

            sent += _once(volunteer.reminder_key, send)
    return sent
