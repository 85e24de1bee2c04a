"""The participant's pages: signing up (for a meeting, or for a whole period), the receipt
behind its secret link, and cancelling through it."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from activities.catalogue.models import Activity, ActivityStatus, Enrolment
from activities.rides.models import Ride, RideStatus
from activities.schedule.models import Session, SessionStatus
from activities.signups import services
from activities.signups.forms import SignUpForm
from activities.signups.models import SignUp
from coordination.kernel import languages, ui
from coordination.kernel.models import User
from coordination.kernel.permissions import can, public


def _prefill(request: HttpRequest) -> dict[str, str]:
    user = request.user
    if not user.is_authenticated:
        return {}
    return {
        "participant_name": user.full_name,
        "participant_phone": user.phone,
        "participant_email": user.email,
    }


def _public_activity(municipality: str, **lookup) -> Activity:
    """A published activity run here, or 404."""
    return get_object_or_404(
        Activity.objects.filter(
            municipality_id=municipality, status=ActivityStatus.PUBLISHED, listed_only=False
        ).select_related("municipality", "place"),
        **lookup,
    )


def _sign_up_page(
    request: HttpRequest,
    *,
    activity: Activity,
    session: Session | None,
    sessions: list[Session],
) -> HttpResponse:
    user = request.user if isinstance(request.user, User) else None
    organiser = user is not None and can(user, "sign_up_participants", activity)
    form = SignUpForm(
        request.POST or None, activity=activity, organiser=organiser, initial=_prefill(request)
    )
    open_for_web = activity.sign_up_web
    if open_for_web and (
        done := ui.submit(
            request,
            form,
            lambda data: services.sign_up(
                by=user, session=session, activity=activity, **form.service_arguments()
            ),
        )
    ):
        return redirect("activities:signup_receipt", done.value.token)
    taken = services.places_taken_in(sessions)
    known = [
        max(each.effective_capacity - taken[each.pk], 0)
        for each in sessions
        if each.effective_capacity is not None
    ]
    closes = services.deadline_of(sessions[0]) if sessions else None
    return render(
        request,
        "activities/signups/sign_up.html",
        {
            "municipality": activity.municipality,
            "activity": activity,
            "session": session,
            "sessions": sessions,
            "form": form if open_for_web else None,
            "places_left": min(known) if known else None,
            "full": bool(known) and min(known) == 0,
            "closed": closes is not None and timezone.now() >= closes,
            "closes": closes,
            "fee_sentence": services.fee_sentence(activity),
        },
    )


@public
@require_http_methods(["GET", "POST"])
def session_sign_up(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    session = get_object_or_404(
        Session.objects.filter(
            municipality_id=municipality,
            activity__status=ActivityStatus.PUBLISHED,
            activity__listed_only=False,
        ).select_related("activity__municipality", "activity__place", "place"),
        pk=pk,
    )
    activity = session.activity
    if activity.enrolment == Enrolment.FOR_PERIOD:
        return redirect("activities:activity_sign_up", municipality, activity.pk)
    return _sign_up_page(request, activity=activity, session=session, sessions=[session])


@public
@require_http_methods(["GET", "POST"])
def activity_sign_up(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    activity = _public_activity(municipality, pk=pk)
    sessions = list(
        activity.sessions.filter(status=SessionStatus.PLANNED, starts_at__gt=timezone.now())
        .select_related("activity", "place")
        .order_by("starts_at")[:60]
    )
    if activity.enrolment != Enrolment.FOR_PERIOD:
        if sessions:
            return redirect("activities:session_sign_up", municipality, sessions[0].pk)
        raise Http404
    return _sign_up_page(request, activity=activity, session=None, sessions=sessions)


def _by_token(request: HttpRequest, token: str) -> SignUp:
    signup = get_object_or_404(
        SignUp.objects.select_related(
            "activity__municipality", "activity__place", "session__place"
        ),
        token=token,
    )
    # The receipt is the municipality's page: its written standard unless a choice was made.
    language = languages.language_for_request(request, signup.municipality_id)
    translation.activate(language)
    request.LANGUAGE_CODE = translation.get_language()
    return signup


@public
@never_cache  # a participant's details, behind a secret link: never kept by a browser or proxy
@require_GET
def signup_receipt(request: HttpRequest, token: str) -> HttpResponse:
    signup = _by_token(request, token)
    rides = list(
        Ride.objects.filter(signup=signup)
        .exclude(status=RideStatus.CANCELLED)
        .select_related("session")
        .order_by("session__starts_at")[:3]
    )
    return render(
        request,
        "activities/signups/receipt.html",
        {
            "municipality": signup.activity.municipality,
            "signup": signup,
            "activity": signup.activity,
            "position": services.waiting_position(signup),
            "rides": rides,
            "may_cancel": services.may_cancel_by_link(signup),
            "fee_sentence": services.fee_sentence(signup.activity),
        },
    )


@public
@never_cache
@require_http_methods(["GET", "POST"])
def signup_cancel(request: HttpRequest, token: str) -> HttpResponse:
    signup = _by_token(request, token)
    back = reverse("activities:signup_receipt", args=[signup.token])
    verdict = services.may_cancel_by_link(signup)
    if not verdict:
        return render(
            request,
            "activities/signups/cannot_cancel.html",
            {
                "municipality": signup.activity.municipality,
                "signup": signup,
                "reason": verdict.reason,
                "back_url": back,
            },  # fmt: skip
        )
    return ui.confirm_then(
        request,
        do=lambda: services.cancel_sign_up(signup=signup, by=None),
        done=_("Your sign-up is cancelled. Thank you for letting us know."),
        then=back,
        title=_("Cancel the sign-up"),
        question=_("Do you want to cancel the sign-up of %(name)s for %(activity)s?")
        % {"name": signup.participant_name, "activity": signup.activity.title},
        submit_label=_("Yes, cancel the sign-up"),
        back_url=back,
    )


# --- The organiser -----------------------------------------------------------------------------
