"""From what a citizen typed to what the backends search for (pure functions, no database).

``clean_query`` makes any input safe (control characters, NUL, unpaired surrogates, length);
``parse_query`` finds a procedure code, drops question words ("cần … gì để …") and keeps the words
to search; ``focus_terms`` keeps the informative words of a long pasted question;
``backend_query`` builds the Wagtail search query, adding the editors' synonyms.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from modelsearch.query import Or, PlainText

from portal.vietnamese import fold_word, nfc, words

# Citizens paste whole questions from Zalo or e-mail: up to this many characters (NFC) are read, a
# longer text is trimmed to it (the page says so); nothing is ever refused for its length.
MAX_QUERY_LENGTH = 2000
# At most this many words are searched for: a long question keeps its informative ones (``focus_terms``).
MAX_TERMS = 8
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
# without naming a procedure. Dropped only from questions with more than ``MAX_TERMS`` words, where
# not every word can be searched for anyway. Words typed without diacritics are dropped only where
# no content word is written the same ("dang" may be "đăng", "hon" "hôn", "thang" "Thắng", "nghe"
# "nghề", "anh" "ảnh"; such words stay and the informative-word choice decides).
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
    focused: bool = False  # a long question of which only the informative words are searched for

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


def focus_terms(terms, document_frequency=None, limit=MAX_TERMS):
    """At most ``limit`` of ``terms`` (question words already dropped), in the order typed.

    Short queries are searched as typed. A long question first loses the words that tell the story
    around it (``STORY_WORDS``), numbers and repeated words; if it still has too many words, the most
    informative are kept: words the index knows, the rarer first (``document_frequency(folded_word)``
    gives how many documents hold a word, 0 for an unknown word). Without ``document_frequency``
    the first words are kept."""
    if len(terms) <= limit:
        return list(terms)
    kept, seen = [], set()
    for term in terms:
        folded = fold_word(term)
        if folded in seen or is_story_word(term) or (any(ch.isdigit() for ch in term) and not CODE_RE.fullmatch(term)):
            continue
        seen.add(folded)
        kept.append(term)
    kept = kept or list(terms)
    if len(kept) <= limit:
        return kept
    if document_frequency is None:
        return kept[:limit]
    frequencies = [document_frequency(fold_word(term)) for term in kept]

    def priority(index):
        frequency = frequencies[index]
        return (0 if frequency else 1, frequency, index)  # known words, the rarer first; unknown last

    chosen = sorted(sorted(range(len(kept)), key=priority)[:limit])
    return [kept[index] for index in chosen]


def is_question_word(word):
    return word in QUESTION_WORDS or fold_word(word) in FOLDED_QUESTION_WORDS


def _question_phrase_positions(all_words):
    """Indexes of the words that belong to a question phrase (see ``QUESTION_PHRASES``)."""
    folded = [fold_word(word) for word in all_words]
    starts, position = [], 0
    for word in folded:
        starts.append(position)
        position += len(word) + 1
    joined = " ".join(folded)
    dropped = set()
    for match in QUESTION_PHRASES.finditer(joined):
        dropped.update(i for i, start in enumerate(starts) if match.start() <= start < match.end())
    return dropped


def content_terms(all_words):
    """The words worth searching for: question phrases and question words dropped; if that leaves
    nothing, every word (a citizen searching "có" means it)."""
    in_phrases = _question_phrase_positions(all_words)
    return [
        word for i, word in enumerate(all_words) if i not in in_phrases and not is_question_word(word)
    ] or list(all_words)


def parse_query(text, document_frequency=None):
    """Split a cleaned query into a procedure code (if any) and the words worth searching for
    (at most ``MAX_TERMS``, see ``focus_terms``)."""
    code_match = CODE_RE.search(text)
    all_words = words(text)
    terms = content_terms(all_words)
    focused = focus_terms(terms, document_frequency)
    # A long question's synonyms are matched on the words searched for, not on every word typed.
    return ParsedQuery(text=text, terms=focused, code=code_match.group(1) if code_match else None,
                       words=all_words if focused == terms else focused, focused=focused != terms)


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
