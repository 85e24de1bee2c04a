"""The responsibility map (ansvarskart): tasks × parties, one role per cell (responsible,
carries out, consulted, informed). One map per municipality, made from a starter set."""

from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coordination.kernel.models import Municipality

# The starter set: key -> English msgid. Names of starter rows are shown in the reader's
# language until a coordinator renames them.
STARTER_TASKS = {
    "recruiting": _("Recruiting volunteers"),
    "introductory_course": _("Introductory course"),
    "police_certificates": _("Police certificate checks"),
    "confidentiality": _("Confidentiality declarations"),
    "follow_up": _("Follow-up of volunteers"),
    "matching": _("Matching needs and volunteers"),
    "transport": _("Transport coordination"),
    "grants": _("Grant applications"),
    "annual_wheel": _("The annual wheel"),
    "routines": _("Routines and the routine binder"),
    "agreements": _("Cooperation agreements"),
    "forum": _("The forum of volunteer contacts"),
}
STARTER_PARTIES = {
    "coordinator": _("Coordinator"),
    "unit_leaders": _("Unit leaders"),
    "volunteer_contacts": _("Volunteer contacts"),
    "volunteer_centre": _("The volunteer centre"),
    "partners": _("Partner organisations"),
    "volunteers": _("Volunteers"),
}


class ResponsibilityRole(models.TextChoices):
    RESPONSIBLE = "responsible", _("Responsible")
    CARRIES_OUT = "carries_out", _("Carries out")
    CONSULTED = "consulted", _("Consulted")
    INFORMED = "informed", _("Informed")


# Short letters shown in the grid; the legend explains them in plain words.
ROLE_ABBREVIATIONS = {
    ResponsibilityRole.RESPONSIBLE: _("R"),
    ResponsibilityRole.CARRIES_OUT: _("C"),
    ResponsibilityRole.CONSULTED: _("Co"),
    ResponsibilityRole.INFORMED: _("I"),
}
ROLE_EXPLANATIONS = {
    ResponsibilityRole.RESPONSIBLE: _(
        "Responsible: makes sure the task is done and answers for it. Each task needs exactly one."
    ),
    ResponsibilityRole.CARRIES_OUT: _("Carries out: does the work."),
    ResponsibilityRole.CONSULTED: _("Consulted: is asked for advice before decisions."),
    ResponsibilityRole.INFORMED: _("Informed: is told what has been decided or done."),
}


class ResponsibilityMap(models.Model):
    """The municipality's responsibility map: who is responsible for what."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="responsibility_map",
        verbose_name=_("municipality"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("responsibility map")
        verbose_name_plural = _("responsibility maps")

    def __str__(self) -> str:
        return str(self.municipality)


class _Row(models.Model):
    """A task or a party: a name (or a starter key shown translated) and a place in order."""

    map = models.ForeignKey(
        ResponsibilityMap, on_delete=models.CASCADE, verbose_name=_("responsibility map")
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    starter_key = models.CharField(max_length=30, blank=True, editable=False)
    position = models.PositiveIntegerField(_("order"), default=0)

    STARTER: dict = {}

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        label = self.STARTER.get(self.starter_key)
        return gettext(str(label)) if label is not None else ""

    @property
    def municipality_id(self) -> str:
        return self.map.municipality_id


class ResponsibilityTask(_Row):
    STARTER = STARTER_TASKS

    class Meta(_Row.Meta):
        default_related_name = "tasks"
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [models.Index(fields=["map", "position"], name="resp_task_map_position")]


class ResponsibilityParty(_Row):
    STARTER = STARTER_PARTIES

    # Named by their label: the responsibility map does not import the other areas.
    unit = models.ForeignKey(
        "coordination.Unit",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsibility_parties",
        verbose_name=_("unit"),
    )
    partner = models.ForeignKey(
        "coordination.PartnerOrganisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="responsibility_parties",
        verbose_name=_("partner organisation"),
    )

    class Meta(_Row.Meta):
        default_related_name = "parties"
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        indexes = [models.Index(fields=["map", "position"], name="resp_party_map_position")]

    @classmethod
    def unit_choices(cls, municipality: Municipality | str) -> QuerySet:
        """The units a party of this municipality's map may be: the municipality's own."""
        units = cls._meta.get_field("unit").related_model._default_manager  # type: ignore[union-attr]
        return units.filter(municipality=municipality)

    @classmethod
    def partner_choices(cls, municipality: Municipality | str) -> QuerySet:
        """The partner organisations a party may be: those that work with the municipality."""
        partners = cls._meta.get_field("partner").related_model._default_manager  # type: ignore[union-attr]
        return partners.filter(municipalities=municipality)


class ResponsibilityAssignment(models.Model):
    """One cell of the grid: what one party does for one task. An empty cell has no row."""

    task = models.ForeignKey(
        ResponsibilityTask,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("task"),
    )
    party = models.ForeignKey(
        ResponsibilityParty,
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("party"),
    )
    role = models.CharField(_("role"), max_length=20, choices=ResponsibilityRole.choices)

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        constraints = [
            models.UniqueConstraint(fields=["task", "party"], name="resp_assignment_unique_cell"),
            models.CheckConstraint(
                condition=models.Q(role__in=ResponsibilityRole.values),
                name="resp_assignment_known_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task} – {self.party}: {self.role}"
