"""Make the reader's test corpus: synthetic reports with their gold, and other renderings.

* ``synthetic_reports(count, seed)`` writes reports the reader has never seen:
  other communes and provinces (drawn from vietnamadminunits), other years and
  periods, other numbering styles (A./I./1., 1./1.1./a., markdown), other
  phrasings of headings and facts, numbers written ``1.221``, ``8199``, ``02``,
  ``trên 53 tỷ đồng``, zeros as sentences, estimates "ước đến hết kỳ". Each
  comes with its gold contract, built from what was generated.
* ``text_to_docx(text, gold, path)`` lays a text report out as a Word file in
  the official layout (header table, bold headings, Nơi nhận/signature table).
* ``docx_to_pdf`` (LibreOffice) and ``scan_pdf`` (200 dpi, noise, then a
  scanned PDF without text layer).

Run ``python -m doingoai.lib.reader.tests.corpus.generate OUT_DIR`` to write
the synthetic .txt/.json pairs (the committed ones live in ``synthetic/``).
"""

import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from doingoai.lib.vn import format_number

HERE = Path(__file__).parent
COUNTRIES = ("Lào", "Hàn Quốc", "Nhật Bản", "Campuchia", "Úc", "Pháp", "Thái Lan", "Đức")
NAMES = ("Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Quang Vinh", "Phạm Minh Tuấn", "Hoàng Thị Lan", "Đỗ Văn Nam")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n")
UPPER = ("A", "B", "C", "D", "Đ", "E", "G")

HEADINGS = {
    "situation": ("Đặc điểm tình hình", "Bối cảnh tình hình", "Tình hình chung", "ĐẶC ĐIỂM, TÌNH HÌNH"),
    "direction": (
        "Công tác lãnh đạo, chỉ đạo",
        "Công tác chỉ đạo, điều hành",
        "Công tác quán triệt, triển khai các chủ trương về đối ngoại",
    ),
    "results": (
        "Kết quả thực hiện công tác đối ngoại {p}",
        "KẾT QUẢ TRIỂN KHAI CÁC MẶT CÔNG TÁC ĐỐI NGOẠI",
        "Kết quả đạt được",
    ),
    "delegations": ("Công tác quản lý đoàn ra, đoàn vào", "Đoàn ra, đoàn vào", "Tổ chức và đón tiếp đoàn ra, đoàn vào"),
    "international_agreements": ("Ký kết và thực hiện thỏa thuận quốc tế", "Công tác thỏa thuận quốc tế"),
    "international_cooperation": ("Hợp tác quốc tế", "Quan hệ hợp tác với các địa phương nước ngoài"),
    "international_conferences": ("Tổ chức hội nghị, hội thảo quốc tế", "Quản lý hội nghị, hội thảo quốc tế"),
    "ngo_aid": ("Vận động, quản lý và sử dụng viện trợ PCPNN", "Công tác viện trợ phi chính phủ nước ngoài"),
    "economic_diplomacy": ("Ngoại giao kinh tế", "Công tác ngoại giao kinh tế, thu hút đầu tư"),
    "cultural_diplomacy": ("Ngoại giao văn hóa", "Công tác văn hóa đối ngoại"),
    "external_information": ("Thông tin đối ngoại", "Công tác thông tin đối ngoại, tuyên truyền biển, đảo"),
    "consular_affairs": ("Công tác lãnh sự, bảo hộ công dân", "Quản lý người nước ngoài và công tác lãnh sự"),
    "overseas_vietnamese": ("Công tác người Việt Nam ở nước ngoài", "Công tác đối với kiều bào"),
    "training": ("Đào tạo, bồi dưỡng kiến thức đối ngoại", "Công tác tập huấn, bồi dưỡng nghiệp vụ đối ngoại"),
    "commendations": ("Công tác khen thưởng", "Tiếp nhận khen thưởng của nước ngoài"),
    "difficulties": ("Khó khăn, vướng mắc", "Tồn tại, hạn chế", "Những khó khăn, hạn chế"),
    "causes": ("Nguyên nhân", "Nguyên nhân của hạn chế"),
    "plans": ("Phương hướng, nhiệm vụ {n}", "Nhiệm vụ trọng tâm {n}", "Kế hoạch công tác đối ngoại {n}"),
    "recommendations": ("Kiến nghị, đề xuất", "Đề xuất, kiến nghị", "Giải pháp và kiến nghị"),
}
PROSE = {
    "situation": "Tình hình kinh tế - xã hội của địa phương ổn định; an ninh chính trị, trật tự an toàn xã hội được giữ vững.",
    "direction": "Cấp ủy, chính quyền quán triệt các văn bản của cấp trên về công tác đối ngoại và hội nhập quốc tế.",
    "international_cooperation": "Duy trì quan hệ hữu nghị với các địa phương của {c}, trao đổi thư chúc mừng nhân dịp lễ, Tết.",
    "cultural_diplomacy": "Giới thiệu lễ hội truyền thống và sản phẩm OCOP của địa phương tới bạn bè quốc tế.",
    "external_information": "Đăng tải tin, bài về chủ quyền biển, đảo trên trang thông tin điện tử của {u}.",
    "overseas_vietnamese": "Nắm tình hình thân nhân kiều bào, vận động bà con hướng về quê hương.",
    "difficulties": "Cán bộ làm công tác đối ngoại kiêm nhiệm, chưa có nhiều kinh nghiệm; kinh phí còn hạn chế.",
    "causes": "Địa bàn rộng, nguồn lực còn hạn chế, chưa được tập huấn thường xuyên.",
    "plans": "Tiếp tục quán triệt chủ trương đối ngoại của Đảng; tăng cường quản lý đoàn ra, đoàn vào.",
    "recommendations": "Đề nghị Sở Ngoại vụ mở lớp tập huấn nghiệp vụ đối ngoại cho cán bộ cấp xã.",
}

# Fact statements: (indicator, mode) -> variants; {n} the number as written, {c} a country.
FACTS = {
    "delegations": {
        ("delegations_out", "number"): (
            "Trong kỳ, {u} tổ chức {n} đoàn ra đi học tập kinh nghiệm tại {c}.",
            "Số đoàn ra: {n} đoàn.",
            "Cử {n} đoàn cán bộ đi công tác nước ngoài.",
        ),
        ("delegations_out", "zero"): (
            "Không có đoàn ra trong kỳ báo cáo.",
            "Địa phương không cử đoàn đi công tác nước ngoài.",
        ),
        ("delegations_in_foreign", "number"): (
            "Đã tiếp đón {n} đoàn khách nước ngoài đến thăm và làm việc.",
            "Đoàn vào: {n} đoàn.",
            "Tiếp {n} đoàn/{m} lượt người nước ngoài.",
        ),
        ("delegations_in_foreign", "zero"): ("Không có đoàn nước ngoài đến làm việc tại địa phương.",),
        ("delegations_in_domestic", "number"): ("Tiếp {n} đoàn trong nước đến thăm, trao đổi kinh nghiệm.",),
    },
    "international_agreements": {
        ("agreements_signed", "number"): ("Trong kỳ, đã ký kết {n} thỏa thuận quốc tế với địa phương của {c}.",),
        ("agreements_signed", "zero"): (
            "Không ký kết thỏa thuận quốc tế nào trong kỳ.",
            "Chưa phát sinh việc ký kết thỏa thuận quốc tế.",
        ),
    },
    "international_conferences": {
        ("conferences_international", "number"): ("Phối hợp tổ chức {n} hội thảo quốc tế về phát triển nông nghiệp.",),
        ("conferences_international", "zero"): ("Trên địa bàn không tổ chức hội nghị, hội thảo quốc tế.",),
    },
    "ngo_aid": {
        ("ngo_projects", "number"): (
            "Hiện có {n} dự án viện trợ phi chính phủ nước ngoài đang triển khai trên địa bàn.",
        ),
        ("ngo_projects", "zero"): ("Trong kỳ không tiếp nhận viện trợ phi chính phủ nước ngoài.",),
        ("ngo_aid_value_vnd", "money"): ("Tổng giá trị viện trợ giải ngân đạt {money}.",),
        ("ngo_beneficiaries", "number"): ("Các dự án mang lại lợi ích cho {n} người hưởng lợi.",),
    },
    "economic_diplomacy": {
        ("fdi_projects", "number"): ("Trên địa bàn có {n} dự án FDI còn hiệu lực.",),
        ("fdi_projects", "zero"): ("Chưa có dự án đầu tư trực tiếp nước ngoài (FDI) trên địa bàn.",),
        ("oda_projects", "number"): ("Đang triển khai {n} dự án ODA về hạ tầng nông thôn.",),
        ("foreigners_resident", "number"): (
            "Hiện có {n} người nước ngoài đang cư trú, làm việc tại các doanh nghiệp.",
        ),
    },
    "external_information": {
        ("foreign_press_activities", "number"): ("Hỗ trợ {n} lượt phóng viên nước ngoài đến tác nghiệp.",),
        ("foreign_press_activities", "zero"): ("Không có hoạt động báo chí nước ngoài trên địa bàn.",),
    },
    "consular_affairs": {
        ("consular_cases", "number"): ("Phối hợp giải quyết {n} vụ việc bảo hộ công dân.",),
        ("consular_cases", "zero"): ("Không phát sinh vụ việc lãnh sự nào.",),
        ("illegal_exit_cases", "number"): ("Phát hiện {n} trường hợp công dân xuất cảnh trái phép.",),
        ("illegal_exit_cases", "zero"): ("Không có công dân xuất cảnh trái phép.",),
        ("foreigners_resident", "number"): ("Số người nước ngoài đang tạm trú: {n} người.",),
        ("foreigners_resident", "zero"): ("Không có người nước ngoài cư trú trên địa bàn.",),
    },
    "training": {
        ("officials_trained", "number"): ("Cử {n} lượt cán bộ, công chức tham gia lớp bồi dưỡng kiến thức đối ngoại.",),
        ("officials_trained", "zero"): ("Trong kỳ không có cán bộ tham gia lớp bồi dưỡng kiến thức đối ngoại.",),
    },
    "commendations": {
        ("commendations_received", "number"): ("Tiếp nhận {n} hình thức khen thưởng của tổ chức nước ngoài.",),
        ("commendations_received", "zero"): ("Không tiếp nhận hình thức khen thưởng nào của nước ngoài.",),
    },
}
TOPICS = tuple(FACTS) + ("international_cooperation", "cultural_diplomacy", "overseas_vietnamese")


def _written(rng: random.Random, value: int) -> str:
    """A number as an officer may write it: 02, 1.221, 8199."""
    if value < 10 and rng.random() < 0.6:
        return f"{value:02d}"
    if value >= 1000 and rng.random() < 0.5:
        return str(value)
    return format_number(value)


def _period(rng: random.Random) -> tuple[dict, str, str]:
    year = rng.choice((2024, 2025, 2026, 2027))
    kind = rng.choice(("year", "half", "half", "quarter"))
    if kind == "year":
        return {"kind": "year", "year": year, "index": None}, f"năm {year}", f"năm {year + 1}"
    if kind == "half":
        index = rng.choice((1, 2))
        word = "đầu" if index == 1 else "cuối"
        nxt = f"6 tháng cuối năm {year}" if index == 1 else f"năm {year + 1}"
        return {"kind": "half", "year": year, "index": index}, f"6 tháng {word} năm {year}", nxt
    index = rng.choice((1, 2, 3, 4))
    nxt = f"quý {ROMAN[index % 4]} năm {year + (index == 4)}"
    return {"kind": "quarter", "year": year, "index": index}, f"quý {ROMAN[index - 1]} năm {year}", nxt


def _ward(rng: random.Random):
    from doingoai.lib.adminunits import current_provinces, current_wards

    wards = [w for w in current_wards() if w.level_word in ("xã", "phường")]
    ward = rng.choice(wards)
    province = next(p for p in current_provinces() if p.code == ward.province_code)
    return ward, province


def synthetic_report(seed: int) -> tuple[str, dict]:
    """One report as text (Markdown or plain) and its gold contract."""
    rng = random.Random(seed)
    ward, province = _ward(rng)
    level_word = ward.name.split(" ", 1)[0]
    short = ward.name.split(" ", 1)[1]
    unit_lower = f"{level_word.lower()} {short}"
    province_phrase = province.name if province.name.startswith("Thành phố") else f"tỉnh {province.name}"
    period, period_text, next_text = _period(rng)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    year = period["year"] if period["kind"] != "year" else period["year"]
    issued = f"{year}-{month:02d}-{day:02d}"
    number = rng.choice((None, f"{rng.randint(1, 2999)}/BC-UBND"))
    blank_day = rng.random() < 0.3
    request_no = f"{rng.randint(100, 9999)}/SNgV-{rng.choice(('HCTH', 'VP', 'LSBH'))}"
    req_day, req_month = rng.randint(1, 28), rng.randint(1, 12)
    markdown = rng.random() < 0.35
    scheme = rng.choice((("roman", "arabic", "letter"), ("upper", "roman", "arabic"), ("arabic", "arabic2", "letter")))
    signer = rng.choice(NAMES)
    kt = rng.random() < 0.6
    topics = rng.sample(TOPICS, k=rng.randint(5, 9))
    counters = {0: 0, 1: 0, 2: 0}
    lines: list[str] = []
    sections: list[dict] = []
    facts: dict[str, dict] = {}

    letter_mark = rng.choice((")", "."))

    def numbered(level: int) -> str:
        counters[level] += 1
        for deeper in range(level + 1, 3):
            counters[deeper] = 0
        style = scheme[level]
        n = counters[level]
        if style == "roman":
            return f"{ROMAN[n - 1]}."
        if style == "upper":
            return f"{UPPER[n - 1]}."
        if style == "letter":
            return f"{LETTERS[n - 1]}{letter_mark}"
        if style == "arabic2":
            return f"{counters[level - 1]}.{n}."
        return f"{n}."

    def heading(level: int, text: str, code: str, also: tuple = ()) -> None:
        label = numbered(level)
        title = text.upper() if level == 0 and rng.random() < 0.6 else text
        written = f"{label} {title}"
        shown = written
        if markdown:
            shown = "#" * (level + 2) + " " + (f"**{written}**" if rng.random() < 0.5 else written)
        lines.append(shown)
        entry = {"code": code, "heading": written}
        if also:
            entry["also"] = list(also)
        sections.append(entry)

    def say(text: str) -> None:
        lines.append(text)

    fill = {"u": f"UBND {unit_lower}", "c": rng.choice(COUNTRIES)}
    # Letterhead, flattened into text as many exports do.
    flattened = rng.random() < 0.5
    if flattened:
        say("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        say(f"{ward.name.upper()} Độc lập - Tự do - Hạnh phúc")
    else:
        say("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        say(f"{ward.name.upper()}\tĐộc lập - Tự do - Hạnh phúc")
    num_text = f"Số: {number}" if number else "Số:        /BC-UBND"
    date_text = f"{short}, ngày {'     ' if blank_day else day} tháng {month} năm {year}"
    say(f"{num_text}\t{date_text}")
    say("BÁO CÁO")
    summary = f"Kết quả công tác đối ngoại {period_text} và phương hướng, nhiệm vụ {next_text}"
    say(summary)
    say(
        f"Thực hiện Công văn số {request_no} ngày {req_day}/{req_month}/{year} của Sở Ngoại vụ {province_phrase} "
        f"về việc báo cáo công tác đối ngoại {period_text}, UBND {unit_lower} báo cáo như sau:"
    )
    heading(0, rng.choice(HEADINGS["situation"]), "situation")
    say(PROSE["situation"])
    heading(0, rng.choice(HEADINGS["direction"]), "direction")
    say(PROSE["direction"])
    heading(0, rng.choice(HEADINGS["results"]).format(p=period_text), "other")
    estimate_topic = rng.choice(topics) if rng.random() < 0.4 else None
    for topic in topics:
        heading(1, rng.choice(HEADINGS[topic]), topic)
        if topic not in FACTS:
            say(PROSE[topic].format(**fill))
            continue
        chosen = {}
        for (indicator, mode), variants in FACTS[topic].items():
            if indicator in facts or indicator in chosen:
                continue
            if rng.random() < 0.45:
                continue
            chosen[indicator] = (mode, variants)
        if not chosen:
            say("Trong kỳ, công tác này được duy trì, thực hiện đúng quy định.")
        for indicator, (mode, variants) in chosen.items():
            text = rng.choice(variants)
            if mode == "money":
                billions = rng.choice((53, 2, 12))
                value = billions * 1_000_000_000
                written_money = rng.choice((f"trên {billions} tỷ đồng", f"{format_number(value)} đồng"))
                sentence = text.format(money=written_money, **fill)
            elif mode == "number":
                value = rng.choice((1, 2, 3, 5, 12, 130, 1221, 8199))
                sentence = text.format(n=_written(rng, value), m=_written(rng, value * 9), **fill)
            else:
                value = 0
                sentence = text.format(**fill)
            estimate = topic == estimate_topic and mode != "zero"
            if estimate:
                sentence = "Ước đến hết kỳ, " + sentence[0].lower() + sentence[1:]
            say(sentence)
            fact = {"indicator": indicator, "value": value, "section": topic, "evidence": sentence.rstrip(".")}
            if estimate:
                fact["estimate"] = True
            facts[indicator] = fact
    heading(0, rng.choice(HEADINGS["difficulties"]) + rng.choice(("", " và nguyên nhân")), "difficulties")
    if sections[-1]["heading"].endswith("nguyên nhân"):
        sections[-1]["also"] = ["causes"]
    say(PROSE["difficulties"])
    heading(0, rng.choice(HEADINGS["plans"]).format(n=next_text), "plans")
    say(PROSE["plans"])
    heading(0, rng.choice(HEADINGS["recommendations"]), "recommendations")
    say(PROSE["recommendations"])
    say(f"Trên đây là báo cáo công tác đối ngoại {period_text} của UBND {unit_lower}./.")
    recipients = [f"Sở Ngoại vụ {province_phrase}", "TT Đảng ủy, TT HĐND", "Lưu: VT."]
    title = "Phó Chủ tịch" if kt else "Chủ tịch"
    say("Nơi nhận:\t" + ("KT. CHỦ TỊCH" if kt else "TM. ỦY BAN NHÂN DÂN"))
    say(f"- {recipients[0]};\t{title.upper()}")
    say(f"- {recipients[1]};")
    say(f"- {recipients[2]}\t{signer}")
    text = "\n".join(lines) + "\n"
    if markdown:
        text = text.replace("\n- ", "\n- ")
    gold = {
        "source": f"syn{seed:03d}.txt",
        "meta": {
            "unit_name": ward.name,
            "unit_level": "xa" if level_word == "Xã" else "phuong",
            "province": province.name,
            "ward_code": int(ward.code),
            "doc_number": number,
            "issued_place": short,
            "issued_date": None if blank_day else issued,
            "period": period,
            "request": {
                "number": request_no,
                "date": f"{year}-{req_month:02d}-{req_day:02d}",
                "issuer": f"Sở Ngoại vụ {province_phrase}",
            },
            "signer": {"name": signer, "title": title, "authority": "KT" if kt else "TM"},
            "recipients": recipients,
            "summary": summary,
        },
        "sections": sections,
        "facts": list(facts.values()),
        "notes": [f"generated by tests/corpus/generate.py with seed {seed}"],
    }
    return text, gold


def write_synthetic(out: Path, count: int = 16, first_seed: int = 1) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for seed in range(first_seed, first_seed + count):
        text, gold = synthetic_report(seed)
        (out / f"syn{seed:03d}.txt").write_text(text, encoding="utf-8")
        (out / f"syn{seed:03d}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(out / f"syn{seed:03d}.txt")
    return written


# --- renderings -------------------------------------------------------------------


def text_to_docx(text: str, gold: dict, path: Path) -> None:
    """A text report as a Word file: header and signature in tables, gold headings bold."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    from doingoai.lib.reader.normalise import _strip_markdown, clean_text, flat

    headings = {flat(s["heading"]) for s in gold.get("sections", [])}
    bold_prefix: dict[str, int] = {}
    raw = []
    for line in text.splitlines():
        if not line.strip():
            continue
        stripped, _, _, prefix = _strip_markdown(line)
        # Real columns only: a wide gap in "Số:      /BC-UBND" is not a column.
        cleaned = "\t".join(flat(clean_text(piece).replace("\t", " ")) for piece in stripped.split("\t"))
        if prefix:
            bold_prefix[flat(cleaned)] = prefix
        raw.append(cleaned)
    title_index = next((i for i, line in enumerate(raw) if flat(line).upper() == "BÁO CÁO"), None)
    end_index = next((i for i, line in enumerate(raw) if flat(line).startswith("Nơi nhận")), len(raw))
    document = Document()
    header = raw[:title_index] if title_index is not None else []
    if header:
        left, right = [], []
        for line in header:
            pieces = line.split("\t")
            if len(pieces) == 1:
                for motto in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"):
                    if motto in pieces[0]:
                        unit = pieces[0].replace(motto, "").strip()
                        pieces = [unit, motto] if unit else ["", motto]
            left.append(pieces[0])
            right.append(pieces[1] if len(pieces) > 1 else "")
        table = document.add_table(rows=1, cols=2)
        for cell, items in zip(table.rows[0].cells, (left, right), strict=False):
            cell.paragraphs[0].text = ""
            first = True
            for item in items:
                if not item:
                    continue
                paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                run = paragraph.add_run(item)
                run.bold = item.isupper()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    start = title_index if title_index is not None else 0
    for line in raw[start:end_index]:
        paragraph = document.add_paragraph()
        prefix = bold_prefix.get(flat(line), 0)
        if prefix:
            paragraph.add_run(flat(line)[:prefix]).bold = True
            paragraph.add_run(flat(line)[prefix:])
            continue
        run = paragraph.add_run(flat(line))
        if (
            flat(line) in headings
            or flat(line).upper() == "BÁO CÁO"
            or (title_index is not None and line is raw[start + 1])
        ):
            run.bold = True
        if flat(line).upper() == "BÁO CÁO":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    end = raw[end_index:]
    if end:
        table = document.add_table(rows=1, cols=2)
        left_cell, right_cell = table.rows[0].cells
        left_items, right_items = [], []
        for line in end:
            pieces = [piece for piece in line.split("\t") if piece.strip()]
            if flat(pieces[0]).startswith(("Nơi nhận", "-", "+")):
                left_items.append(pieces[0])
                right_items.extend(pieces[1:])
            else:
                right_items.extend(pieces)
        for cell, items in ((left_cell, left_items), (right_cell, right_items)):
            cell.paragraphs[0].text = ""
            for index, item in enumerate(i for i in items if i.strip()):
                paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                run = paragraph.add_run(flat(item))
                run.bold = flat(item).isupper() or flat(item).startswith("Nơi nhận")
    document.save(str(path))


def docx_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    return docx_to_pdf_many([docx_path], out_dir)[0]


def docx_to_pdf_many(docx_paths: list[Path], out_dir: Path) -> list[Path]:
    """Word files to PDF in one LibreOffice run (one start-up for the whole set)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise RuntimeError("LibreOffice is not installed")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                *(str(path) for path in docx_paths),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=180 + 10 * len(docx_paths),
        )
    return [out_dir / (path.stem + ".pdf") for path in docx_paths]


def scan_pdf(pdf_path: Path, out_path: Path, *, dpi: int = 200, seed: int = 0, pages: int | None = None) -> Path:
    """Rasterise a PDF as a scanner would (grey, slight noise and tilt) into an image-only PDF."""
    import pypdfium2
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    images = []
    try:
        for index in range(len(pdf) if pages is None else min(pages, len(pdf))):
            image = pdf[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            image = image.rotate(rng.uniform(-0.6, 0.6), fillcolor=255, expand=False)
            noise = Image.effect_noise(image.size, 18).convert("L")
            image = Image.blend(image, noise, 0.08).filter(ImageFilter.SMOOTH)
            images.append(image)
    finally:
        pdf.close()
    images[0].save(str(out_path), "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return out_path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "synthetic"
    for written in write_synthetic(target):
        print(written)


def render_set(out: Path, pairs: list[tuple[Path, dict]], *, pdf: bool = False) -> dict[str, Path]:
    """Write each (text file, gold) as .docx (and .pdf) into out/docx and out/pdf, gold beside them."""
    folders = {"docx": out / "docx"}
    if pdf:
        folders["pdf"] = out / "pdf"
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    written = []
    for text_path, gold in pairs:
        stem = text_path.stem
        docx_path = folders["docx"] / f"{stem}.docx"
        text_to_docx(text_path.read_text(encoding="utf-8"), gold, docx_path)
        written.append(docx_path)
        for kind, folder in folders.items():
            copy = dict(gold, source=f"{stem}.{kind}")
            (folder / f"{stem}.json").write_text(json.dumps(copy, ensure_ascii=False), encoding="utf-8")
    if pdf and written:
        docx_to_pdf_many(written, folders["pdf"])
    return folders
