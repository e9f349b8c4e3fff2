"""The catalogue finder: filters from the query string, facet counts, sorting, A–Z, pagination.

Every request loads one lightweight row per live procedure of a catalogue (three queries: the pages,
their levels, their target groups) and filters, counts and sorts in Python. The number of queries is
therefore the same for every filter combination and page, and each facet counts the procedures that
match all *other* active filters (so a citizen sees how many results each choice would give).
The same functions serve the catalogue page, the ward listings and the open-data API.
"""

import re
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from portal.vietnamese import fold

from .models import ONLINE_LEVELS, ProcedurePage
from .parsing import LEVELS

SORTS = {"ten": "Tên thủ tục (A–Z)", "ma": "Mã thủ tục", "xem-nhieu": "Xem nhiều nhất"}
DEFAULT_SORT = "ten"
ONLINE_UNKNOWN = "chua-xac-dinh"
ONLINE_FILTERS = [*ONLINE_LEVELS, (ONLINE_UNKNOWN, "Chưa xác định")]
NAME_PREFIX = re.compile(r"^(?:thủ tục|tthc)\s+", re.IGNORECASE)
# Vietnamese initial letters in alphabet order ("Đ" after "D"); accented capitals go under their base.
ALPHABET = list("ABCDĐEGHIKLMNOPQRSTUVXY")
MAX_QUERY_LENGTH = 200


def folded_search_text(title, code, keywords):
    """What the catalogue's free-text filter matches: folded name, code and hidden keywords."""
    return fold(" ".join(part for part in (title, code, keywords) if part))


def initial_letter(title):
    """A–Z letter of a procedure: first letter of its name without a leading "Thủ tục"."""
    name = NAME_PREFIX.sub("", (title or "").strip())
    if not name:
        return ""
    first = name[0].upper()
    if first == "Đ":
        return "Đ"
    base = fold(first).upper()
    return base if base in ALPHABET else "#"


@dataclass
class Row:
    id: int
    title: str
    slug: str
    code: str
    sector_slug: str
    sector_name: str
    agency: str
    online: str
    views: int
    folded: str
    letter: str
    levels: dict = field(default_factory=dict)  # code → name
    targets: dict = field(default_factory=dict)  # slug → name


def load_rows(index_page=None, base_queryset=None):
    """One ``Row`` per live procedure under ``index_page`` (or of ``base_queryset``): 3 queries."""
    pages = base_queryset if base_queryset is not None else ProcedurePage.objects.all()
    pages = pages.live()
    if index_page is not None:
        pages = pages.child_of(index_page)
    rows = {}
    for values in pages.values_list(
        "id", "name", "title", "slug", "code", "sector__slug", "sector__name", "implementing_agency",
        "online_service_level", "stats__views", "search_folded",
    ):
        pk, name, title, slug, code, sector_slug, sector_name, agency, online, views, folded = values
        title = name or title
        rows[pk] = Row(
            id=pk, title=title, slug=slug, code=code, sector_slug=sector_slug or "", sector_name=sector_name or "",
            agency=agency or "", online=online or "", views=views or 0, folded=folded or "",
            letter=initial_letter(title),
        )
    ids = pages.values("id")
    through = ProcedurePage.levels.through.objects.filter(procedurepage_id__in=ids)
    for pk, code, name in through.values_list("procedurepage_id", "procedurelevel__code", "procedurelevel__name"):
        if pk in rows:
            rows[pk].levels[code] = name
    through = ProcedurePage.target_groups.through.objects.filter(procedurepage_id__in=ids)
    for pk, slug, name in through.values_list("procedurepage_id", "targetgroup__slug", "targetgroup__name"):
        if pk in rows:
            rows[pk].targets[slug] = name
    return list(rows.values())


def _one(querydict, key):
    value = querydict.get(key, "")
    return value.strip()[:MAX_QUERY_LENGTH] if isinstance(value, str) else ""


def _many(querydict, key):
    getter = getattr(querydict, "getlist", None)
    values = getter(key) if getter else [querydict.get(key, "")]
    return tuple(sorted({v.strip() for v in values if isinstance(v, str) and v.strip()}))


@dataclass(frozen=True)
class Filters:
    """The finder's state, read from and written to the query string (shareable URLs)."""

    q: str = ""
    sector: str = ""  # sector slug
    levels: tuple = ()  # level codes (any of)
    agency: str = ""  # implementing agency, exact text
    online: str = ""  # ONLINE_FILTERS code
    targets: tuple = ()  # target group slugs (any of)
    letter: str = ""
    sort: str = DEFAULT_SORT
    page: int = 1

    PARAMS = {"q": "q", "sector": "linh-vuc", "levels": "cap", "agency": "co-quan", "online": "truc-tuyen",
              "targets": "doi-tuong", "letter": "chu-cai", "sort": "sap-xep", "page": "trang"}

    @classmethod
    def from_query(cls, querydict):
        """Read filters; malformed values are dropped and reported in ``ignored`` (never an error page)."""
        p = cls.PARAMS
        sort = _one(querydict, p["sort"]) or DEFAULT_SORT
        page_text = _one(querydict, p["page"]) or "1"
        letter = _one(querydict, p["letter"]).upper()
        online = _one(querydict, p["online"])
        ignored = []
        if sort not in SORTS:
            ignored.append(p["sort"])
            sort = DEFAULT_SORT
        if letter and letter not in [*ALPHABET, "#"]:
            ignored.append(p["letter"])
            letter = ""
        if online and online not in dict(ONLINE_FILTERS):
            ignored.append(p["online"])
            online = ""
        page = int(page_text) if page_text.isdigit() and 0 < int(page_text) < 100000 else 1
        if page_text != str(page):
            ignored.append(p["page"])
        filters = cls(
            q=" ".join(_one(querydict, p["q"]).split()),
            sector=_one(querydict, p["sector"]),
            levels=_many(querydict, p["levels"]),
            agency=_one(querydict, p["agency"]),
            online=online,
            targets=_many(querydict, p["targets"]),
            letter=letter,
            sort=sort,
            page=page,
        )
        return filters, ignored

    def query_items(self, **changes):
        """``(param, value)`` pairs for a link to this state with ``changes`` (page resets to 1)."""
        state = replace(self, **{"page": 1, **changes})
        items = []
        for attr, param in self.PARAMS.items():
            value = getattr(state, attr)
            if attr == "sort" and value == DEFAULT_SORT or attr == "page" and value == 1:
                continue
            for single in value if isinstance(value, tuple) else (value,):
                if single:
                    items.append((param, single))
        return items

    def url(self, base, **changes):
        items = self.query_items(**changes)
        return f"{base}?{urlencode(items)}" if items else base

    @property
    def active(self):
        return bool(self.q or self.sector or self.levels or self.agency or self.online or self.targets or self.letter)


def _matches(row, filters, skip=None):
    if skip != "q" and filters.q:
        if not all(token in row.folded for token in fold(filters.q).split()):
            return False
    if skip != "sector" and filters.sector and row.sector_slug != filters.sector:
        return False
    if skip != "levels" and filters.levels and not set(filters.levels) & row.levels.keys():
        return False
    if skip != "agency" and filters.agency and row.agency != filters.agency:
        return False
    if skip != "online" and filters.online:
        if (row.online or ONLINE_UNKNOWN) != filters.online:
            return False
    if skip != "targets" and filters.targets and not set(filters.targets) & row.targets.keys():
        return False
    if skip != "letter" and filters.letter and row.letter != filters.letter:
        return False
    return True


def filter_rows(rows, filters):
    return [row for row in rows if _matches(row, filters)]


def sort_rows(rows, sort):
    if sort == "ma":
        return sorted(rows, key=lambda r: (r.code, r.id))
    if sort == "xem-nhieu":
        return sorted(rows, key=lambda r: (-r.views, fold(r.title), r.id))
    return sorted(rows, key=lambda r: (fold(NAME_PREFIX.sub("", r.title)), r.id))


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


def _options(counts, labels, selected, keep_order=False):
    values = list(labels) if keep_order else sorted(labels, key=lambda v: fold(labels[v]))
    chosen = set(selected if isinstance(selected, tuple) else (selected,))
    return [
        FacetOption(value=v, label=labels[v], count=counts.get(v, 0), selected=v in chosen)
        for v in values
        if counts.get(v, 0) or v in chosen
    ]


def facets(rows, filters):
    """Options of each filter with the number of results it would give (other filters applied)."""
    counters = {name: {} for name in ("sector", "levels", "agency", "online", "targets", "letter")}
    labels = {name: {} for name in counters}
    for row in rows:
        for name in counters:
            if not _matches(row, filters, skip=name):
                continue
            if name == "sector" and row.sector_slug:
                pairs = [(row.sector_slug, row.sector_name)]
            elif name == "levels":
                pairs = list(row.levels.items())
            elif name == "agency" and row.agency:
                pairs = [(row.agency, row.agency)]
            elif name == "online":
                pairs = [(row.online or ONLINE_UNKNOWN, dict(ONLINE_FILTERS)[row.online or ONLINE_UNKNOWN])]
            elif name == "targets":
                pairs = list(row.targets.items())
            elif name == "letter" and row.letter:
                pairs = [(row.letter, row.letter)]
            else:
                pairs = []
            for value, label in pairs:
                counters[name][value] = counters[name].get(value, 0) + 1
                labels[name][value] = label
    level_labels = {code: labels["levels"][code] for code in LEVELS if code in labels["levels"]}
    online_labels = {code: label for code, label in ONLINE_FILTERS if code in labels["online"]}
    letters = [*ALPHABET, "#"]
    return {
        "sector": _options(counters["sector"], labels["sector"], filters.sector),
        "levels": _options(counters["levels"], level_labels, filters.levels, keep_order=True),
        "agency": _options(counters["agency"], labels["agency"], filters.agency),
        "online": _options(counters["online"], online_labels, filters.online, keep_order=True),
        "targets": _options(counters["targets"], labels["targets"], filters.targets),
        "letter": [
            FacetOption(value=x, label=x, count=counters["letter"].get(x, 0), selected=x == filters.letter)
            for x in letters
            if x != "#" or counters["letter"].get(x)
        ],
    }


@dataclass
class PageOfResults:
    rows: list
    number: int
    num_pages: int
    count: int
    page_size: int

    @property
    def start_index(self):
        return (self.number - 1) * self.page_size + 1 if self.count else 0

    @property
    def end_index(self):
        return min(self.number * self.page_size, self.count)

    @property
    def has_previous(self):
        return self.number > 1

    @property
    def has_next(self):
        return self.number < self.num_pages


def paginate(rows, page, page_size):
    """The requested page (clamped to the last page) of ``rows``."""
    page_size = max(1, page_size)
    num_pages = max(1, -(-len(rows) // page_size))
    number = min(max(1, page), num_pages)
    start = (number - 1) * page_size
    return PageOfResults(rows[start: start + page_size], number, num_pages, len(rows), page_size)


def search(rows, filters, page_size):
    """Filter, sort and paginate: ``(page_of_results, facets)``."""
    matching = sort_rows(filter_rows(rows, filters), filters.sort)
    return paginate(matching, filters.page, page_size), facets(rows, filters)
