"""Draw the demo guides' illustrations locally (Pillow + segno), so no screenshot of a real app is invented.

The PNG files are committed under ``guides/data/illustrations/``; regenerate them with
``python -m guides.illustrations`` (needs the DejaVu Sans font, Debian package fonts-dejavu-core).
They are plain drawings that say they are illustrations, never copies of a real application's screen.
"""

from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont

OUTPUT_DIR = Path(__file__).resolve().parent / "data" / "illustrations"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
INK, GREEN, RED, GREY, PAPER = "#1b1f24", "#00703c", "#a1221a", "#c9d2db", "#ffffff"


def _font(size, bold=False):
    return ImageFont.truetype(FONT_BOLD if bold else FONT, size)


def _canvas(width=1200, height=600):
    image = Image.new("RGB", (width, height), PAPER)
    return image, ImageDraw.Draw(image)


def _tick(draw, x, y, size, colour=GREEN):
    draw.line([(x, y + size // 2), (x + size // 3, y + size), (x + size, y)], fill=colour, width=max(6, size // 8))


def _cross(draw, x, y, size, colour=RED):
    width = max(6, size // 8)
    draw.line([(x, y), (x + size, y + size)], fill=colour, width=width)
    draw.line([(x, y + size), (x + size, y)], fill=colour, width=width)


def _address_bar(draw, top, text, good):
    draw.rounded_rectangle([60, top, 1000, top + 110], radius=55, outline=INK, width=5, fill="#f2f5f8")
    draw.text((110, top + 28), text, font=_font(48, bold=True), fill=INK)
    (_tick if good else _cross)(draw, 1050, top + 20, 70)


def address_bar():
    image, draw = _canvas(1200, 420)
    draw.text((60, 40), "Hình minh họa: ô địa chỉ của trình duyệt", font=_font(40), fill=INK)
    _address_bar(draw, 130, "https://dichvucong.gov.vn", good=True)
    draw.text((60, 290), "Tự gõ địa chỉ. Phần cuối phải là .gov.vn", font=_font(40, bold=True), fill=GREEN)
    return image


def real_and_fake_addresses():
    image, draw = _canvas(1200, 540)
    draw.text((60, 40), "Hình minh họa: địa chỉ thật và địa chỉ giả", font=_font(40), fill=INK)
    _address_bar(draw, 120, "dichvucong.gov.vn", good=True)
    draw.text((60, 245), "ĐÚNG: kết thúc bằng .gov.vn", font=_font(38, bold=True), fill=GREEN)
    _address_bar(draw, 330, "dichvuc0ng-gov.example", good=False)
    draw.text((60, 455), "GIẢ: chữ o thành số 0, không kết thúc bằng .gov.vn", font=_font(38, bold=True), fill=RED)
    return image


def qr_payment():
    image, draw = _canvas(1200, 700)
    # A phone outline with a QR code inside; the code only says it is an illustration.
    draw.rounded_rectangle([80, 60, 480, 660], radius=48, outline=INK, width=8)
    qr = segno.make("HINH MINH HOA - KHONG DUNG DE THANH TOAN", error="m")
    qr_path = OUTPUT_DIR / "_qr.png"
    qr.save(qr_path, scale=10, border=2)
    code = Image.open(qr_path).convert("RGB").resize((300, 300), Image.NEAREST)
    image.paste(code, (130, 200))
    qr_path.unlink()
    draw.text((140, 110), "Quét mã QR", font=_font(40, bold=True), fill=INK)
    lines = [
        ("1. Quét mã của người bán", INK),
        ("2. Xem tên người nhận", INK),
        ("3. Hỏi lại người bán: đúng tên?", INK),
        ("4. Nhập số tiền, xác nhận", INK),
        ("Tên lạ: KHÔNG chuyển tiền", RED),
    ]
    for number, (line, colour) in enumerate(lines):
        draw.text((540, 150 + number * 90), line, font=_font(40, bold=colour == RED), fill=colour)
    draw.text((540, 600), "Hình minh họa, không phải mã thật", font=_font(30), fill="#4a5560")
    return image


ILLUSTRATIONS = {
    "dia-chi-dich-vu-cong.png": address_bar,
    "dia-chi-that-va-gia.png": real_and_fake_addresses,
    "quet-ma-qr.png": qr_payment,
}


def main():
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, draw_it in ILLUSTRATIONS.items():
        draw_it().save(OUTPUT_DIR / name, optimize=True)
        print(OUTPUT_DIR / name)


if __name__ == "__main__":
    main()
