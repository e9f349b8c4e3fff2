"""Demo content of the news app, built by ``bootstrap_portal`` (hook ``portal_bootstrap``).

- A news index under the city and under every ward (with their English translations) and a press page
  for the city.
- One real item: the publication of the city's 2024 digital-transformation plan (title and facts quoted
  from the plan, ``news/data/ke-hoach-chuyen-doi-so-2024.txt``), in Vietnamese and English.
- Deterministic sample items (fixed seed) for the city and every ward: news, notices (current,
  expired), events, press releases and one urgent notice (Xã Long Sơn). Each is flagged ``is_sample``
  and titled "Tin mẫu: …". Dates are relative to the build time so that "current" notices are current.

Idempotent: an item is created only when its slug is missing under its index; nothing is overwritten.
"""

import random
from datetime import timedelta

from django.utils import timezone

from home.translation import translate_page

from .models import NewsCategory, NewsIndexFeature, NewsIndexPage, NewsPage, PressContact, PressPage

SEED = 2024
INDEX_SLUG = "tin-tuc"
PRESS_SLUG = "bao-chi"
URGENT_WARD_SLUG = "xa-long-son"
SMALL_WARDS = 2

PLAN_TITLE = (
    "Kế hoạch triển khai thực hiện các nhiệm vụ trọng tâm về chuyển đổi số năm 2024 trên địa bàn thành phố Vũng Tàu"
)
PLAN_SLUG = "ke-hoach-chuyen-doi-so-nam-2024"
# Sentences quoted verbatim from the plan (tests/news/test_demo.py checks them against the source file).
PLAN_FACTS = {
    "result_2023": "Tỷ lệ hồ sơ tiếp nhận và xử lý trực tuyến là 98,27% (23.391/23.802)",
    "ioc": "Hoàn thành xây dựng Trung tâm điều hành đô thị thông minh thành phố (OC Vũng Tàu) đưa vào khai thác "
    "sử dụng trong quý II/2024.",
    "online": "100% thủ tục hành chính đủ điều kiện theo quy định của pháp luật được cung cấp dưới hình thức dịch vụ "
    "công trực tuyến toàn trình.",
    "remote": "55% hồ sơ thủ tục hành chính được người dân, doanh nghiệp thực hiện trực tuyến từ xa.",
    "skills": "60% cán bộ, công chức, viên chức được tập huấn, bồi dưỡng, phổ cập kỹ năng số cơ bản.",
    "economy": "Tỷ trọng giá trị tăng thêm của kinh tế số trong GRDP đạt 16%.",
    "cashless": "17/17 phường, xã xây dựng tuyến đường thanh toán không sử dụng tiền mặt.",
}
PLAN_LEAD = (
    "UBND thành phố Vũng Tàu ban hành Kế hoạch triển khai thực hiện các nhiệm vụ trọng tâm về chuyển đổi số năm "
    f"2024. Theo kế hoạch, năm 2023 {PLAN_FACTS['result_2023'][0].lower()}{PLAN_FACTS['result_2023'][1:]}; "
    "mục tiêu năm 2024 gồm hoàn thành Trung tâm điều hành đô thị thông minh thành phố trong quý II/2024."
)
PLAN_ENGLISH = {
    PLAN_TITLE: "Plan for the key digital-transformation tasks of 2024 in Vũng Tàu City",
    PLAN_LEAD: (
        "The People's Committee of Vũng Tàu City has issued its plan for the key digital-transformation tasks of "
        "2024. According to the plan, 98.27% of dossiers (23,391 of 23,802) were received and handled online in "
        "2023; the 2024 targets include completing the city's smart-city operations centre in the second quarter."
    ),
    "Một số chỉ tiêu của kế hoạch năm 2024:": "Some of the plan's targets for 2024:",
    PLAN_FACTS["online"]: "100% of eligible administrative procedures provided as full online public services.",
    PLAN_FACTS["remote"]: "55% of administrative dossiers submitted online, remotely, by citizens and businesses.",
    PLAN_FACTS["skills"]: "60% of officials and public employees trained in basic digital skills.",
    PLAN_FACTS["economy"]: "The digital economy reaching 16% of the value added in GRDP.",
    PLAN_FACTS["cashless"]: "A cashless-payment street in each of the 17 wards and communes.",
    PLAN_FACTS["ioc"]: (
        "Complete the city's smart-city operations centre (OC Vũng Tàu) and put it into use in the second "
        "quarter of 2024."
    ),
}

CITY_SAMPLES = [
    ("news", "Thành phố ra quân hưởng ứng Ngày Chủ nhật xanh"),
    ("news", "Thành phố tập huấn kỹ năng số cho cán bộ, công chức"),
    ("notice", "Thông báo lấy ý kiến người dân về dự thảo quy định quản lý vỉa hè"),
    ("notice_expired", "Thông báo lịch tiếp công dân tháng trước"),
    ("event", "Ngày hội chuyển đổi số thành phố Vũng Tàu"),
    ("press", "Thông cáo báo chí về kết quả giải quyết thủ tục hành chính quý I"),
    ("press", "Thông cáo báo chí về công tác chuẩn bị mùa du lịch hè"),
    ("news", "Thành phố hướng dẫn người dân thanh toán không dùng tiền mặt"),
]
WARD_SAMPLES = [
    ("news", "{ward} ra quân dọn vệ sinh môi trường khu dân cư"),
    ("notice", "Lịch tạm ngừng cung cấp điện khu vực {ward}"),
    ("notice_expired", "Lịch tiêm chủng mở rộng tại trạm y tế {ward}"),
    ("event", "Tổ công nghệ số cộng đồng {ward} hướng dẫn cài đặt ứng dụng VNeID"),
    ("news", "{ward} hướng dẫn người dân nộp hồ sơ trực tuyến"),
    ("notice", "Thông báo lấy ý kiến về dự thảo kế hoạch chỉnh trang đô thị {ward}"),
    ("press", "Thông cáo báo chí của {ward} về kết quả cải cách hành chính"),
    ("news", "Hội nghị tiếp xúc cử tri tại {ward}"),
]
SAMPLE_TAGS = ["chuyển đổi số", "cải cách hành chính", "môi trường", "y tế", "du lịch", "an sinh xã hội"]
SAMPLE_BODY = (
    "Đây là nội dung mẫu do hệ thống tạo ra để minh họa cách trình bày tin trên cổng thông tin. "
    "Biên tập viên thay nội dung này bằng tin thật, bỏ chọn “Nội dung mẫu” rồi gửi duyệt."
)


def build_demo(structure, stdout, options):
    small = bool(options.get("small"))
    now = timezone.now()
    categories = {category.kind: category for category in NewsCategory.objects.all()}
    city_index = ensure_index(structure.city, "Tin tức", "Tin tức, thông báo, sự kiện của thành phố và 17 phường, xã.")
    ensure_press_page(city_index)
    plan = ensure_plan_news(city_index, categories["news"], now)
    city_samples = CITY_SAMPLES[:3] if small else CITY_SAMPLES
    created = ensure_samples(city_index, "Thành phố", city_samples, categories, now)
    ward_samples = WARD_SAMPLES[:2] if small else WARD_SAMPLES
    # The small build (browser tests) gives samples and English indices to a few wards only.
    sampled = [w for i, w in enumerate(structure.wards) if not small or i < SMALL_WARDS or w.slug == URGENT_WARD_SLUG]
    featured_candidate = None
    for ward in structure.wards:
        ward_index = ensure_index(ward, "Tin tức", f"Tin tức, thông báo của {ward.title}.")
        if ward not in sampled:
            continue
        created += ensure_samples(ward_index, ward.title, ward_samples, categories, now)
        if ward.slug == URGENT_WARD_SLUG:
            created += ensure_urgent_notice(ward_index, ward.title, categories["notice"], now)
        if featured_candidate is None:
            featured_candidate = ward_index.get_children().type(NewsPage).live().first()
    if not city_index.featured_items.exists():
        for order, page in enumerate(p for p in (plan, featured_candidate) if p is not None):
            NewsIndexFeature.objects.create(index_page=city_index, page=page.specific, sort_order=order)
    for unit in [structure.city, *sampled]:
        index = NewsIndexPage.objects.child_of(unit).first()
        translate_page(index, "en", {"Tin tức": "News", index.intro: _english_intro(unit, structure.city)})
    translate_page(plan, "en", PLAN_ENGLISH)
    stdout.write(f"  tin tức: {created} tin mẫu mới")


def _english_intro(unit, city):
    return (
        "News, notices and events of the city and its 17 wards and communes."
        if unit.pk == city.pk
        else ("News and notices of the ward.")
    )


def ensure_index(home, title, intro):
    index = NewsIndexPage.objects.child_of(home).first()
    if index:
        return index
    index = NewsIndexPage(title=title, slug=INDEX_SLUG, intro=intro, show_in_menus=True, summary=intro)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def ensure_press_page(city_index):
    press = PressPage.objects.child_of(city_index).first()
    if press:
        return press
    press = PressPage(
        title="Báo chí",
        slug=PRESS_SLUG,
        intro="Thông cáo báo chí, đầu mối liên hệ và tài liệu dành cho phóng viên.",
        summary="Thông cáo báo chí, đầu mối liên hệ báo chí và tài liệu của UBND thành phố Vũng Tàu.",
    )
    press.contacts = [
        PressContact(
            name="Tin mẫu: Văn phòng HĐND và UBND thành phố",
            role="Đầu mối mẫu – thay bằng người phát ngôn thật",
            phone="0254 000 0000",
            email="baochi@vungtau.example",
        )
    ]
    city_index.add_child(instance=press)
    press.save_revision().publish()
    return press


def ensure_plan_news(city_index, category, now):
    existing = NewsPage.objects.child_of(city_index).filter(slug=PLAN_SLUG).first()
    if existing:
        return existing
    items = [
        {"type": "paragraph", "value": "<p>Một số chỉ tiêu của kế hoạch năm 2024:</p>"},
        {
            "type": "paragraph",
            "value": "<ul>"
            + "".join(f"<li>{PLAN_FACTS[key]}</li>" for key in ("online", "remote", "skills", "economy", "cashless"))
            + "</ul>",
        },
        {"type": "callout", "value": {"kind": "info", "text": f"<p>{PLAN_FACTS['ioc']}</p>"}},
    ]
    page = NewsPage(
        title=PLAN_TITLE,
        slug=PLAN_SLUG,
        category=category,
        date=now,
        lead=PLAN_LEAD,
        body=items,
    )
    city_index.add_child(instance=page)
    page.tags.add("chuyển đổi số", "kế hoạch")
    page.save_revision().publish()
    return page


def _sample_dates(kind, rng, now):
    date = now - timedelta(days=rng.randint(1, 90), hours=rng.randint(0, 12))
    fields = {"date": date}
    if kind == "notice":
        fields.update(
            date=now - timedelta(days=2),
            valid_from=now - timedelta(days=2),
            valid_until=now + timedelta(days=rng.randint(7, 30)),
        )
    elif kind == "notice_expired":
        fields.update(valid_from=date, valid_until=date + timedelta(days=3))
    elif kind == "event":
        start = (now + timedelta(days=rng.randint(5, 40))).replace(hour=8, minute=0, second=0, microsecond=0)
        fields.update(event_start=start, event_end=start + timedelta(hours=3))
    return fields


def ensure_samples(index, unit_title, samples, categories, now):
    rng = random.Random(f"{SEED}:{index.slug}:{unit_title}")
    created = 0
    for number, (kind, title) in enumerate(samples, start=1):
        slug = f"tin-mau-{number}"
        fields = _sample_dates(kind, rng, now)  # drawn for every item, so the sequence never depends on what exists
        tags = rng.sample(SAMPLE_TAGS, 2)
        if NewsPage.objects.child_of(index).filter(slug=slug).exists():
            continue
        category = categories["notice" if kind.startswith("notice") else kind]
        page = NewsPage(
            title=title.format(ward=unit_title),
            slug=slug,
            is_sample=True,
            category=category,
            lead=f"Tin mẫu về {category.name.lower()} của {unit_title}.",
            body=[{"type": "paragraph", "value": f"<p>{SAMPLE_BODY}</p>"}],
            event_place=f"Hội trường UBND {unit_title}" if kind == "event" else "",
            author="Tin mẫu",
            **fields,
        )
        index.add_child(instance=page)
        page.tags.add(*tags)
        page.save_revision().publish()
        created += 1
    return created


def ensure_urgent_notice(index, unit_title, category, now):
    slug = "tin-mau-khan"
    if NewsPage.objects.child_of(index).filter(slug=slug).exists():
        return 0
    page = NewsPage(
        title=f"Cảnh báo áp thấp nhiệt đới, tàu thuyền {unit_title} khẩn trương vào nơi trú ẩn",
        slug=slug,
        is_sample=True,
        category=category,
        date=now,
        valid_from=now,
        valid_until=now + timedelta(days=7),
        is_urgent=True,
        lead="Tin mẫu minh họa thông báo khẩn: băng rôn hiển thị trên mọi trang của cổng phường, xã "
        "trong thời gian hiệu lực.",
        body=[{"type": "paragraph", "value": f"<p>{SAMPLE_BODY}</p>"}],
        author="Tin mẫu",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return 1
