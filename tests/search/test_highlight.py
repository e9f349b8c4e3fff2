from search.highlight import highlight, snippet


def test_highlight_marks_folded_matches_and_escapes():
    html = highlight("Đăng ký <b>khai sinh</b>", ["dang", "ky"])
    assert html == "<mark>Đăng</mark> <mark>ký</mark> &lt;b&gt;khai sinh&lt;/b&gt;"


def test_highlight_matches_iy_variants():
    assert highlight("đăng ký", ["kí"]) == "đăng <mark>ký</mark>"


def test_snippet_centres_on_the_matches():
    text = "Phần mở đầu dài. " * 30 + "Hồ sơ gồm tờ khai đăng ký kết hôn theo mẫu. " + "Phần cuối. " * 30
    html = snippet(text, ["ket", "hon"])
    assert "<mark>kết</mark> <mark>hôn</mark>" in html
    assert html.startswith("… ") and html.endswith(" …")
    assert len(html) < 400


def test_snippet_strips_html_and_escapes_text():
    assert snippet("<p>A &amp; <script>x</script> sinh</p>", ["sinh"]) == "A &amp; x <mark>sinh</mark>"


def test_snippet_without_match_starts_at_the_beginning():
    assert snippet("Không liên quan", ["zzz"]) == "Không liên quan"
