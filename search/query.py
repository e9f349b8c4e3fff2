"""From what a citizen typed to what the backends search for (pure functions, no database).

``clean_query`` makes any input safe (control characters, NUL, unpaired surrogates, length);
``parse_query`` finds a procedure code, drops question words ("cần … gì để …") and keeps the words
to search; ``backend_query`` builds the Wagtail search query, adding the editors' synonyms.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from modelsearch.query import Or, PlainText

from portal.vietnamese import fold_word, nfc, words

MAX_QUERY_LENGTH = 200
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


@dataclass
class ParsedQuery:
    text: str  # the cleaned query as typed (NFC)
    terms: list = field(default_factory=list)  # words to search for (question words dropped)
    code: str | None = None  # a procedure code such as 1.000110
    words: list = field(default_factory=list)  # every word typed (synonyms are matched on these)

    @property
    def search_text(self):
        return " ".join(self.terms)

    @property
    def is_empty(self):
        return not self.terms and not self.code


def clean_query(raw, max_length=MAX_QUERY_LENGTH):
    """NFC text without control or format characters, surrogates or private-use characters,
    whitespace collapsed, cut to ``max_length`` characters at a word boundary."""
    if raw is None:
        return ""
    text = str(raw)
    text = text.encode("utf-8", "replace").decode("utf-8")  # unpaired surrogates become "?"
    text = nfc(text)
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else ch for ch in text
    )
    text = " ".join(text.split())
    if len(text) > max_length:
        text = text[:max_length].rsplit(" ", 1)[0] if " " in text[:max_length] else text[:max_length]
    return text.strip()


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


def parse_query(text):
    """Split a cleaned query into a procedure code (if any) and the words worth searching for."""
    code_match = CODE_RE.search(text)
    all_words = words(text)
    return ParsedQuery(text=text, terms=content_terms(all_words), code=code_match.group(1) if code_match else None,
                       words=all_words)


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
