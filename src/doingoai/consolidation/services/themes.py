"""The communes' difficulties and recommendations grouped by theme, for the province's own report.

Ninety communes write "cán bộ kiêm nhiệm, chưa được đào tạo" ninety ways. The
province writes it once, with the communes that raised it named. This module
cuts each section into statements (a line, a sentence, or a clause between
semicolons: Vietnamese administrative prose lists its points with ";"), and
groups statements that say the same thing:

- each statement is reduced to what it is about: lower case, the commune's own
  name and the level words (xã, phường, tỉnh...) left out, and the words every
  such sentence shares whatever its theme (function words, "công tác", "đối
  ngoại", "còn hạn chế", "đề nghị"...) dropped;
- the rest is weighed by TF-IDF over syllables and syllable bigrams
  (scikit-learn, BSD-3-Clause), so that a word many statements use counts for
  little and a word few use ("kiêm nhiệm", "kinh phí") counts for much;
- statements are joined by agglomerative clustering with average linkage on
  the cosine distance, stopping at ``THRESHOLD``: two groups merge only while
  their statements are, on average, close enough.

The threshold was chosen on the five real reports in shared/seeds (their
difficulties, causes, plans and recommendations, each statement given a theme
by hand) and is checked there and on real reports of other offices by
consolidation/tests/test_themes.py.

>>> [s.text for s in statements_of("1. Kinh phí còn hạn hẹp; cán bộ kiêm nhiệm.\\n- Không có", unit="Xã A")]
['Kinh phí còn hạn hẹp', 'cán bộ kiêm nhiệm']
"""

import re
import unicodedata
from dataclasses import dataclass, field

THRESHOLD = 0.9  # cosine distance at which two groups stop merging (average linkage)
MIN_WORDS = 2  # a statement needs at least this many syllables, and one word that is its own after reduction

# "1.", "2)", "a)", "đ)", "-", "+", "•": list markers at the start of a line.
_MARKER = re.compile(r"^\s*(?:[-–—•*+]+|\(?\d+(?:\.\d+)*[.)]|\d{1,2}\s(?=[A-ZÀ-ỸĐ])|\(?[a-zđ][.)])\s*", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ỸĐ\"“(])")
_CLAUSE = re.compile(r"\s*;\s*")
_EDGE = " \t.,;:!?…-–—*\"“”'()"
# Discourse markers that open a sentence and belong to no theme: dropped from the sentence a group prints.
_OPENER = re.compile(
    r"^(?:bên cạnh đó|đồng thời|ngoài ra|tuy nhiên|mặt khác|do đó|vì vậy|trong đó|cụ thể)\s*,?\s*", re.IGNORECASE
)

# Level words and bodies: who speaks or is addressed, not what is said ("xã hội" is a word of its own).
_LEVELS = re.compile(
    r"\b(?:ủy ban nhân dân|ubnd|hđnd|sở ngoại vụ|bộ ngoại giao|văn phòng|xã(?! hội)|phường|đặc khu|thị trấn|huyện"
    r"|tỉnh|thành phố|thôn|xóm|tổ dân phố)\b"
)
# Words any difficulty, plan or recommendation of the field uses, whatever it is about.
_SHARED_PHRASES = (
    "công tác",
    "đối ngoại",
    "hoạt động",
    "hạn chế",
    "khó khăn",
    "vướng mắc",
    "tồn tại",
    "nhất định",
    "hiệu quả",
    "thực hiện",
    "triển khai",
    "địa phương",
    "địa bàn",
    "bên cạnh đó",
    "đồng thời",
    "ngoài ra",
    "tuy nhiên",
    "mặt khác",
    "một số",
    "nhiều",
    "chủ yếu",
    "thường xuyên",
    "đáp ứng",
    "yêu cầu",
    "nhiệm vụ",
    "tình hình",
    "thời gian qua",
    "quá trình",
    "kịp thời",
    "đề nghị",
    "kiến nghị",
    "đề xuất",
    "tiếp tục",
    "tăng cường",
    "đẩy mạnh",
    "nâng cao",
    "quan tâm",
    "tạo điều kiện",
)
_SHARED = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _SHARED_PHRASES), key=len, reverse=True)) + r")\b")
_FUNCTION_WORDS = frozenset(
    "các của và với trong cho được là có không những một này đó để từ theo về tại nên do vì còn chưa đã đang sẽ rất ít "
    "hơn cũng đều lúc khi như thì mà nhưng hoặc hay bị phải vẫn đến trên dưới ra vào lại sự việc cần mới hết cả "
    "nào gì đây ấy thêm nữa qua bằng hiện nay".split()
)


@dataclass(frozen=True)
class Statement:
    """One point a commune made, as it wrote it, and where it wrote it."""

    text: str
    unit: str  # the commune as the province's report names it: "Xã Minh Long"
    unit_id: int | None = None
    report_id: int | None = None
    own_name: str = ""  # the commune's short name ("Minh Long"), left out when comparing

    @property
    def sentence(self) -> str:
        """The statement as a sentence of the province's report: no opening connective, a capital, a full stop."""
        text = _OPENER.sub("", self.text).strip(_EDGE)
        return (text[:1].upper() + text[1:] + ".") if text else ""


@dataclass
class Theme:
    """Statements that say the same thing; the one closest to all the others speaks for them."""

    statements: list[Statement]
    representative: Statement
    units: list[str] = field(default_factory=list)  # distinct communes, in the order they first raised it

    def to_json(self) -> dict:
        return {
            "sentence": self.representative.sentence,
            "units": self.units,
            "statements": [
                {"text": s.text, "unit": s.unit, "unit_id": s.unit_id, "report": s.report_id} for s in self.statements
            ],
        }


def statements_of(
    text: str, *, unit: str, unit_id: int | None = None, report_id: int | None = None, own_name: str = ""
) -> list[Statement]:
    """The points of a section's text: its lines, their sentences, their clauses between semicolons.

    A line that only introduces a list ("Các cấp có liên quan:") and a fragment
    of fewer than MIN_WORDS syllables are not points.
    """
    found = []
    for line in unicodedata.normalize("NFC", text or "").splitlines():
        line = _MARKER.sub("", line.strip().replace("**", "")).strip()
        if not line or line.endswith(":"):
            continue
        for sentence in _SENTENCE.split(line):
            for clause in _CLAUSE.split(sentence):
                clause = clause.strip(_EDGE)
                if len(clause.split()) >= MIN_WORDS and _reduced(clause, own_name):
                    found.append(Statement(clause, unit, unit_id, report_id, own_name))
    return found


def _reduced(text: str, own_name: str = "") -> str:
    """What a statement is about: lower case, without its speaker, the field's shared words or function words."""
    text = unicodedata.normalize("NFC", text).lower()
    if own_name:
        text = text.replace(own_name.lower(), " ")
    text = _SHARED.sub(" ", _LEVELS.sub(" ", text))
    return " ".join(w for w in re.findall(r"\w+", text) if w not in _FUNCTION_WORDS and not w.isdigit())


def themes_group(
    statements: list[Statement], *, background: list[Statement] = (), threshold: float = THRESHOLD
) -> list[Theme]:
    """Group statements by theme; the themes raised by the most communes come first.

    ``background`` is the rest of what the same reports say (every section):
    a word found all over them ("phát triển kinh tế - xã hội") tells no theme
    apart, and weighs little. Every statement lands in exactly one theme; a
    statement nothing resembles is a theme of its own.
    """
    statements = [s for s in statements if s.text.strip()]
    if not statements:
        return []
    texts = [_reduced(s.text, s.own_name) for s in statements]
    labels, similarity = _clusters(texts, [_reduced(s.text, s.own_name) for s in background], threshold)
    members: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        members.setdefault(label, []).append(index)
    themes = []
    for indexes in members.values():
        group = [statements[i] for i in indexes]
        units = list(dict.fromkeys(s.unit for s in group))
        # The medoid: the statement most like the others; among equals the shortest reads best.
        best = max(indexes, key=lambda i: (sum(similarity[i][j] for j in indexes), -len(statements[i].text)))
        themes.append((indexes[0], Theme(group, statements[best], units)))
    themes.sort(key=lambda item: (-len(item[1].units), -len(item[1].statements), item[0]))
    return [theme for _, theme in themes]


def _clusters(texts: list[str], background: list[str], threshold: float) -> tuple[list[int], list[list[float]]]:
    """Cluster labels and the cosine similarity matrix of the reduced texts, weighed over texts and background."""
    if len(texts) == 1:
        return [0], [[1.0]]
    # Imported here: scikit-learn takes a second to load, and only composing needs it.
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    try:
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b", sublinear_tf=True)
        vectors = vectorizer.fit([*texts, *background]).transform(texts)
    except ValueError:  # nothing left to compare once the shared words are gone
        return list(range(len(texts))), [[1.0 if i == j else 0.0 for j in range(len(texts))] for i in range(len(texts))]
    similarity = cosine_similarity(vectors)
    distance = (1.0 - similarity).clip(min=0.0)
    for i in range(len(texts)):
        distance[i][i] = 0.0
    clustering = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    ).fit(distance)
    return [int(label) for label in clustering.labels_], similarity.tolist()
