"""Does a measure's value appear in its own evidence phrase?

Reads the numbers a phrase states: "1.3bn", "over 113 million", "91.3%", "nearly 62 million",
"81.518.334", "10 millones", "ten", with the hedge words that qualify them ("over", "nearly").
"""

from __future__ import annotations

import re

SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "mila": 1e3,
    "mil": 1e3,
    "tausend": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "millionen": 1e6,
    "millones": 1e6,
    "milioni": 1e6,
    "milhões": 1e6,
    "milhoes": 1e6,
    "mio": 1e6,
    "millón": 1e6,
    "milione": 1e6,
    "juta": 1e6,
    "lakh": 1e5,
    "crore": 1e7,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "milliarden": 1e9,
    "miliardi": 1e9,
    "milliards": 1e9,
    "mil millones": 1e9,
    "trillion": 1e12,
    "milyon": 1e6,
    "milyondan": 1e6,
    "milyar": 1e9,
    "triệu": 1e6,
    "tỷ": 1e9,
    "млн": 1e6,
    "млрд": 1e9,
    "тыс": 1e3,
    "тысяча": 1e3,
    "тысячи": 1e3,
    "тысяч": 1e3,
    "миллион": 1e6,
    "миллиона": 1e6,
    "миллионов": 1e6,
    "миллиард": 1e9,
    "миллиарда": 1e9,
    "миллиардов": 1e9,
    "মিলিয়ন": 1e6,
}
FRACTIONS = {
    "a third": 100 / 3,
    "one third": 100 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "half": 50.0,
    "a half": 50.0,
}
DIGITS = str.maketrans("০১২৩৪৫৬৭৮৯٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "zwei": 2,
    "drei": 3,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
WORDS = {**UNITS, **TENS, "hundred": 100, "a dozen": 12}
WORDS |= {f"{t}-{u}": TENS[t] + UNITS[u] for t in TENS for u in list(UNITS)[:9]}
NUMBER = re.compile(
    r"(?P<num>\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"\s*[-+]?\s*(?P<scale>mil millones|\S+)?",
)


def _parse(text: str) -> set[float]:
    """Every reading of a written number: '81.518.334' -> 81518334; '91,3' -> 91.3; '1.875' is
    both 1875 (a thousands separator) and 1.875 (a decimal point)."""
    groups = re.split(r"[ ,.\u00a0\u202f]", text)
    readings = set()
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        readings.add(float("".join(groups)))
    if len(groups) > 2 and all(len(g) == 3 for g in groups[1:-1]):
        readings.add(float("".join(groups[:-1]) + "." + groups[-1]))
    if len(groups) == 2:
        readings.add(float(groups[0] + "." + groups[1]))
    if len(groups) == 1:
        readings.add(float(text))
    return readings


def _scale(word: str) -> float | None:
    """The factor a scale word stands for; a long word may carry an ending ('milyondan')."""
    if word in SCALE:
        return SCALE[word]
    for key, factor in SCALE.items():
        if len(key) >= 3 and word.startswith(key):
            return factor
    return None


def _digits(lowered: str) -> set[float]:
    """Numbers written in digits, with and without the scale word after them."""
    found = set()
    for match in NUMBER.finditer(lowered):
        try:
            readings = _parse(match.group("num"))
        except ValueError:
            continue
        factor = _scale((match.group("scale") or "").strip(".,;:!?)»\"'"))
        found |= readings | ({v * factor for v in readings} if factor else set())
    return found


def _ratios(lowered: str) -> set[float]:
    """Shares in words: 'a third', 'one in four', '4 in 10' (as percentages)."""
    found = {round(v, 1) for share, v in FRACTIONS.items() if re.search(rf"\b{share}\b", lowered)}
    for x, y in re.findall(r"\b(\w+) in (\w+)\b", lowered):
        try:
            found.add(round(100 * float(WORDS.get(x, x)) / float(WORDS.get(y, y)), 1))
        except (ValueError, ZeroDivisionError):
            pass
    return found


def _words(lowered: str) -> set[float]:
    """Numbers written in words, with a scale word after them ('two million')."""
    found = set()
    for word, value in WORDS.items():
        if re.search(rf"\b{word}\b", lowered):
            found.add(float(value))
            found |= {
                value * f
                for s, f in SCALE.items()
                if re.search(rf"\b{word}\s+{re.escape(s)}", lowered)
            }
    return found


def numbers(phrase: str) -> set[float]:
    """Every value the phrase states, with and without its scale word."""
    lowered = phrase.lower().translate(DIGITS)
    return _digits(lowered) | _ratios(lowered) | _words(lowered)


def states(phrase: str, value: float, tolerance: float = 1e-9) -> bool:
    """Whether the phrase states this value (exactly, or as its scaled form)."""
    return any(abs(value - n) <= tolerance * max(abs(value), 1.0) for n in numbers(phrase))
