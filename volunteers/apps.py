from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VolunteersConfig(AppConfig):
    name = "volunteers"
    verbose_name = _("Volunteers")

    def ready(self) -> None:
        from coordination.kernel import account_data, audit, contributions
        from coordination.kernel.permissions import Rule, register_rule, register_volunteer_places
        from coordination.management.commands.seed_demo import DEMO_STEPS
        from coordination.models import Role
        from volunteers import contributions as dashboard_and_staircase
        from volunteers import demo, panels, retention, signals  # noqa: F401 (signals connect on import)
        from volunteers.audit_messages import MESSAGES

        audit.register_messages(MESSAGES)

        # Publish new versions of the municipality's confidentiality declaration.
        register_rule("manage_declaration", Rule(frozenset({Role.COORDINATOR})))
        # The registry of volunteers and each volunteer's details (Drammen model: volunteer
        # contacts in the units follow up volunteers too).
        # A volunteer contact sees only the volunteers linked to a unit they serve.
        register_rule(
            "view_volunteers",
            Rule(
                frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT}),
                unit_roles=frozenset({Role.VOLUNTEER_CONTACT}),
                units_via="unit_links__unit",
            ),
        )
        # Link a volunteer to the units where they help (which contacts follow them up).
        register_rule("link_volunteer_units", Rule(frozenset({Role.COORDINATOR})))
        # Take the registry out as a file (personal data leaves the portal: coordinators only).
        register_rule("export_volunteers", Rule(frozenset({Role.COORDINATOR})))
        # Bring in an existing list of volunteers from a file.
        register_rule("import_volunteers", Rule(frozenset({Role.COORDINATOR})))
        # Roles and their requirements, courses, police certificate checks, completions.
        register_rule("manage_screening", Rule(frozenset({Role.COORDINATOR})))
        # Report a need for help (the unit's volunteer contact sees the needs, not the person).
        register_rule("report_needs", Rule(frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT})))
        # Follow a need through the method, see the person's details, match and invite.
        register_rule("manage_needs", Rule(frozenset({Role.COORDINATOR})))
        # Log hours for volunteers, approve what they log, set the kilometre rate.
        register_rule("manage_hours", Rule(frozenset({Role.COORDINATOR})))
        # Where the person is an active volunteer (pages open to volunteers, e.g. routines).
        register_volunteer_places(dashboard_and_staircase.volunteer_places)
        retention.register()
        dashboard_and_staircase.register()
        contributions.MY_PAGE_PANELS.append(panels.volunteer_panel)
        contributions.HOME_PAGES.append(panels.volunteer_home)
        contributions.OVERVIEW_LINKS.append(panels.overview_links)
        contributions.OVERVIEW_LINKS.append(panels.screening_links)
        contributions.OVERVIEW_LINKS.append(panels.needs_links)
        account_data.register_section(
            "volunteer",
            panels.export_volunteer,
            title=_("Your volunteer profile"),
            labels=panels.LABELS,
        )
        account_data.register_section(
            "volunteer_screening",
            panels.export_screening,
            title=_("Your roles, police certificate checks and courses"),
        )
        account_data.register_section(
            "volunteer_units",
            dashboard_and_staircase.export_volunteer_units,
            title=_("Units where you help"),
        )
        account_data.register_section(
            "volunteer_tasks",
            panels.export_volunteer_tasks,
            title=_("Invitations you have had, and tasks you have helped with"),
        )
        from volunteers.units.demo import seed_volunteer_units

        for step in (
            demo.seed_volunteers,
            demo.seed_screening_and_needs,
            demo.seed_drammen,
            seed_volunteer_units,
        ):
            if step not in DEMO_STEPS:
                DEMO_STEPS.append(step)
