"""Writes on applications: starting, editing, partners, budget, attachments, submitting.
Status changes go through ``transitions.transition``."""
