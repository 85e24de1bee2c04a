"""Reminders before readiness lapses, sent by a daily job (``tasks.send_screening_reminders``):
police certificates due for renewal (to the volunteer, and a digest to the municipality's
coordinators) and confidentiality declarations left unsigned. Each reminder goes out once
(``kernel.reminders.remind_each_once``): its key is kept in ReminderSent. Set-based, so the
first run over 100 000 volunteers takes seconds, not minutes: one query finds who is due (and
not yet reminded), one statement per batch notes the batch, and the batch's emails go out over
one connection."""

from __future__ import annotations

import datetime
from collections import defaultdict
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypedDict

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import connection
from django.db.models import CharField, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone

from coordination.kernel import languages
from coordination.kernel.contact import Sender, sender_for
from coordination.kernel.mail import compose_email, email_coordinators, send_emails
from coordination.kernel.models import Municipality, User
from coordination.kernel.reminders import remind_each_once
from volunteers.calls.models import CallReason
from volunteers.calls.services import reach_volunteer
from volunteers.profile.models import DeclarationText, Signature, Volunteer
from volunteers.profile.own import own_url
from volunteers.screening.models import CertificateCheck, ReminderSent

if TYPE_CHECKING:  # django-stubs is a development tool, not there in production
    from django_stubs_ext import WithAnnotations

# A police certificate is due for a reminder this many days before it must be renewed.
CERTIFICATE_NOTICE_DAYS = 30
# Volunteers get this long to sign a new declaration before they are reminded.
DECLARATION_GRACE_DAYS = 7


class Keyed(TypedDict):
    """A row that is due, annotated with the key of its reminder in ReminderSent."""

    reminder_key: str


def _overdue(check: CertificateCheck, today: datetime.date) -> bool:
    return check.renew_by is not None and check.renew_by < today


# Reminders noted, composed and sent together; each batch is one transaction.
BATCH_SIZE = 500


def _note_new(keys: list[str]) -> list[str]:
    """Note that the reminders with these keys went out, in one statement; the keys that were
    not noted before. ``ON CONFLICT DO NOTHING RETURNING`` (which the ORM's ``bulk_create``
    cannot return) makes a job running at the same time wait for this one and skip its keys."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {ReminderSent._meta.db_table} (key, sent_at) "
            "SELECT key, %s FROM unnest(%s::varchar[]) AS key "
            "ON CONFLICT (key) DO NOTHING RETURNING key",
            [timezone.now(), keys],
        )
        return [key for (key,) in cursor.fetchall()]


class _Batch:
    """The emails of one batch of reminders, composed with each municipality's sender looked
    up once, and sent over one connection."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._senders: dict[str, Sender | None] = {}
        self._languages: dict[str, str] = {}

    def email(self, user: User, municipality: Municipality, template: str, context: dict) -> None:
        if municipality.pk not in self._senders:
            self._senders[municipality.pk] = sender_for(municipality)
        self.messages.append(
            compose_email(
                to=user,
                template=f"volunteers/email/{template}",
                context=context,
                municipality=municipality,
                sender=self._senders[municipality.pk],
                language=self._language(user, municipality),
            )
        )

    def _language(self, user: User, municipality: Municipality) -> str:
        """As ``language_of_person``: their own choice, else the municipality's written
        standard (looked up once per batch, not once per email)."""
        if languages.is_language(user.preferred_language):
            return user.preferred_language
        if municipality.pk not in self._languages:
            self._languages[municipality.pk] = languages.language_of_municipality(municipality)
        return self._languages[municipality.pk]

    def send(self) -> None:
        send_emails(self.messages)
        self.messages = []


def _email(batch: _Batch, volunteer: Volunteer, template: str, context: dict[str, Any]) -> None:
    """A reminder to a volunteer, in their own language, if they have an address."""
    user = volunteer.user
    if user is not None and user.email:
        municipality = context.get("municipality") or volunteer.municipality
        batch.email(user, municipality, template, context)


def _remind(
    batch: _Batch,
    volunteer: Volunteer,
    template: str,
    context: dict[str, Any],
    reason: str,
    details: dict,
) -> None:
    """The reminder the way the volunteer chose: email (added to ``batch``), text message, or a
    call on the coordinator's call list (``calls.services.reach_volunteer``)."""
    if volunteer.user_id is None:
        return  # anonymised: nobody to remind
    reach_volunteer(
        volunteer=volunteer,
        email=partial(_email, batch, volunteer, template, context),
        sms_template=f"volunteers/sms/{template}.txt",
        sms_context={
            "municipality": context.get("municipality") or volunteer.municipality,
            **context,
        },  # fmt: skip
        purpose=f"screening.{template}",
        reason=reason,
        details=details,
    )


def _not_yet_sent(key: str) -> Q:
    return ~Q(Exists(ReminderSent.objects.filter(key=OuterRef(key))))


def certificates_due(today: datetime.date) -> QuerySet[WithAnnotations[CertificateCheck, Keyed]]:
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
    reminded: dict[Municipality, list[CertificateCheck]] = defaultdict(list)

    def send(checks: list[CertificateCheck]) -> None:
        batch = _Batch()
        for check in checks:
            volunteer = check.holder.volunteer
            page = own_url("volunteers:own_page", volunteer.municipality_id)
            context = {
                "check": check,
                "role": check.holder.role,
                "volunteer": volunteer,
                "overdue": _overdue(check, today),
                "url": settings.SITE_URL + page,
            }
            details = {"role": check.holder.role.name, "renew_by": str(check.renew_by or "")}
            _remind(batch, volunteer, "certificate_renewal", context, CallReason.CERTIFICATE,
                    details)  # fmt: skip
        batch.send()
        for check in checks:
            reminded[check.holder.volunteer.municipality].append(check)

    remind_each_once(
        certificates_due(today).iterator(chunk_size=BATCH_SIZE),
        key=attrgetter("reminder_key"),
        record=_note_new,
        send=send,
        batch_size=BATCH_SIZE,
    )
    for municipality, checks in reminded.items():
        _send_digest(municipality, checks, today)
    return sum(len(checks) for checks in reminded.values())


def _send_digest(
    municipality: Municipality, checks: list[CertificateCheck], today: datetime.date
) -> None:
    """One email to each coordinator of the municipality listing the certificates due."""
    rows = [
        {
            "check": check,
            "overdue": _overdue(check, today),
            "url": settings.SITE_URL
            + reverse(
                "volunteers:volunteer_detail", args=[municipality.pk, check.holder.volunteer_id]
            ),
        }
        for check in checks
    ]
    email_coordinators(
        municipality=municipality,
        template="volunteers/email/certificate_digest",
        context={"municipality": municipality, "rows": rows},
    )


def current_declarations_older_than(moment: datetime.datetime) -> QuerySet[DeclarationText]:
    """Each municipality's current declaration, if it was published before ``moment``."""
    newer = DeclarationText.objects.filter(
        municipality=OuterRef("municipality"), version__gt=OuterRef("version")
    )
    return (
        DeclarationText.objects.filter(published_at__lte=moment)
        .filter(~Exists(newer))
        .select_related("municipality")
    )


def unsigned_volunteers(
    text: DeclarationText, moment: datetime.datetime
) -> QuerySet[WithAnnotations[Volunteer, Keyed]]:
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
    for text in current_declarations_older_than(moment):
        url = settings.SITE_URL + own_url("volunteers:declaration", text.municipality_id)
        context = {"text": text, "municipality": text.municipality, "url": url}

        def send(volunteers: list[Volunteer], context: dict = context) -> None:
            batch = _Batch()
            for volunteer in volunteers:
                _remind(batch, volunteer, "declaration_reminder", context,
                        CallReason.DECLARATION, {})  # fmt: skip
            batch.send()

        sent += remind_each_once(
            unsigned_volunteers(text, moment).iterator(chunk_size=BATCH_SIZE),
            key=attrgetter("reminder_key"),
            record=_note_new,
            send=send,
            batch_size=BATCH_SIZE,
        )
    return sent
