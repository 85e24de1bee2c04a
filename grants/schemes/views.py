"""The schemes area's pages: the national administrator's grant-makers; a grant-maker's home,
its people, its schemes and rounds (with criteria, conditions and questions); and the public
pages of the rounds that take applications."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import permissions, ui
from coordination.kernel.http import AuthenticatedRequest
from coordination.kernel.models import GrantMaker, GrantMakerRole, GrantRole
from coordination.kernel.permissions import (
    get_for_user,
    grant_maker_view,
    national_view,
    public,
)
from coordination.templatetags.error_summary import summary_items
from grants.applications.models import Application
from grants.applications.workflow import Status
from grants.schemes import services
from grants.schemes.forms import (
    ROUND_ERROR_FIELDS,
    ConditionFormSet,
    CriterionFormSet,
    GrantMakerForm,
    GrantRoleForm,
    QuestionFormSet,
    RoundForm,
    SchemeForm,
)
from grants.schemes.models import Round, Scheme


class GrantMakerRequest(AuthenticatedRequest):
    """A request to a ``grant_maker_view``: the grant-maker of the URL, checked."""

    grant_maker: GrantMaker


@dataclass
class RoundLine:
    """A round as a list shows it: whether it takes applications, and how many it has in
    each status."""

    round: Round
    state: str  # upcoming, open or closed
    status_counts: list[tuple[str, int]] = field(default_factory=list)


def url_if_exists(name: str, *args: Any) -> str | None:
    """The URL of a page another area may not have yet (the areas are built side by side)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


# --- The national administrator's grant-makers -------------------------------------------------


@national_view
@require_GET
def grant_maker_list(request: AuthenticatedRequest) -> HttpResponse:
    found = GrantMaker.objects.select_related("municipality").annotate(
        officers=Count("roles", filter=Q(roles__role=GrantRole.OFFICER)),
        reviewers=Count("roles", filter=Q(roles__role=GrantRole.REVIEWER)),
        scheme_count=Count("schemes", distinct=True),
    )
    return render(request, "grants/schemes/grant_maker_list.html", {"grant_makers": found})


@national_view
@require_http_methods(["GET", "POST"])
def grant_maker_create(request: AuthenticatedRequest) -> HttpResponse:
    form = GrantMakerForm(request.POST or None)
    if done := ui.submit(
        request, form, lambda data: services.create_grant_maker(by=request.user, **data)
    ):
        messages.success(
            request,
            _("%(name)s is created, and its first grant officer can start.")
            % {"name": done.value.name},
        )
        return redirect("grants:grant_maker_list")
    return ui.form_page(
        request,
        form=form,
        title=_("New grant-maker"),
        intro=_(
            "A grant-maker runs grant schemes: a national body, a county governor, a county or a "
            "municipality. Its grant officers then add their colleagues and reviewers themselves."
        ),
        submit_label=_("Create the grant-maker"),
        back_url=reverse("grants:grant_maker_list"),
        back_label=_("All grant-makers"),
    )


# --- A grant-maker's people ----------------------------------------------------------------


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def grant_maker_roles(request: GrantMakerRequest) -> HttpResponse:
    grant_maker = request.grant_maker
    form = GrantRoleForm(request.POST or None)
    if done := ui.submit(
        request,
        form,
        lambda data: services.add_grant_role(by=request.user, grant_maker=grant_maker, **data),
    ):
        given = done.value
        messages.success(
            request,
            _("%(name)s is now %(role)s.")
            % {"name": given.user, "role": given.get_role_display().lower()},
        )
        return redirect("grants:grant_maker_roles", grant_maker.pk)
    roles = grant_maker.roles.select_related("user").order_by("role", "user__full_name", "pk")
    return render(
        request,
        "grants/schemes/grant_maker_roles.html",
        {
            "grant_maker": grant_maker,
            "officers": [r for r in roles if r.role == GrantRole.OFFICER],
            "reviewers": [r for r in roles if r.role == GrantRole.REVIEWER],
            "form": form,
        },
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def grant_role_remove(request: GrantMakerRequest, pk: int) -> HttpResponse:
    grant_maker = request.grant_maker
    grant_role = get_object_or_404(
        GrantMakerRole.objects.select_related("user").filter(grant_maker=grant_maker), pk=pk
    )
    back = reverse("grants:grant_maker_roles", args=[grant_maker.pk])
    words = {
        "name": grant_role.user,
        "role": grant_role.get_role_display().lower(),
        "grant_maker": grant_maker.name,
    }
    return ui.confirm_then(
        request,
        do=lambda: services.remove_grant_role(by=request.user, grant_role=grant_role),
        done=_("%(name)s no longer has the role %(role)s.") % words,
        # Someone who takes away their own role may no longer see this page.
        then=back if grant_role.user_id != request.user.pk else reverse("coordination:my_page"),
        title=_("Remove role"),
        question=_(
            "Do you want to remove the role %(role)s in %(grant_maker)s from %(name)s? Their "
            "account is kept."
        )
        % words,
        submit_label=_("Yes, remove the role"),
        back_url=back,
        back_label=_("People and roles"),
    )


# --- A grant-maker's home ------------------------------------------------------------------


def round_state(round_: Round, now) -> str:
    if now < round_.opens_at:
        return "upcoming"
    return "open" if round_.is_open(now) else "closed"


@grant_maker_view("view_grant_maker")
@require_GET
def grant_maker_home(request: GrantMakerRequest) -> HttpResponse:
    grant_maker = request.grant_maker
    user = request.user
    now = timezone.now()
    schemes = list(
        Scheme.objects.filter(grant_maker=grant_maker).prefetch_related(
            Prefetch("rounds", Round.objects.order_by("-opens_at", "-pk"))
        )
    )
    # Applications per round and status, in one query for the whole grant-maker.
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for row in (
        Application.objects.filter(grant_maker=grant_maker)
        .values("round_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[row["round_id"]][row["status"]] = row["n"]
    labels = dict(Status.choices)
    lines = [
        (
            scheme,
            [
                RoundLine(
                    round_,
                    round_state(round_, now),
                    [
                        (str(labels[status]), counts[round_.pk][status])
                        for status in Status.values
                        if status in counts.get(round_.pk, {})
                    ],
                )
                for round_ in scheme.rounds.all()
            ],
        )
        for scheme in schemes
    ]
    may_run = permissions.can(user, "run_grants", grant_maker)
    links = []
    for name, label in (
        ("grants:review_list", _("My reviews")),
        ("grants:grant_maker_roles", _("People and roles")),
    ):
        url = url_if_exists(name, grant_maker.pk)
        if url and permissions.may_open(user, url):
            links.append((url, label))
    return render(
        request,
        "grants/schemes/grant_maker_home.html",
        {
            "grant_maker": grant_maker,
            "schemes": lines,
            "may_run": may_run,
            "links": links,
        },
    )


# --- Schemes -------------------------------------------------------------------------------


def _scheme_values(data: dict[str, Any]) -> dict[str, Any]:
    """The scheme form's fields as create_scheme takes them (bokmål as the plain name)."""
    values = dict(data)
    values["name"] = values.pop("name_nb")
    values["purpose"] = values.pop("purpose_nb")
    return values


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def scheme_create(request: GrantMakerRequest) -> HttpResponse:
    grant_maker = request.grant_maker
    form = SchemeForm(request.POST or None)
    if done := ui.submit(
        request,
        form,
        lambda data: services.create_scheme(
            by=request.user, grant_maker=grant_maker, **_scheme_values(data)
        ),
    ):
        messages.success(
            request,
            _("The scheme %(name)s is created. Add its first round.") % {"name": done.value.name},
        )
        return redirect("grants:round_create", grant_maker.pk, done.value.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("New grant scheme"),
        intro=_(
            "Write the name and what the scheme funds in bokmål; nynorsk and English are "
            "optional, and readers see the bokmål where they are empty."
        ),
        submit_label=_("Create the scheme"),
        back_url=reverse("grants:grant_maker_home", args=[grant_maker.pk]),
        back_label=grant_maker.name,
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def scheme_edit(request: GrantMakerRequest, pk: int) -> HttpResponse:
    grant_maker = request.grant_maker
    scheme = get_for_user(
        Scheme.objects.filter(grant_maker=grant_maker), request.user, "run_grants", pk=pk
    )
    form = SchemeForm(request.POST or None, instance=scheme)
    home = reverse("grants:grant_maker_home", args=[grant_maker.pk])
    if ui.submit(
        request,
        form,
        lambda data: services.update_scheme(by=request.user, scheme=scheme, **data),
    ):
        messages.success(request, _("The scheme is saved."))
        return redirect(home)
    return ui.form_page(
        request,
        form=form,
        title=_("Change the scheme"),
        submit_label=_("Save"),
        back_url=home,
        back_label=grant_maker.name,
    )


# --- Rounds --------------------------------------------------------------------------------


def _round_submit(request: GrantMakerRequest, form: RoundForm, write) -> Any:
    done = ui.submit(request, form, lambda data: write(form.values()))
    if done is None and form.is_bound:
        # The service names the model's fields; here they are the date inputs.
        for model_field, form_field in ROUND_ERROR_FIELDS.items():
            if model_field in form.errors:
                for error in form.errors.pop(model_field):
                    form.add_error(form_field, error)
    return done


ROUND_INTRO = gettext_lazy(
    "Dates and times are in Norwegian time. The deadline is the last moment an application "
    "is accepted."
)


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def round_create(request: GrantMakerRequest, pk: int) -> HttpResponse:
    grant_maker = request.grant_maker
    scheme = get_for_user(
        Scheme.objects.filter(grant_maker=grant_maker), request.user, "run_grants", pk=pk
    )
    form = RoundForm(request.POST or None)
    if done := _round_submit(
        request,
        form,
        lambda values: services.create_round(by=request.user, scheme=scheme, **values),
    ):
        messages.success(
            request,
            _(
                "The round %(name)s is created with the criteria and conditions of the last "
                "round. Check them before it opens."
            )
            % {"name": done.value.name},
        )
        return redirect("grants:round_criteria", grant_maker.pk, done.value.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("New round of %(scheme)s") % {"scheme": scheme.name},
        intro=_(
            "The new round starts with the criteria, eligibility conditions and questions of "
            "the scheme's last round, or the standard set for the first one."
        )
        + " "
        + str(ROUND_INTRO),
        submit_label=_("Create the round"),
        back_url=reverse("grants:grant_maker_home", args=[grant_maker.pk]),
        back_label=grant_maker.name,
    )


def _own_round(request: GrantMakerRequest, pk: int) -> Round:
    return get_for_user(
        Round.objects.select_related("scheme").filter(grant_maker=request.grant_maker),
        request.user,
        "run_grants",
        pk=pk,
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def round_edit(request: GrantMakerRequest, pk: int) -> HttpResponse:
    grant_maker = request.grant_maker
    round_ = _own_round(request, pk)
    form = RoundForm(request.POST or None, instance=round_)
    if _round_submit(
        request,
        form,
        lambda values: services.update_round(by=request.user, round=round_, **values),
    ):
        messages.success(request, _("The round is saved."))
        return redirect("grants:grant_maker_home", grant_maker.pk)
    return render(
        request,
        "grants/schemes/round_form.html",
        {
            "grant_maker": grant_maker,
            "round": round_,
            "form": form,
            "intro": ROUND_INTRO,
        },
    )


def _formset_errors(formset, noun: str) -> list[dict]:
    """One error summary for the whole page: the formset's own errors, then each row's,
    named by its number ("Criterion 2 – Weight: …")."""
    items = [{"message": e, "anchor": "", "label": ""} for e in formset.non_form_errors()]
    for number, form in enumerate(formset.forms, start=1):
        for item in summary_items(form):
            item["label"] = f"{noun} {number} – {item['label']}"
            items.append(item)
    return items


def _edit_rows(
    request: GrantMakerRequest,
    round_: Round,
    *,
    formset_class,
    related: str,
    save,
    title: str,
    noun: str,
    new_label: str,
    intro: str,
    done: str,
    locked: str = "",
) -> HttpResponse:
    grant_maker = request.grant_maker
    queryset = getattr(round_, related).all()
    formset = formset_class(request.POST or None, queryset=queryset, prefix=related)
    refusal = ""
    if request.method == "POST" and not locked and formset.is_valid():
        try:
            save(by=request.user, round=round_, formset=formset)
        except ValidationError as error:
            refusal = " ".join(error.messages)
        else:
            messages.success(request, done)
            return redirect(request.path)
    items = _formset_errors(formset, noun) if formset.is_bound else []
    if refusal:
        items.insert(0, {"message": refusal, "anchor": "", "label": ""})
    return render(
        request,
        "grants/schemes/round_rows.html",
        {
            "grant_maker": grant_maker,
            "round": round_,
            "formset": formset,
            "title": title,
            "noun": noun,
            "new_label": new_label,
            "intro": intro,
            "locked": locked,
            "error_items": items,
            "error_count": len(items),
        },
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def round_criteria(request: GrantMakerRequest, pk: int) -> HttpResponse:
    round_ = _own_round(request, pk)
    locked = ""
    if services.criteria_locked(round_):
        locked = _(
            "Reviewers have already scored applications in this round, so its criteria can no "
            "longer be changed."
        )
    return _edit_rows(
        request,
        round_,
        formset_class=CriterionFormSet,
        related="criteria",
        save=services.save_criteria,
        title=_("Criteria of %(round)s") % {"round": round_},
        noun=_("Criterion"),
        new_label=_("New criterion"),
        intro=_(
            "What reviewers score, from 0 to 5, and how much each counts (weight 1–10). Write "
            "in bokmål; nynorsk and English are optional. An empty row at the end adds one."
        ),
        done=_("The criteria are saved."),
        locked=locked,
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def round_conditions(request: GrantMakerRequest, pk: int) -> HttpResponse:
    round_ = _own_round(request, pk)
    return _edit_rows(
        request,
        round_,
        formset_class=ConditionFormSet,
        related="conditions",
        save=services.save_conditions,
        title=_("Eligibility conditions of %(round)s") % {"round": round_},
        noun=_("Condition"),
        new_label=_("New condition"),
        intro=_(
            "What screening checks before anyone scores an application. Write in bokmål; "
            "nynorsk and English are optional. An empty row at the end adds one."
        ),
        done=_("The eligibility conditions are saved."),
    )


@grant_maker_view("run_grants")
@require_http_methods(["GET", "POST"])
def round_questions(request: GrantMakerRequest, pk: int) -> HttpResponse:
    round_ = _own_round(request, pk)
    return _edit_rows(
        request,
        round_,
        formset_class=QuestionFormSet,
        related="questions",
        save=services.save_questions,
        title=_("Extra questions of %(round)s") % {"round": round_},
        noun=_("Question"),
        new_label=_("New question"),
        intro=_(
            "Questions the application form asks besides the usual ones. An empty row at the "
            "end adds one."
        ),
        done=_("The questions are saved."),
    )


# --- Public pages --------------------------------------------------------------------------


@public
@require_GET
def round_list(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    lines = [
        RoundLine(round_, round_state(round_, now))
        for round_ in Round.objects.filter(closes_at__gte=now)
        .select_related("scheme", "grant_maker")
        .order_by("closes_at", "pk")
    ]
    return render(
        request,
        "grants/schemes/round_list.html",
        {
            "open_rounds": [line for line in lines if line.state == "open"],
            "upcoming_rounds": [line for line in lines if line.state == "upcoming"],
        },
    )


@public
@require_GET
def round_public(request: GrantMakerRequest, pk: int) -> HttpResponse:
    round_ = get_object_or_404(Round.objects.select_related("scheme", "grant_maker"), pk=pk)
    state = round_state(round_, timezone.now())
    apply_url = url_if_exists("grants:application_start", round_.pk) if state == "open" else None
    return render(
        request,
        "grants/schemes/round_public.html",
        {
            "round": round_,
            "scheme": round_.scheme,
            "state": state,
            "criteria": round_.criteria.all(),
            "conditions": round_.conditions.all(),
            "apply_url": apply_url,
            "may_run": permissions.can(request.user, "run_grants", round_),
        },
    )
