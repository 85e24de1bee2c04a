"""The volunteers app's forms, one module per area (profile, registry, screening, needs,
hours). Import from the module: ``from ..forms.screening import CourseForm``."""
