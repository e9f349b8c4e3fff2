# Cổng thông tin điện tử thành phố Vũng Tàu: the two set-up commands are `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORTAL_DOMAIN ?= localhost

.PHONY: run test install system-deps lint check bench load clean search-node search-node-bg search-node-stop

$(VENV)/installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/installed

# Debian's Chromium for the browser tests (never a downloaded browser); needs root or sudo.
system-deps:
	@if [ ! -x /usr/bin/chromium ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

## Install, migrate, build demo content and serve the portal at http://127.0.0.1:$(PORT)/
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py bootstrap_portal
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## Install and run the whole test suite (SQLite unless DATABASE_URL is set)
test: install system-deps
	$(PY) -m pytest $(PYTEST_ARGS)

## The development/test search node (embedded OpenSearch 2.19, tools/search-node): foreground on
## 127.0.0.1:9200, data in a throw-away directory; then e.g. OPENSEARCH_URL=http://127.0.0.1:9200.
search-node:
	tools/search-node/start.sh

## The same in the background: returns once _cluster/health is yellow (PID in tools/search-node/target/node.pid)
search-node-bg:
	tools/search-node/start.sh --background

search-node-stop:
	tools/search-node/start.sh --stop

lint: install
	$(VENV)/bin/ruff check .

check: install
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

bench: install
	$(PY) bench/run.py

## Load test (bench/README.md): 60 s at 32 connections over 20 public URLs, then the same while publishing,
## on SQLite and PostgreSQL (needs PostgreSQL and Redis on 127.0.0.1; LOAD_ARGS="--engines sqlite --duration 10")
load: install
	$(PY) bench/load.py $(LOAD_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 media .test-media
