"""Replace the vendored vietnamadminunits by the wheel pinned in pyproject.toml (``make vendor``).

The wheel is fetched from the package index with ``pip download --no-deps`` (so its GPL
dependency Unidecode is never fetched), checked against the pinned sha256 and unzipped here
as it is.
"""

import hashlib
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
PYPROJECT = HERE.parents[2] / "pyproject.toml"


def refresh(name: str = "vietnamadminunits") -> Path:
    pin = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["doingoai"]["vendored"][name]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:"]
            + ["--dest", tmp, f"{name}=={pin['version']}"],
            check=True,
        )
        (wheel,) = Path(tmp).glob("*.whl")
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != pin["wheel-sha256"]:
            raise SystemExit(f"{wheel.name}: sha256 {digest}, pyproject.toml pins {pin['wheel-sha256']}")
        for old in [HERE / name, *HERE.glob(f"{name}-*.dist-info")]:
            shutil.rmtree(old)
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(HERE)
    return HERE / name


if __name__ == "__main__":
    print(refresh())
