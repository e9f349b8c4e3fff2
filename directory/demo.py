"""Demo content of the directory, built by ``bootstrap_portal`` (hook ``portal_bootstrap``).

Real street names in their real wards, but the streets are NOT the ones the city declared cashless
(the plan does not name them): every street is marked ``is_sample`` and titled "(mẫu)", segments and
paths are approximate. Merchants are invented, generated deterministically (``random.Random(SEED)``),
named "… (mẫu)", with "(địa chỉ mẫu)" addresses and no phone numbers. Idempotent: existing pages and
merchants (by key ``mau-NNNN``) are left as they are.
"""

import datetime
import random

from directory import geo
from directory.models import CashlessDirectoryPage, CashlessStreetPage, Category, Merchant, PaymentMethod

SEED = 20240517
FULL_MERCHANTS = 320
SMALL_MERCHANTS = 36
DIRECTORY_TITLE = "Thanh toán không dùng tiền mặt"
DIRECTORY_SLUG = "thanh-toan-khong-dung-tien-mat"
SAMPLE_NOTE = (
    "Dữ liệu mẫu để minh họa danh bạ: tên đường và phường là thật, nhưng đây chưa phải danh sách tuyến "
    "đường do thành phố công bố; đoạn đường và tọa độ là gần đúng."
)

# (ward GSO code, street name, from, to, status, launch date, path [(lat, lon)…])
STREETS = [
    (
        "26508",
        "Thùy Vân",
        "đường Hoàng Hoa Thám",
        "đường Thi Sách",
        "active",
        datetime.date(2023, 9, 2),
        [(10.3430, 107.0930), (10.3465, 107.0951), (10.3500, 107.0971), (10.3535, 107.0992)],
    ),
    (
        "26509",
        "Hạ Long",
        "đường Quang Trung",
        "khu vực Bãi Dứa",
        "active",
        datetime.date(2023, 8, 19),
        [(10.3437, 107.0727), (10.3405, 107.0722), (10.3372, 107.0728), (10.3340, 107.0737)],
    ),
    (
        "26518",
        "Trần Phú",
        "khu vực Bãi Dâu",
        "khu vực Bến Đình",
        "active",
        datetime.date(2023, 10, 14),
        [(10.3640, 107.0635), (10.3675, 107.0616), (10.3710, 107.0606), (10.3745, 107.0611)],
    ),
    (
        "26506",
        "Ba Cu",
        "đường Quang Trung",
        "đường Lý Thường Kiệt",
        "active",
        datetime.date(2023, 11, 25),
        [(10.3462, 107.0742), (10.3480, 107.0770), (10.3497, 107.0798)],
    ),
    (
        "26512",
        "Nam Kỳ Khởi Nghĩa",
        "đường Ba Cu",
        "đường Trương Công Định",
        "planned",
        datetime.date(2024, 9, 2),
        [(10.3500, 107.0790), (10.3515, 107.0803), (10.3530, 107.0816)],
    ),
    (
        "26509",
        "Phan Chu Trinh",
        "đường Hạ Long",
        "đường Thùy Vân",
        "planned",
        datetime.date(2024, 10, 20),
        [(10.3345, 107.0745), (10.3352, 107.0800), (10.3360, 107.0860)],
    ),
    (
        "26526",
        "Nguyễn An Ninh",
        "đường Lê Hồng Phong",
        "đường Bình Giã",
        "planned",
        datetime.date(2024, 12, 1),
        [(10.3580, 107.0880), (10.3610, 107.0910), (10.3640, 107.0935)],
    ),
]

NAME_PARTS = {
    Category.FOOD: ["Quán", "Nhà hàng", "Cà phê", "Bánh khọt", "Hải sản", "Bún chả cá", "Trà sữa"],
    Category.GROCERY: ["Tạp hóa", "Cửa hàng tiện lợi", "Bách hóa"],
    Category.LODGING: ["Khách sạn", "Nhà nghỉ", "Homestay"],
    Category.SERVICES: ["Tiệm cắt tóc", "Giặt ủi", "Sửa xe", "Cho thuê xe máy", "Nhà thuốc"],
    Category.MARKET: ["Sạp hải sản", "Sạp trái cây", "Sạp rau", "Sạp khô cá"],
    Category.SHOPPING: ["Quà lưu niệm", "Thời trang", "Đặc sản"],
}
CATEGORY_WEIGHTS = {
    Category.FOOD: 40,
    Category.GROCERY: 15,
    Category.LODGING: 12,
    Category.SERVICES: 13,
    Category.MARKET: 10,
    Category.SHOPPING: 10,
}
NAMES = [
    "Hải Âu",
    "Bình Minh",
    "Sóng Biển",
    "Ngọc Lan",
    "Hoa Sứ",
    "Biển Xanh",
    "Mai Vàng",
    "Thanh Bình",
    "Gió Biển",
    "Cát Trắng",
    "Hướng Dương",
    "Phương Nam",
    "Sao Mai",
    "Hồng Ân",
    "Tân Thành",
    "Phúc Lộc",
    "An Khang",
    "Thịnh Vượng",
    "Ngọc Bích",
    "Trường Sa",
]
HOURS = [
    "6:00 – 22:00 hằng ngày",
    "7:00 – 21:00",
    "Cả ngày (24/7)",
    "5:30 – 11:00 và 15:00 – 21:00",
    "8:00 – 22:00, nghỉ thứ Hai",
]


def _ward_directory(ward, stdout):
    page = CashlessDirectoryPage.objects.child_of(ward).first()
    if page:
        return page
    page = CashlessDirectoryPage(
        title=DIRECTORY_TITLE,
        slug=DIRECTORY_SLUG,
        show_in_menus=True,
        summary=f"Tuyến đường và cửa hàng thanh toán không dùng tiền mặt của {ward.title}.",
        intro=f"<p>Tuyến đường và cửa hàng nhận thanh toán bằng mã QR, thẻ và ví điện tử tại {ward.title}.</p>",
    )
    ward.add_child(instance=page)
    page.save_revision().publish()
    stdout.write(f"  + danh bạ thanh toán không dùng tiền mặt – {ward.title}")
    return page


def ensure_city_directory(city, stdout):
    page = CashlessDirectoryPage.objects.child_of(city).first()
    if page:
        return page
    page = CashlessDirectoryPage(
        title=DIRECTORY_TITLE,
        slug=DIRECTORY_SLUG,
        show_in_menus=True,
        summary="Tìm tuyến đường và cửa hàng ở Vũng Tàu nhận thanh toán bằng mã QR, thẻ ngân hàng và ví điện tử.",
        intro=(
            "<p>Năm 2023 thành phố có 04 tuyến đường thanh toán không dùng tiền mặt và hơn 1.126 cửa hàng "
            "tạo mã QR nhận chuyển khoản. Mục tiêu năm 2024: 17/17 phường, xã xây dựng tuyến đường thanh toán "
            "không dùng tiền mặt.</p>"
        ),
    )
    city.add_child(instance=page)
    page.save_revision().publish()
    stdout.write("  + danh bạ thanh toán không dùng tiền mặt (thành phố)")
    return page


def build_demo(structure, stdout, small=False):
    ensure_city_directory(structure.city, stdout)
    wards = {ward.gso_code: ward for ward in structure.wards}
    streets = []
    for code, name, start, end, status, launched, points in STREETS:
        ward = wards.get(code)
        if ward is None:
            continue
        directory = _ward_directory(ward, stdout)
        street = CashlessStreetPage.objects.child_of(directory).filter(street_name=name).first()
        if street is None:
            street = CashlessStreetPage(
                title=f"Tuyến đường {name} (mẫu)",
                slug=geo_slug(name),
                street_name=name,
                segment_from=start,
                segment_to=end,
                status=status,
                launch_date=launched,
                path_text=geo.format_path(points),
                is_sample=True,
                summary=f"Đoạn {start} – {end}, {ward.title}. {SAMPLE_NOTE}",
            )
            directory.add_child(instance=street)
            street.save_revision().publish()
            stdout.write(f"  + tuyến đường mẫu {name} – {ward.title}")
        streets.append(street)
    count = build_sample_merchants(streets, SMALL_MERCHANTS if small else FULL_MERCHANTS)
    if count:
        stdout.write(f"  + {count} cửa hàng mẫu")


def geo_slug(name):
    from portal.vietnamese import slugify_vi

    return slugify_vi(name)


def build_sample_merchants(streets, total):
    """Create the missing ``mau-NNNN`` sample merchants along the streets; returns how many were created."""
    if not streets:
        return 0
    existing = set(Merchant.objects.filter(key__startswith="mau-").values_list("key", flat=True))
    methods = list(PaymentMethod.objects.order_by("sort_order"))
    by_code = {m.code: m for m in methods}
    rng = random.Random(SEED)
    categories = list(CATEGORY_WEIGHTS)
    weights = [CATEGORY_WEIGHTS[c] for c in categories]
    active = [s for s in streets if s.is_active]
    created = 0
    for number in range(1, total + 1):
        # Draw everything first so each record is the same whether or not earlier ones exist.
        street = rng.choice(active) if (active and rng.random() < 0.85) else rng.choice(streets)
        category = rng.choices(categories, weights)[0]
        prefix = rng.choice(NAME_PARTS[category])
        base = rng.choice(NAMES)
        fraction = rng.random()
        offset_lat, offset_lon = rng.uniform(-0.0004, 0.0004), rng.uniform(-0.0004, 0.0004)
        house = rng.randint(1, 250)
        chosen = {"vietqr"} | {code for code in ("the", "momo", "zalopay", "vnpay", "shopeepay") if rng.random() < 0.35}
        hours = rng.choice(HOURS)
        verified_days = rng.randint(0, 300)
        key = f"mau-{number:04d}"
        if key in existing:
            continue
        lat, lon = geo.interpolate(street.points, fraction)
        merchant = Merchant(
            key=key,
            name=f"{prefix} {base} {number} (mẫu)",
            category=category,
            ward_id=street.ward_id,
            street=street,
            address=f"Số {house} {street.street_name} (địa chỉ mẫu)",
            latitude=round(lat + offset_lat, 6),
            longitude=round(lon + offset_lon, 6),
            opening_hours=hours,
            verified_on=datetime.date(2024, 1, 2) + datetime.timedelta(days=verified_days),
            published=True,
            is_sample=True,
            source="sample",
        )
        merchant.save()
        merchant.payment_methods.set([by_code[code] for code in chosen if code in by_code])
        created += 1
    return created
