from importlib import import_module
from pathlib import Path

from django.apps import AppConfig, apps
from django.conf import settings
from django.utils.translation import gettext_lazy as _


def project_modules(name: str, *, kernel: bool = False) -> list[str]:
    """The module ``name`` (``contributions``, ``demo``, ``tasks``) of each of the project's
    apps and of each of their areas (``volunteers.contributions``,
    ``coordination.partners.contributions``, …): the app's own first, then its areas by name,
    the apps in the order of INSTALLED_APPS. The kernel's is left out unless ``kernel``."""
    root = Path(settings.BASE_DIR).resolve()
    found = []
    for config in apps.get_app_configs():
        app_path = Path(config.path).resolve()
        if app_path.parent != root:
            continue
        # The kernel defines the extension points; it contributes nothing through them.
        areas = sorted(
            p for p in app_path.iterdir() if p.is_dir() and (kernel or p.name != "kernel")
        )
        packages = [app_path, *areas]
        found += [
            ".".join([config.name, *package.relative_to(app_path).parts, name])
            for package in packages
            if (package / "__init__.py").is_file()
            # a module, or a package of the same name (a module grown past ~400 lines)
            and ((package / f"{name}.py").is_file() or (package / name / "__init__.py").is_file())
        ]
    return found


def autodiscover(name: str) -> list[str]:
    """Import every app's and area's module ``name``: each registers at its definitions
    (``coordination.kernel.contributions.contribute``). Returns the modules imported.
    ``contributions`` when the apps are ready; ``demo`` (the demo's steps) only when the demo
    is made or shown, so that the portal itself never loads the demo's code."""
    modules = project_modules(name)
    for module in modules:
        import_module(module)
    return modules


class CoordinationConfig(AppConfig):
    name = "coordination"
    verbose_name = _("Coordination")

    def ready(self) -> None:
        # Every app's and area's contributions to the shared pages (dashboard, My page, the
        # overview, the annual wheel, the staircase), its permission rules, retention rules,
        # data export sections, audit sentences and demo steps. All models are loaded by now.
        autodiscover("contributions")
        from coordination.kernel import signals  # noqa: F401 (allauth's signals connect on import)
