"""A grant-maker's schemes and rounds, and a round's criteria, eligibility conditions and
extra questions, each edited on one page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import (
    get_for_user,
    grant_maker_view,
)
from coordination.templatetags.error_summary import summary_items
from grants.schemes import services
from grants.schemes.forms import (
    ROUND_ERROR_FIELDS,
    ConditionFormSet,
    CriterionFormSet,
    QuestionFormSet,
    RoundForm,
    SchemeForm,
)
from grants.schemes.models import Round, Scheme
from grants.schemes.views.base import GrantMakerRequest

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
