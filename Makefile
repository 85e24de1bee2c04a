# Samspill — `make help` lists the targets. Quick start: `make run`, `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export UV_PYTHON_DOWNLOADS ?= automatic
export UV_PROJECT_ENVIRONMENT := .venv

UV = $(shell bin/ensure-uv)
PYTHON_FOUND = $(shell bin/find-python)
# Use a Python >= 3.12 found on the machine; if there is none, uv fetches one where it may.
UV_PYTHON = $(if $(PYTHON_FOUND),--python $(PYTHON_FOUND),--python 3.12)
MANAGE = .venv/bin/python manage.py
PORT ?= 8000
# Test processes (pytest-xdist) that `make test` runs side by side; TEST_WORKERS=0 runs in one.
# worksteal: an idle process takes tests queued for the other, so two long browser tests never
# wait in one queue while the other process has nothing left.
TEST_WORKERS ?= 2
# What mypy checks (CONVENTIONS.md, "Tooling"): the kernel, and every services.py or services/
# package, permissions.py and tasks.py of the apps, found anew on each run.
APPS = coordination volunteers activities grants
# and the pure modules (no ORM: recurrence, pick-up order, the grants' state machine, scoring and
# fairness) and the "what's on" maker
TYPED = coordination/kernel activities/schedule/recurrence.py activities/rides/pickup_order.py \
	activities/schedule/exports.py grants/applications/workflow.py grants/review/scoring.py \
	grants/review/fairness.py $(wildcard */scale.py) $(shell find $(APPS) -path coordination/kernel -prune \
	-o -name migrations -prune -o -type d -name services -prune -print \
	-o -type f \( -name services.py -o -name permissions.py -o -name tasks.py \) -print \
	2>/dev/null | sort)

.PHONY: help install install-dev run test lint typecheck fmt migrations-check messages bench loadtest worker beat seed clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

install:  ## Install system libraries (if missing), uv and the Python packages
	@bin/system-deps
	@$(UV) sync --locked --no-dev $(UV_PYTHON)

install-dev:
	@bin/system-deps --test
	@$(UV) sync --locked $(UV_PYTHON)

run: install  ## Set up the demo and serve http://127.0.0.1:8000 (another port: make run PORT=8001)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_municipalities
	$(MANAGE) seed_demo
	@echo "Samspill runs at http://127.0.0.1:$(PORT) (stop with Ctrl+C)"
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install-dev lint migrations-check  ## Lint, then run the whole test suite (2 processes)
	.venv/bin/pytest -n $(TEST_WORKERS) --dist worksteal

lint:  ## ruff (lint, formatting), import-linter (who imports whom) and mypy
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/lint-imports
	@$(MAKE) --no-print-directory typecheck

typecheck:  ## mypy on the kernel and every services, permissions and tasks module
	.venv/bin/mypy $(TYPED)

fmt:  ## Format and fix what ruff can
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

migrations-check:  ## Fail when a model change has no migration
	$(MANAGE) makemigrations --check --dry-run

messages:  ## Extract new texts into the catalogues (locale/nb, locale/nn) and compile them; see locale/README.md
	$(MANAGE) makemessages --locale nb --locale nn --no-obsolete --ignore '.venv/*' --ignore '.tools/*' --ignore 'staticfiles/*'
	$(MANAGE) compilemessages --ignore '.venv/*' --ignore '.tools/*'

bench: install-dev  ## The benchmark suite at national scale on PostgreSQL: writes bench/results/<date>.json (see bench/README.md; BENCH_ARGS=--reuse keeps filled databases)
	nice -n 10 .venv/bin/python -m bench.suite $(BENCH_ARGS)

loadtest:  ## Mixed traffic on gunicorn (3 workers, 127.0.0.1) for 60 s against a prepared database (README, "Load test")
	@bin/system-deps
	@$(UV) sync --locked --group load $(UV_PYTHON)
	bench/load/run.sh

worker:  ## A Celery worker for every queue, PDFs included (needs CELERY_BROKER_URL)
	.venv/bin/celery -A coordination worker --queues celery,documents --loglevel=INFO

beat:  ## Celery beat, the scheduler (needs CELERY_BROKER_URL)
	.venv/bin/celery -A coordination beat --loglevel=INFO

seed: install  ## Create or refresh the demo data and print the demo logins
	$(MANAGE) seed_demo

clean:  ## Remove the virtualenv, tools and the SQLite database
	rm -rf .venv .tools samspill.sqlite3 staticfiles
