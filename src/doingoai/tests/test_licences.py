"""No GPL package in the default install, and none whose licence nobody has established.

The tree walked is what ``pip install .`` installs: the ``[project] dependencies`` of
pyproject.toml, their own requirements (markers evaluated, extras followed) and the vendored
packages with theirs. For each distribution the licence is read from every place a wheel
carries it: ``License-Expression`` (SPDX), ``License``, the ``License ::`` classifiers and the
licence files in its dist-info (full texts recognised by their wording, SPDX ``License:`` lines
of bundled components). A distribution passes when what it declares has one choice made only
of permissive licences, and every licence its files add is permissive, or each of them is
allowed for it below, by hand, with the reason. Anything unread fails, so does a GPL package.
"""

import base64
import hashlib
import importlib.metadata as metadata
import re
import tomllib
from email.message import Message
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[3]
VENDOR = ROOT / "src" / "doingoai" / "_vendor"

PERMISSIVE = re.compile(
    r"^(MIT(-0|-CMU)?|BSD(-\d-Clause[\w-]*)?|0BSD|Apache-2\.0|ISC|PSF-2\.0|Python-2\.0|Zlib|CC0-1\.0|CC-BY-4\.0"
    r"|Unlicense|HPND|BSL-1\.0|PostgreSQL|LicenseRef-Public-Domain)$"
)
GPL = re.compile(r"^A?GPL-")  # strong copyleft: never allowed, except with a linking exception

# Checked by hand: which non-permissive licences a distribution carries, and why doingoai
# (Apache-2.0) may use it. A licence not listed for its distribution fails the test.
ALLOWED = {
    # psycopg, the PostgreSQL driver: LGPL-3.0. Used as a library, unmodified and imported at
    # run time; the LGPL asks that of software that uses it, nothing more.
    "psycopg": {"LGPL-3.0-only"},
    # Its compiled core, same licence and reason; the libpq and OpenSSL it bundles are
    # PostgreSQL-licensed and Apache-2.0.
    "psycopg-binary": {"LGPL-3.0-only"},
    # tqdm (a vietnamadminunits requirement): "MPL-2.0 AND MIT". MPL-2.0 is file-level
    # copyleft: it binds changes to tqdm's own files, which doingoai uses unmodified.
    "tqdm": {"MPL-2.0"},
    # shapely is BSD-3-Clause; its wheel bundles GEOS (LICENSE_GEOS: "License: LGPLv2.1"), a
    # shared library used unmodified: fine as a library, like psycopg.
    "shapely": {"LGPLv2.1"},
    # numpy (a shapely requirement) is BSD-3-Clause; its wheel bundles the gfortran runtime,
    # GPL-3.0 with the GCC Runtime Library Exception, which exists so that programs linked
    # with it may carry any licence, and libquadmath, LGPL-2.1, a library used unmodified.
    "numpy": {"GPL-3.0-or-later WITH GCC-exception-3.1", "LGPL-2.1-or-later"},
    # scipy (what scikit-learn computes with, for the synthesis report's grouping) is
    # BSD-3-Clause; its wheel bundles the same gfortran runtime and libquadmath as numpy's.
    "scipy": {"GPL-3.0-or-later WITH GCC-exception-3.1", "LGPL-2.1-or-later"},
    # pypdfium2 (a pdfplumber requirement) is BSD-3-Clause AND Apache-2.0; among the licences of
    # what its builds bundle is libgcc/libstdc++ (BUILD_LICENSES/cibw_musl, the GPL-3.0 text
    # after the GCC Runtime Library Exception, for its musl builds), same reason as numpy.
    "pypdfium2": {"GPL-3.0-or-later WITH GCC-exception-3.1"},
}

# Wording that identifies a licence in a licence file (the texts' own titles and grants).
_TEXTS = [
    ("MIT", r"Permission is hereby granted, free of charge, to any person obtaining a copy"),
    ("BSD", r"Redistribution and use in source and binary forms, with or without\s+modification, are permitted"),
    ("Apache-2.0", r"Apache License,?\s+Version 2\.0"),
    (
        "ISC",
        r"Permission to use, copy, modify, and(/or)? distribute this software for any\s+purpose with or without fee",
    ),
    ("PSF-2.0", r"PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2"),
    ("HPND", r"Permission to use, copy, modify,? and distribute this software and its\s+documentation for any purpose"),
    ("Zlib", r"Permission is granted to anyone to use this software for any purpose,\s+including commercial"),
    ("MPL-2.0", r"Mozilla Public License,? (Version|v\.) 2\.0"),
    ("Unlicense", r"This is free and unencumbered software released into the public domain"),
    ("LGPL", r"GNU (LESSER|LIBRARY) GENERAL PUBLIC LICENSE"),
    ("GPL", r"GNU GENERAL PUBLIC LICENSE"),
    ("AGPL", r"GNU AFFERO GENERAL PUBLIC LICENSE"),
]
_TEXTS = [(spdx, re.compile(wording.replace(" ", r"\s+"))) for spdx, wording in _TEXTS]
_SPDX_LINE = re.compile(r"^\s*(?:License|SPDX-License-Identifier):\s*(.+?)\s*$", re.M)
# What a free-text License field or a classifier says, in SPDX terms.
_NAMES = [
    (r"\bMIT\b", "MIT"),
    (r"\bBSD\b", "BSD"),
    (r"\bApache\b", "Apache-2.0"),
    (r"\bISC\b", "ISC"),
    (r"Python Software Foundation|\bPSF\b", "PSF-2.0"),
    (r"Mozilla Public License 2\.0|\bMPL[- ]?2", "MPL-2.0"),
    (r"Lesser General Public License|Library General Public License|\bLGPL", "LGPL"),
    (r"Affero|\bAGPL", "AGPL"),
    (r"(?<!Lesser )(?<!Library )General Public License|(?<![AL])GPL", "GPL"),
    (r"Unlicense", "Unlicense"),
    (r"Public Domain", "LicenseRef-Public-Domain"),
    (r"Historical Permission Notice", "HPND"),
]


def _spdx(expression: str) -> list[set[str]]:
    """An SPDX expression as its choices, each the set of licences that all apply.

    >>> _spdx("MIT OR (GPL-2.0-only AND BSD-3-Clause)") == [{"MIT"}, {"GPL-2.0-only", "BSD-3-Clause"}]
    True
    """
    tokens = re.findall(r"\(|\)|[^\s()]+", expression)
    position = 0

    def term() -> list[set[str]]:
        nonlocal position
        token = tokens[position]
        position += 1
        if token == "(":
            choices = either()
            position += 1  # ")"
            return choices
        if position < len(tokens) and tokens[position].upper() == "WITH":
            token = f"{token} WITH {tokens[position + 1]}"
            position += 2
        return [{token}]

    def both() -> list[set[str]]:
        nonlocal position
        choices = term()
        while position < len(tokens) and tokens[position].upper() == "AND":
            position += 1
            choices = [a | b for a in choices for b in term()]
        return choices

    def either() -> list[set[str]]:
        nonlocal position
        choices = both()
        while position < len(tokens) and tokens[position].upper() == "OR":
            position += 1
            choices += both()
        return choices

    return either()


def _is_spdx(text: str) -> bool:
    return bool(re.fullmatch(r"[\w.+\-()\s]+", text)) and all(
        re.fullmatch(r"[A-Za-z0-9.+\-]+", t) and (t in {"AND", "OR", "WITH"} or re.search(r"\d|MIT|ISC|BSD", t))
        for t in re.findall(r"[^\s()]+", text)
    )


def _named(text: str) -> set[str]:
    return {spdx for pattern, spdx in _NAMES if re.search(pattern, text)}


def licence_of(meta: Message, files: dict[str, str]) -> tuple[list[set[str]], set[str]]:
    """(choices declared in the metadata, licences the licence files show) of one distribution."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return _spdx(expression), _shown(files)
    declared = [set()]
    field = (meta.get("License") or "").strip()
    field = "" if field.upper() == "UNKNOWN" else field  # what old setuptools wrote for "not given"
    if len(field) > 200:  # a pasted licence text: read it as a file
        files, field = {**files, "License field": field}, ""
    if field and _is_spdx(field):
        declared = _spdx(field)
    elif field:
        ids = {t for t in re.split(r"[,;]\s*", field) if _is_spdx(t)} or _named(field)
        declared = [ids or {f"unknown License field: {field}"}]
    for classifier in meta.get_all("Classifier") or []:
        if classifier.startswith("License ::") and classifier != "License :: OSI Approved":
            named = _named(classifier.split("::", 1)[1]) or {f"unknown classifier: {classifier}"}
            declared = [choice | named for choice in declared]
    return [choice for choice in declared if choice], _shown(files)


def _shown(files: dict[str, str]) -> set[str]:
    shown: set[str] = set()
    for text in files.values():
        shown |= {spdx for spdx, wording in _TEXTS if wording.search(text)}
        for line in _SPDX_LINE.findall(text):
            if _is_spdx(line):
                shown |= {licence for choice in _spdx(line) for licence in choice}
    return shown


def verdict(name: str, declared: list[set[str]], shown: set[str]) -> str | None:
    """None when the distribution may be installed, otherwise why not."""
    allowed = ALLOWED.get(name, set())

    def fine(licence: str) -> bool:
        return bool(PERMISSIVE.match(licence)) or licence in allowed

    if not declared and not shown:
        return "no licence found in its metadata or licence files"
    if declared and not any(all(fine(licence) for licence in choice) for choice in declared):
        return f"declares {' OR '.join(' AND '.join(sorted(c)) for c in declared)}"
    # A licence text names only its family ("LGPL"): it is cleared by a licence of that family
    # that the declaration, an SPDX line or the allow-list names and that is fine.
    families = {spdx for spdx, _ in _TEXTS if "-" not in spdx}
    named = {licence for choice in declared for licence in choice} | (shown - families) | allowed
    for family in shown & families:
        if not PERMISSIVE.match(family) and not any(n.startswith(family) and fine(n) for n in named):
            return f"its licence files include a {family} text"
    bad = sorted(licence for licence in shown - families if not fine(licence))
    return f"its licence files include {', '.join(bad)}" if bad else None


def _licence_files(dist: metadata.Distribution) -> dict[str, str]:
    """The licence files in the distribution's dist-info, by path inside it."""
    names = set(dist.metadata.get_all("License-File") or [])
    texts = {}
    for file in dist.files or []:
        if not file.parts[0].endswith(".dist-info"):
            continue
        inner = "/".join(file.parts[1:])
        if inner.removeprefix("licenses/") in names or (
            not names and re.match(r"(LICEN[CS]E|COPYING|NOTICE)", file.name, re.I)
        ):
            texts[inner] = Path(dist.locate_file(file)).read_text(encoding="utf-8", errors="replace")
    return texts


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _vendored() -> dict[str, metadata.Distribution]:
    pins = _pyproject()["tool"]["doingoai"]["vendored"]
    return {
        name: metadata.PathDistribution(VENDOR / f"{name}-{pin['version']}.dist-info") for name, pin in pins.items()
    }


def install_tree() -> dict[str, metadata.Distribution]:
    """Every distribution ``pip install .`` puts in the environment, by canonical name."""
    pins = _pyproject()["tool"]["doingoai"]["vendored"]
    replaced = {canonicalize_name(n) for pin in pins.values() for n in pin.get("requires-replaced", {})}
    todo = [(Requirement(r), frozenset({""})) for r in _pyproject()["project"]["dependencies"]]
    for dist in _vendored().values():
        todo += [(Requirement(r), frozenset({""})) for r in dist.requires or []]
    tree: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, frozenset]] = set()
    while todo:
        requirement, context = todo.pop()
        if requirement.marker and not any(requirement.marker.evaluate({"extra": e}) for e in context):
            continue
        name = canonicalize_name(requirement.name)
        if name in replaced:
            continue
        extras = frozenset(requirement.extras) | {""}
        if (name, extras) in done:
            continue
        done.add((name, extras))
        try:
            tree[name] = dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            pytest.fail(f"{requirement} is required but not installed: run make install")
        assert requirement.specifier.contains(dist.version, prereleases=True), f"{name} {dist.version} ≠ {requirement}"
        todo += [(Requirement(r), extras) for r in dist.requires or []]
    return tree


def test_every_package_of_the_default_install_has_an_established_licence_and_none_is_gpl():
    tree = {**install_tree(), **{canonicalize_name(n): d for n, d in _vendored().items()}}
    assert {"django", "psycopg-binary", "numpy", "vietnamadminunits"} <= set(tree)  # extras and vendored followed
    problems = {}
    for name, dist in sorted(tree.items()):
        problem = verdict(name, *licence_of(dist.metadata, _licence_files(dist)))
        if problem:
            problems[f"{name} {dist.version}"] = problem
    assert problems == {}


def test_gpl_packages_of_the_old_install_are_not_in_the_tree():
    assert not {"vietnam-provinces", "unidecode", "underthesea", "vncorenlp"} & set(install_tree())


def test_the_gpl_unidecode_is_not_installed():
    with pytest.raises(metadata.PackageNotFoundError):
        metadata.version("Unidecode")


def test_the_allow_list_allows_no_plain_gpl():
    """Only a GPL with a linking exception (gfortran's runtime) may be allowed by hand."""
    assert not [
        licence for allowed in ALLOWED.values() for licence in allowed if GPL.match(licence) and " WITH " not in licence
    ]


def test_the_vendored_package_is_the_pinned_wheel_unmodified_and_mit():
    pins = _pyproject()["tool"]["doingoai"]["vendored"]
    for name, dist in _vendored().items():
        assert dist.version == pins[name]["version"]
        assert verdict(name, *licence_of(dist.metadata, _licence_files(dist))) is None
        recorded = set()
        for line in (VENDOR / f"{name}-{dist.version}.dist-info" / "RECORD").read_text(encoding="utf-8").splitlines():
            path, digest, _size = line.rsplit(",", 2)
            recorded.add(path)
            if digest:  # RECORD lists itself without one
                algorithm, expected = digest.split("=", 1)
                actual = hashlib.new(algorithm, (VENDOR / path).read_bytes()).digest()
                assert base64.urlsafe_b64encode(actual).rstrip(b"=").decode() == expected, f"{path} was changed"
        shipped = {
            p.relative_to(VENDOR).as_posix()
            for folder in (VENDOR / name, VENDOR / f"{name}-{dist.version}.dist-info")
            for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        assert shipped == recorded, "files added to or missing from the vendored wheel"


# The reading itself, on metadata made up to fail.


def _meta(**fields) -> Message:
    meta = Message()
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            meta[key.replace("_", "-")] = item
    return meta


@pytest.mark.parametrize(
    "fields, files, expected",
    [
        ({"License_Expression": "MIT"}, {}, None),
        ({"License_Expression": "GPL-3.0-or-later"}, {}, "declares GPL-3.0-or-later"),
        ({"License_Expression": "MIT OR GPL-2.0-only"}, {}, None),  # a permissive choice is a choice
        ({"License_Expression": "MIT AND GPL-2.0-only"}, {}, "declares GPL-2.0-only AND MIT"),
        ({"License": "GPL-3.0-or-later"}, {}, "declares GPL-3.0-or-later"),  # vietnam-provinces' pyproject
        ({"Classifier": "License :: OSI Approved :: GNU General Public License v2 (GPLv2)"}, {}, "declares GPL"),
        (
            {"Classifier": "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)"},
            {},
            "declares LGPL",
        ),
        ({"Classifier": "License :: Other/Proprietary License"}, {}, "declares unknown classifier"),
        ({"Classifier": "License :: OSI Approved"}, {}, "no licence found"),
        ({}, {}, "no licence found"),  # the vietnam-provinces wheel: no licence field, no licence file
        ({}, {"LICENSE": "Permission is hereby granted, free of charge, to any person obtaining a copy"}, None),
        ({}, {"COPYING": "GNU GENERAL PUBLIC LICENSE\n Version 2, June 1991"}, "include a GPL text"),
        ({"License": "MIT"}, {"LICENSE_LIB": "License: GPL-2.0-or-later\n"}, "include GPL-2.0-or-later"),
        ({"License_Expression": "LGPL-3.0-only"}, {}, "declares LGPL-3.0-only"),  # allowed for psycopg only
        ({"License": "Apache License 2.0"}, {}, None),
        ({"License_Expression": "MPL-2.0 AND MIT"}, {}, "declares MIT AND MPL-2.0"),  # allowed for tqdm only
    ],
)
def test_the_licence_reading_fails_on_what_it_cannot_clear(fields, files, expected):
    problem = verdict("example", *licence_of(_meta(**fields), files))
    assert (problem is None) if expected is None else expected in (problem or ""), problem


def test_an_allowed_licence_is_allowed_only_for_its_package():
    assert verdict("tqdm", *licence_of(_meta(License="MPL-2.0 AND MIT"), {})) is None
    assert verdict("psycopg", *licence_of(_meta(License_Expression="LGPL-3.0-only"), {})) is None
    assert verdict("psycopg", *licence_of(_meta(License_Expression="GPL-3.0-only"), {})) is not None
