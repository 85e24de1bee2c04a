"""The 8 steps a municipality goes through to build its cooperation with volunteers (DOMAIN.md,
"The 8 steps"): the spine that routines and the involvement staircase are grouped by."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Step(models.IntegerChoices):
    ANCHOR = 1, _("Anchor")
    MAP = 2, _("Map")
    ESTABLISH_COOPERATION = 3, _("Establish cooperation")
    INVOLVE = 4, _("Involve")
    PRIORITISE_COMPETENCE = 5, _("Prioritise competence")
    DEVELOP_ROUTINES = 6, _("Develop routines")
    SYSTEMATISE = 7, _("Systematise")
    PUT_ON_THE_AGENDA = 8, _("Put volunteering on the agenda")


STEP_DESCRIPTIONS = {
    Step.ANCHOR: _(
        "A local volunteering policy, guidelines for cooperation, a legal check and internal "
        "anchoring."
    ),
    Step.MAP: _(
        "Needs for activities and meeting places; a map of partners in the voluntary sector and "
        "the neighbourhood; the municipality's own resources."
    ),
    Step.ESTABLISH_COOPERATION: _(
        "Contact partners, answer quickly, clarify expectations, written cooperation agreements."
    ),
    Step.INVOLVE: _(
        "Staff in the planning, volunteers early and with real influence, the neighbourhood."
    ),
    Step.PRIORITISE_COMPETENCE: _(
        "Training for staff, introductory courses for volunteers, role clarity and "
        "confidentiality, ethical reflection."
    ),
    Step.DEVELOP_ROUTINES: _(
        "How to start and care for cooperation with volunteers, made together with volunteers, "
        "collected in a routine binder that staff and volunteers can easily reach."
    ),
    Step.SYSTEMATISE: _(
        "Clear frames: a responsibility map showing who is responsible for what, and an annual "
        "wheel for activities and volunteering."
    ),
    Step.PUT_ON_THE_AGENDA: _(
        "A fixed item in management meetings; visible on the municipality's web pages."
    ),
}
