"""The default set a new round starts with: seed 000's criteria (what the Verdighetsenteret
asked reviewers to weigh) and the national scheme's eligibility conditions, in every language
(``copy_defaults`` stores each language's words in the translated fields)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# (name, what reviewers look for, weight)
DEFAULT_CRITERIA = [
    (
        _("Partnership and cooperation"),
        _(
            "The municipality and voluntary organisations work together on one measure rather "
            "than running parallel measures."
        ),
        2,
    ),
    (
        _("Coordination structures"),
        _(
            "Volunteer coordination in the municipality, built in cooperation with organisations "
            "and volunteer centres."
        ),
        2,
    ),
    (
        _("Competence in both sectors"),
        _(
            "Training for staff and volunteers: communication with people with dementia, "
            "ethics, legal frames, culture."
        ),
        1,
    ),
    (
        _("Implementation and continuation"),
        _("The measure is rooted in the services and lasts beyond the project period."),
        2,
    ),
    (
        _("Inclusion of frail elderly"),
        _(
            "Frail and home-dwelling elderly, people with dementia included, take part — not "
            "only the fittest."
        ),
        2,
    ),
    (
        _("Transport, escort and accompaniment"),
        _("People who cannot get there on their own are brought or accompanied."),
        1,
    ),
    (
        _("Information from home care"),
        _("Home care tells its users about the activities."),
        1,
    ),
    (
        _("Local anchoring"),
        _(
            "The measure is anchored locally: in the municipality's plans, the organisations "
            "and the village."
        ),
        1,
    ),
    (
        _("Realistic budget and plan"),
        _("The budget and the plan match what the project sets out to do."),
        1,
    ),
]

DEFAULT_CONDITIONS = [
    _("Within the scheme's goal and target group: the elderly, activity and fellowship."),
    _("Health-promoting and preventive."),
    _("Low-threshold and open to everyone in the target group."),
    _("Not a one-off event."),
    _("Not equipment, vehicles, ordinary running costs or apps alone."),
]
