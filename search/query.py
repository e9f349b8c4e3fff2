"""From what a citizen typed to what the backends search for (pure functions, no database).

``clean_query`` makes any input safe (control characters, NUL, unpaired surrogates, length);
``parse_query`` finds a procedure code, drops question words ("cần … gì để …") and keeps the words
to search; ``question_of`` reads what a long pasted question asks;
``backend_query`` builds the Wagtail search query, adding the editors' synonyms.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from modelsearch.query import Or, PlainText

from portal.vietnamese import fold, fold_word, nfc, words

# Citizens paste whole questions from Zalo or e-mail: up to this many characters (NFC) are read, a
# longer text is trimmed to it (the page says so); nothing is ever refused for its length.
MAX_QUERY_LENGTH = 2000
# A query with more words than this (question words aside) is a pasted question: it is searched for
# any of its words and ranked by how well titles name what it asks (``Question``), not by every word.
MAX_TERMS = 12
# At most this many of a long question's words are searched for (bounded work whatever the length).
MAX_QUESTION_WORDS = 64
MAX_ALTERNATIVES = 10
CODE_RE = re.compile(r"(?<![\d.])(\d\.\d{6})(?![\d.])")

# Words that make a question a question but say nothing about what is searched for. Written forms
# are dropped whatever their diacritics; folded forms only where no content word folds the same
# ("can" is also "căn" in "căn cước", so it stays when typed without diacritics).
QUESTION_WORDS = {
    "cần", "gì", "để", "làm", "nào", "đâu", "nhiêu", "tôi", "mình", "em", "muốn", "xin", "hỏi", "ạ", "nhé",
    "ơi", "với", "thì", "là", "có", "không", "được", "phải", "những", "các", "cho", "hả", "vậy", "giúp", "cách",
    "ai", "khi", "bị",
}
FOLDED_QUESTION_WORDS = {"gi", "nhieu", "khong", "duoc", "nhung", "giup", "cach", "voi", "nhe", "toi", "muon"}
# Phrases that frame a question about a procedure ("cần những giấy tờ gì", "hồ sơ gồm những gì",
# "mất bao lâu"), matched on folded words; their words are dropped whatever they are.
QUESTION_PHRASES = re.compile(
    r"\b(?:(?:can |phai )?(?:nhung |cac )?(?:giay to|ho so|thu tuc|le phi|chi phi|dieu kien)"
    r"(?: gom| can)?(?: nhung)? (?:gi|nao|nhu the nao|the nao|ra sao|bao nhieu)"
    r"|nhu the nao|the nao|ra sao|o dau|(?:mat |het )?(?:bao lau|bao nhieu tien|bao nhieu ngay|bao nhieu|may ngay)"
    r"|lam sao|lam the nao|la gi|gom nhung gi|gom gi|can gi|thu tuc hanh chinh|thu tuc)\b"
)


# Words that tell a citizen's story around the question ("con tôi mới sinh, vợ chồng tôi đang ở …")
# without naming a procedure. Dropped only from questions with more than ``MAX_TERMS`` words. Words
# typed without diacritics are dropped only where no content word is written the same ("dang" may be
# "đăng", "hon" "hôn", "thang" "Thắng", "nghe" "nghề", "anh" "ảnh").
STORY_WORDS = {
    "và", "ở", "nên", "đang", "mới", "của", "này", "đó", "kia", "rồi", "thế", "nhưng", "mà", "nếu", "hay",
    "hoặc", "sẽ", "đã", "bạn", "chị", "dạ", "vâng", "nhờ", "chào", "cảm", "ơn", "lắm", "rất", "quá", "hiện",
    "nay", "giờ", "bây", "lúc", "nữa", "cũng", "vì", "do", "tại", "đến", "từ", "ra", "vào", "về", "theo", "như",
    "hơn", "nhiều", "ít", "gấp", "luôn", "ngay", "biết", "thấy", "nói", "hôm", "qua", "tuần", "tháng", "năm",
    "ngày", "chưa", "vẫn", "còn", "đều", "chỉ", "thật", "ad", "admin", "nha", "nhá", "hen", "hông", "hok",
    "ko", "k", "dc", "đc", "j", "bn", "sđt", "đt",
}
FOLDED_STORY_WORDS = {
    "va", "nen", "cua", "roi", "neu", "hoac", "chao", "rat", "nua", "luon", "deu", "nay", "gio", "sdt", "dt",
}


@dataclass
class ParsedQuery:
    text: str  # the cleaned query as typed (NFC)
    terms: list = field(default_factory=list)  # words to search for (question words dropped)
    code: str | None = None  # a procedure code such as 1.000110
    words: list = field(default_factory=list)  # every word typed (synonyms are matched on these)
    question: bool = False  # a long pasted question (see ``Question``)

    @property
    def search_text(self):
        return " ".join(self.terms)

    @property
    def is_empty(self):
        return not self.terms and not self.code


def clean_query(raw, max_length=MAX_QUERY_LENGTH):
    """NFC text without control or format characters, surrogates or private-use characters,
    whitespace collapsed, cut to ``max_length`` characters at a word boundary (measured after NFC:
    a decomposed question is as long as the same question composed)."""
    if raw is None:
        return ""
    text = str(raw)[: 4 * max_length]  # bounded work; NFC composes at most a few marks per letter
    text = text.encode("utf-8", "replace").decode("utf-8")  # unpaired surrogates become "?"
    text = nfc(text)
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else ch for ch in text
    )
    text = " ".join(text.split())
    if len(text) > max_length:
        text = text[:max_length].rsplit(" ", 1)[0] if " " in text[:max_length] else text[:max_length]
    return text.strip()


def is_trimmed(raw, max_length=MAX_QUERY_LENGTH):
    """Whether ``clean_query`` had to cut ``raw`` (the page and the API then say so)."""
    return len(clean_query(raw, 2 * max_length)) > max_length


def is_story_word(word):
    return word in STORY_WORDS or (word in FOLDED_STORY_WORDS and word == fold_word(word))


@dataclass
class Question:
    """What a long question asks about, for ranking titles against it: its folded words and pairs of
    consecutive words (Vietnamese names things in pairs and triples: "khai sinh", "hộ kinh doanh"),
    without question and story words and without place names (where the citizen lives says where
    to file, not what)."""

    words: tuple  # folded, each once, in the order asked
    pairs: dict  # folded pair → weight: 2 once the question is asked ("cho tôi hỏi …"), 1 in the story before

    @property
    def word_set(self):
        return frozenset(self.words)

    def leading_pairs(self, limit):
        """Up to ``limit`` pairs, those asked about first (then the story's), in the order asked."""
        return sorted(self.pairs, key=lambda pair: -self.pairs[pair])[:limit]


PLACE_PREFIXES = ("phuong", "xa", "thanh pho", "tp", "tinh", "quan", "huyen", "p")


def _positions_matching(folded, pattern):
    """Indexes of the words (``folded``) that a match of ``pattern`` on the joined words covers."""
    starts, position = [], 0
    for word in folded:
        starts.append(position)
        position += len(word) + 1
    covered = set()
    for match in pattern.finditer(" ".join(folded)):
        covered.update(i for i, start in enumerate(starts) if match.start() <= start < match.end())
    return covered


def question_of(all_words, place_names=(), extra_words=()):
    """The ``Question`` in ``all_words`` (words as typed); ``place_names`` are unit names ("Thắng
    Tam", "Long Sơn", "Vũng Tàu"), removed with the "phường"/"xã"/"thành phố" before them, as is
    "phường 7"; ``extra_words`` (e.g. the words of the editors' synonyms that apply) join the words."""
    folded = [fold_word(word) for word in all_words]
    names = sorted({fold(name) for name in place_names if name}, key=len, reverse=True)
    prefixes = "|".join(PLACE_PREFIXES)
    alternatives = [rf"(?:{prefixes}) \d+"]
    if names:
        alternatives.append(rf"(?:(?:{prefixes}) )?(?:{'|'.join(re.escape(name) for name in names)})")
    places = _positions_matching(folded, re.compile(rf"\b(?:{'|'.join(alternatives)})\b"))
    phrases = _question_phrase_positions(all_words)
    kept = [
        None if i in places or i in phrases or is_question_word(word) or is_story_word(word) else folded[i]
        for i, word in enumerate(all_words)
    ]
    asked = next((i for i, word in enumerate(folded) if word == "hoi"), 0)  # "cho tôi hỏi", "xin hỏi"
    pairs = {}
    for i, pair in enumerate(zip(kept, kept[1:], strict=False)):
        if pair[0] and pair[1]:
            pairs[pair] = max(pairs.get(pair, 0), 2 if i >= asked else 1)
    ordered = dict.fromkeys([w for w in kept if w] + [fold_word(w) for w in extra_words])
    return Question(tuple(ordered), pairs)


def is_question_word(word):
    return word in QUESTION_WORDS or fold_word(word) in FOLDED_QUESTION_WORDS


def _question_phrase_positions(all_words):
    """Indexes of the words that belong to a question phrase (see ``QUESTION_PHRASES``)."""
    return _positions_matching([fold_word(word) for word in all_words], QUESTION_PHRASES)


def content_terms(all_words):
    """The words worth searching for: question phrases and question words dropped; if that leaves
    nothing, every word (a citizen searching "có" means it)."""
    in_phrases = _question_phrase_positions(all_words)
    return [
        word for i, word in enumerate(all_words) if i not in in_phrases and not is_question_word(word)
    ] or list(all_words)


def question_terms(terms):
    """A long question's words worth searching for: without the story around it, numbers (other
    than procedure codes) and repeats, at most ``MAX_QUESTION_WORDS``, as typed."""
    kept, seen = [], set()
    for term in terms:
        folded = fold_word(term)
        number = any(ch.isdigit() for ch in term) and not CODE_RE.fullmatch(term)
        if folded not in seen and not number and not is_story_word(term):
            seen.add(folded)
            kept.append(term)
    return (kept or list(terms))[:MAX_QUESTION_WORDS]


def parse_query(text):
    """Split a cleaned query into a procedure code (if any) and the words worth searching for; a
    query of more than ``MAX_TERMS`` such words is a long question (``question``)."""
    code_match = CODE_RE.search(text)
    all_words = words(text)
    terms = content_terms(all_words)
    question = len(terms) > MAX_TERMS
    return ParsedQuery(text=text, terms=question_terms(terms) if question else terms,
                       code=code_match.group(1) if code_match else None, words=all_words, question=question)


def synonym_alternatives(parsed, rules, limit=MAX_ALTERNATIVES):
    """The query's synonym alternatives as word lists to search for: rules are matched on every word
    typed ("làm hộ chiếu" → "cấp hộ chiếu"), then question words are dropped from each alternative."""
    alternatives = []
    for alternative in expand_synonyms(parsed.words, rules, limit):
        terms = content_terms(alternative)
        if terms != parsed.terms and terms not in alternatives:
            alternatives.append(terms)
    return alternatives


def _replace(terms, source, target):
    """``terms`` with the first occurrence of ``source`` (compared folded) replaced, or ``None``."""
    folded_terms = [fold_word(term) for term in terms]
    folded_source = [fold_word(word) for word in source]
    size = len(folded_source)
    for start in range(len(folded_terms) - size + 1):
        if folded_terms[start : start + size] == folded_source:
            return terms[:start] + list(target) + terms[start + size :]
    return None


def expand_synonyms(terms, rules, limit=MAX_ALTERNATIVES):
    """Alternative word lists for ``terms``: each rule ``(source_words, [target_words…])`` whose
    source occurs in the terms (compared folded) yields the terms with the source replaced; rules
    combine ("cmnd … làm lại" → "căn cước … cấp lại"), at most ``limit`` alternatives."""
    alternatives = []
    for source, targets in rules:
        for base in [terms, *alternatives]:
            for target in targets:
                alternative = _replace(base, source, target)
                if alternative is not None and alternative != terms and alternative not in alternatives:
                    alternatives.append(alternative)
                    if len(alternatives) >= limit:
                        return alternatives
    return alternatives


def all_but_one_query(terms):
    """Pages with every word but (at most) one: ``Or`` of the queries leaving one word out. For a
    mistyped or superfluous word among right ones ("dang ky khia tu")."""
    if len(terms) < 3:
        return backend_query(terms, (), "or")
    return Or([PlainText(" ".join(terms[:i] + terms[i + 1 :]), operator="and") for i in range(len(terms))])


def backend_query(terms, alternatives=(), operator="and"):
    """The Wagtail search query: the terms, or any of their synonym alternatives."""
    queries = [PlainText(" ".join(terms), operator=operator)]
    queries += [PlainText(" ".join(words_), operator=operator) for words_ in alternatives]
    return queries[0] if len(queries) == 1 else Or(queries)
