"""The poster's QR code leads to the street page: decoded with a real decoder (zxing-cpp) and the
served SVG's module matrix compared with segno's encoding of the expected URL."""

import io
import re
from xml.etree import ElementTree

import pytest
import segno
import zxingcpp
from PIL import Image

from tests.conftest import host_of

pytestmark = pytest.mark.django_db


def svg_matrix(svg):
    """Dark modules of a segno SVG ("M x y" then relative "m dx dy" moves and "h n" runs of modules)."""
    root = ElementTree.fromstring(svg)
    path = next(e for e in root.iter("{http://www.w3.org/2000/svg}path") if e.get("class") == "qr-code__modules")
    commands = re.findall(r"([Mmh])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?", path.get("d"))
    size = int(root.get("viewBox").split()[2])
    grid = [[0] * size for _ in range(size)]
    x = y = 0.0
    for command, first, second in commands:
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            for column in range(int(x), int(x + float(first))):
                grid[int(y)][column] = 1
            x += float(first)
    return grid


def trim(grid, border=4):
    return [row[border:-border] for row in grid[border:-border]]


def decode_grid(grid, scale=8):
    size = len(grid)
    image = Image.new("L", (size * scale, size * scale), 255)
    for y, row in enumerate(grid):
        for x, dark in enumerate(row):
            if dark:
                image.paste(0, (x * scale, y * scale, (x + 1) * scale, (y + 1) * scale))
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_poster_qr_svg_encodes_the_street_url(client, ward, street):
    host = host_of(ward)
    response = client.get(f"{street.url}ap-phich/", HTTP_HOST=host)
    assert response.status_code == 200
    expected = f"http://{host}/thanh-toan-khong-dung-tien-mat/ba-cu/"
    assert expected in response.text  # printed under the code too
    svg = re.search(r'<div class="poster__qr">\s*(<svg.*?</svg>)', response.text, re.S).group(1)
    grid = svg_matrix(svg)
    assert trim(grid) == [list(map(int, row)) for row in segno.make(expected, error="m").matrix]
    assert decode_grid(grid) == [expected]
    assert "<title>Mã QR dẫn đến trang Tuyến đường Ba Cu</title>" in svg


def test_qr_png_decodes_to_the_street_url(client, ward, street):
    response = client.get(f"/ma-qr/tuyen-duong/{street.pk}.png", HTTP_HOST=host_of(ward))
    assert response["Content-Type"] == "image/png"
    decoded = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))]
    assert decoded == [f"http://{host_of(ward)}/thanh-toan-khong-dung-tien-mat/ba-cu/"]
    assert client.get(f"/ma-qr/tuyen-duong/{street.pk}.svg").status_code == 200
    assert client.get("/ma-qr/tuyen-duong/999999.png").status_code == 404


def test_poster_sizes_a4_and_a3(client, ward, street):
    a4 = client.get(f"{street.url}ap-phich/", HTTP_HOST=host_of(ward))
    a3 = client.get(f"{street.url}ap-phich/?kho=a3", HTTP_HOST=host_of(ward))
    # The paper size is a named @page of poster.css, chosen by the body class (no inline <style>).
    assert 'class="page-poster poster-a4"' in a4.text and "poster--a4" in a4.text
    assert 'class="page-poster poster-a3"' in a3.text and "poster--a3" in a3.text
    assert "<style" not in a4.text + a3.text
    assert '<meta name="robots" content="noindex">' in a4.text
