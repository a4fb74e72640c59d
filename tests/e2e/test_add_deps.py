"""%AddDeps: Maven dependencies from a file-based repository made in the test reach the Scala REPL
and the executors; what the kernel already has is not fetched again.

The repository (a temp dir laid out as a Maven repository, used through a file:// URL):
  kindling.demo:words:1.0     class kindling.words.Words
  kindling.demo:greeter:1.0   class kindling.greet.Greeter (uses Words); depends on words:1.0 and on
                              org.apache.commons:commons-lang3:3.0.1, which is not in the
                              repository: Spark's commons-lang3 is used, with a conflict warning
  kindling.demo:scalalib_2.13:1.0  for the group::artifact form
  kindling.demo:bundle:1.0    class kindling.bundle.Bundle; depends on kindling.demo:absent:1.0,
                              which is missing (so only --exclude resolves it)
  kindling.demo:loner:1.0     class kindling.loner.Loner; also depends on the missing artifact
                              (so only --intransitive resolves it)
Maven Central is switched off (kindling.deps.central=false): there is no internet in tests.
"""

from __future__ import annotations

import pytest

from harness.jars import compile_jar, publish, scala_target
from harness.kernel import KernelSession

WORDS = """
package kindling.words;
public final class Words {
  public static String hello() { return "Hello"; }
}
"""

GREETER = """
package kindling.greet;
public final class Greeter {
  public static String greet(String name) { return kindling.words.Words.hello() + ", " + name; }
}
"""

SCALALIB = """
package kindling.scalalib;
public final class Answer {
  public static int value() { return 42; }
}
"""

BUNDLE = """
package kindling.bundle;
public final class Bundle {
  public static String name() { return "bundle"; }
}
"""


LONER = """
package kindling.loner;
public final class Loner {
  public static String name() { return "loner"; }
}
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    work = tmp_path_factory.mktemp("adddeps")
    repo = work / "repo"
    words = compile_jar(work, work / "words.jar", {"kindling/words/Words.java": WORDS})
    greeter = compile_jar(
        work, work / "greeter.jar", {"kindling/greet/Greeter.java": GREETER}, classpath=[words]
    )
    scalalib = compile_jar(work, work / "scalalib.jar", {"kindling/scalalib/Answer.java": SCALALIB})
    bundle = compile_jar(work, work / "bundle.jar", {"kindling/bundle/Bundle.java": BUNDLE})
    loner = compile_jar(work, work / "loner.jar", {"kindling/loner/Loner.java": LONER})
    publish(repo, "kindling.demo", "words", "1.0", words)
    publish(
        repo, "kindling.demo", "greeter", "1.0", greeter,
        dependencies=[
            ("kindling.demo", "words", "1.0"),
            ("org.apache.commons", "commons-lang3", "3.0.1"),
        ],
    )
    publish(repo, "kindling.demo", "scalalib_2.13", "1.0", scalalib)
    publish(
        repo, "kindling.demo", "bundle", "1.0", bundle,
        dependencies=[("kindling.demo", "absent", "1.0")],
    )
    publish(
        repo, "kindling.demo", "loner", "1.0", loner,
        dependencies=[("kindling.demo", "absent", "1.0")],
    )
    return repo


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def scala(tmp_path_factory, cache):
    target = scala_target(
        "kindling_scala_adddeps",
        "--conf", "spark.master=local[2]",
        "--conf", "kindling.deps.central=false",
        env={"KINDLING_CACHE_DIR": str(cache)},
    )
    target.check_available()
    session = KernelSession(target, tmp_path_factory.mktemp("logs"), name="adddeps")
    session.start(ready_timeout=60)
    yield session
    session.stop()


@pytest.fixture
def kernel(scala):
    scala.forget()
    return scala


def ok(kernel, code, timeout=120.0):
    ex = kernel.execute(code, timeout=timeout)
    assert ex.status == "ok", ex.describe()
    return ex


def failed(kernel, code, ename):
    ex = kernel.execute(code, timeout=120.0)
    assert ex.status == "error", ex.describe()
    (error,) = ex.errors
    assert error["content"]["ename"] == ename, ex.describe()
    return error["content"]["evalue"]


def still_running(kernel):
    assert ok(kernel, "keep + 1").result_text == "42"


def test_a_dependency_and_its_dependency_reach_the_repl_and_the_executors(kernel, repo, cache):
    ok(kernel, "val keep = 41")
    ex = ok(kernel, f"%AddDeps kindling.demo:greeter:1.0 --repository {repo.as_uri()}")
    assert "Added kindling.demo:greeter:1.0, kindling.demo:words:1.0" in ex.stdout
    assert (
        "Warning: version conflict: org.apache.commons:commons-lang3:3.0.1 is wanted, the kernel"
        " has 3.20.0" in ex.stdout
    )
    assert list((cache / "maven").rglob("greeter-1.0.jar")), "resolved into the kernel's cache"
    assert not list((cache / "maven").rglob("commons-lang3*.jar")), "the kernel's is not fetched"
    assert ok(kernel, 'kindling.greet.Greeter.greet("Ada")').result_text == "Hello, Ada"
    assert ok(kernel, "kindling.words.Words.hello()").result_text == "Hello"
    ex = ok(
        kernel,
        'sc.parallelize(Seq("a", "b"), 2).map(kindling.greet.Greeter.greet).collect().mkString("|")',
    )
    assert ex.result_text == "Hello, a|Hello, b"


def test_adding_it_again_adds_nothing(kernel, repo):
    ex = ok(kernel, f"%adddeps kindling.demo:greeter:1.0 --repository {repo.as_uri()}")
    assert "Nothing to add" in ex.stdout


def test_the_scala_suffix_and_toree_forms(kernel, repo):
    ok(kernel, f"%AddDeps kindling.demo::scalalib:1.0 --repository {repo.as_uri()} --verbose")
    assert ok(kernel, "kindling.scalalib.Answer.value()").result_text == "42"
    ex = ok(kernel, f"%AddDeps kindling.demo loner 1.0 --intransitive --repository {repo.as_uri()}")
    assert "Added kindling.demo:loner:1.0" in ex.stdout
    assert ok(kernel, "kindling.loner.Loner.name()").result_text == "loner"


def test_a_missing_dependency_names_the_coordinate_and_the_repository(kernel, repo):
    evalue = failed(
        kernel,
        f"%AddDeps kindling.demo:bundle:1.0 --transitive --repository {repo.as_uri()}",
        "ResolutionFailed",
    )
    assert "kindling.demo:bundle:1.0" in evalue
    assert "kindling.demo:absent" in evalue
    assert repo.as_uri() in evalue
    still_running(kernel)


def test_exclude_leaves_the_missing_dependency_out(kernel, repo):
    ex = ok(
        kernel,
        f"%AddDeps kindling.demo:bundle:1.0 --exclude kindling.demo:absent --repository {repo.as_uri()}",
    )
    assert "Added kindling.demo:bundle:1.0" in ex.stdout and "absent" not in ex.stdout
    assert ok(kernel, "kindling.bundle.Bundle.name()").result_text == "bundle"


def test_a_missing_artifact_and_an_unreachable_repository(kernel, repo):
    evalue = failed(
        kernel, f"%AddDeps kindling.demo:nothing:9.9 --repository {repo.as_uri()}", "ResolutionFailed"
    )
    assert "kindling.demo:nothing:9.9" in evalue and repo.as_uri() in evalue
    evalue = failed(
        kernel,
        "%AddDeps kindling.demo:elsewhere:1.0 --repository http://127.0.0.1:9/maven",
        "ResolutionFailed",
    )
    assert "kindling.demo:elsewhere:1.0" in evalue and "http://127.0.0.1:9/maven" in evalue
    still_running(kernel)
    assert ok(kernel, 'kindling.greet.Greeter.greet("still")').result_text == "Hello, still"


def test_what_the_kernel_has_is_not_resolved(kernel, repo):
    ex = ok(kernel, f"%AddDeps org.apache.commons:commons-lang3:3.0.1 --repository {repo.as_uri()}")
    assert "the kernel already has org.apache.commons:commons-lang3:3.20.0" in ex.stdout
    assert "Nothing to add" in ex.stdout


def test_wrong_arguments_print_the_usage(kernel):
    ex = kernel.execute("%AddDeps just-a-name")
    assert ex.status == "error"
    assert "%AddDeps group:artifact:version" in "\n".join(ex.errors[0]["content"]["traceback"])
    ex = kernel.execute("%AddDeps a:b:c --frobnicate")
    assert ex.status == "error"
    assert "unknown option --frobnicate" in ex.errors[0]["content"]["evalue"]
    still_running(kernel)
