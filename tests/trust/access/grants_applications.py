"""The access rules of the grants applications area's URLs (see tests/trust/access/__init__.py)."""

ACCESS: dict = {}
# Which world object (tests/trust/world_grants.py) a URL's ``pk`` names.
PK_OBJECT: dict = {}
