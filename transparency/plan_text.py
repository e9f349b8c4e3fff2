"""Turn a plain-text administrative document (the seed plan) into rich-text HTML, losing no words.

- blocks are separated by blank lines; a block starting with a lower-case letter continues the
  previous one (a page break in the source, e.g. "của Ủy ban" / "nhân dân tỉnh");
- "Phần I" + its title → ``<h2>``; "I. CƠ SỞ PHÁP LÝ" → ``<h3>``; short numbered titles such as
  "1.1. Về thanh toán không sử dụng tiền mặt" → one level below the last part or roman heading per
  number depth ("1." under a part → ``<h3>``, "1.1." → ``<h4>``), never deeper than ``<h4>``;
- lines starting with "- " → list items (consecutive ones form one list);
- ``**…**`` (the signature block) → bold; other upper-case lines → bold paragraphs.
"""

import re

from django.utils.html import escape

PART = re.compile(r"^Phần\s+[IVXLC]+$")
ROMAN_HEADING = re.compile(r"^[IVXLC]+\.\s+\S")
NUMBERED_HEADING = re.compile(r"^(?P<number>\d+(?:\.\d+)*)\.\s+\S.*$")
BLANK_LINES = re.compile(r"\n\s*\n")


def _blocks(text):
    blocks = []
    for raw in BLANK_LINES.split(text.replace("\r\n", "\n")):
        block = raw.strip()
        if not block:
            continue
        if blocks and block[0].islower():
            blocks[-1] = f"{blocks[-1]} {block}"
        else:
            blocks.append(block)
    return blocks


def _is_list(block):
    return all(line.startswith("- ") for line in block.split("\n"))


def _is_upper(text):
    return any(char.isalpha() for char in text) and text == text.upper()


def _join_lines(block):
    return " ".join(line.strip() for line in block.split("\n"))


def to_html(text):
    html, items, blocks = [], [], _blocks(text)

    def flush_list():
        if items:
            html.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>")
            items.clear()

    index, section_level = 0, 1
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if _is_list(block):
            items.extend(_join_lines(line[2:]) for line in block.split("\n"))
            continue
        flush_list()
        single = _join_lines(block)
        if PART.match(single) and index < len(blocks) and _is_upper(blocks[index]):
            html.append(f"<h2>{escape(single)}. {escape(_join_lines(blocks[index]))}</h2>")
            index, section_level = index + 1, 2
        elif ROMAN_HEADING.match(single) and _is_upper(single):
            html.append(f"<h3>{escape(single)}</h3>")
            section_level = 3
        elif (match := NUMBERED_HEADING.match(single)) and len(single) <= 100 and not single.endswith(
            (".", ";", ":", ",")
        ):
            level = min(section_level + match.group("number").count(".") + 1, 4)
            html.append(f"<h{level}>{escape(single)}</h{level}>")
        elif block.startswith("**") and block.endswith("**"):
            lines = [escape(line.strip()) for line in block.strip("*").split("\n")]
            html.append("<p><b>" + "<br/>".join(lines) + "</b></p>")
        elif _is_upper(single) and len(single) <= 100:
            html.append(f"<p><b>{escape(single)}</b></p>")
        else:
            html.append(f"<p>{escape(single)}</p>")
    flush_list()
    return "".join(html)
