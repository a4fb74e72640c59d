"""Tiny jars and Maven repositories for the dependency-magic suites (%AddJar, %AddDeps).

Classes are compiled with the JDK's javac; a repository is a temp dir laid out as a Maven
repository (group/artifact/version/artifact-version.{jar,pom}), used through a file:// URL.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import zipfile
from pathlib import Path

from . import target as target_module
from .jupyter_env import kindling_scala_kernelspec


def compile_jar(work: Path, jar: Path, sources: dict[str, str], classpath: list[Path] = ()) -> Path:
    """Compiles {"pkg/Name.java": source} with javac --release 17 and writes them into ``jar``."""
    src = work / (jar.stem + "-src")
    out = work / (jar.stem + "-classes")
    for name, code in sources.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_text(code)
    out.mkdir(parents=True, exist_ok=True)
    command = ["javac", "--release", "17", "-d", str(out)]
    if classpath:
        command += ["-cp", os.pathsep.join(str(p) for p in classpath)]
    command += [str(src / name) for name in sources]
    subprocess.run(command, check=True, capture_output=True, text=True)
    jar.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(jar, "w") as archive:
        archive.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n")
        for file in sorted(out.rglob("*.class")):
            archive.write(file, file.relative_to(out).as_posix())
    return jar


def pom(group: str, artifact: str, version: str, dependencies: list[tuple[str, str, str]] = ()) -> str:
    deps = "".join(
        f"<dependency><groupId>{g}</groupId><artifactId>{a}</artifactId>"
        f"<version>{v}</version></dependency>"
        for g, a, v in dependencies
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<project xmlns="http://maven.apache.org/POM/4.0.0">'
        "<modelVersion>4.0.0</modelVersion>"
        f"<groupId>{group}</groupId><artifactId>{artifact}</artifactId>"
        f"<version>{version}</version><packaging>jar</packaging>"
        f"<dependencies>{deps}</dependencies></project>\n"
    )


def publish(repo: Path, group: str, artifact: str, version: str, jar: Path,
            dependencies: list[tuple[str, str, str]] = ()) -> None:
    """Puts ``jar`` and its pom into the Maven repository at ``repo``."""
    folder = repo.joinpath(*group.split("."), artifact, version)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{artifact}-{version}.jar").write_bytes(jar.read_bytes())
    (folder / f"{artifact}-{version}.pom").write_text(pom(group, artifact, version, dependencies))


def scala_target(kernel_name: str, *args: str, env: dict | None = None) -> target_module.Target:
    """A Scala kernelspec like ``kindling_scala`` with extra kernel arguments and environment."""
    spec = kindling_scala_kernelspec()
    spec["argv"] = [*spec["argv"], *args]
    spec["env"] = dict(env or {})
    spec_dir = Path(os.environ["JUPYTER_PATH"]) / "kernels" / kernel_name
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=2))
    return dataclasses.replace(target_module.SCALA, kernel_name=kernel_name)
