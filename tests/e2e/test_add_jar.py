"""%AddJar: jars from a path, a file: URL or an http: URL reach the Scala REPL, the executors, and
the JVM side of Python (``spark._jvm``) and R (``callJStatic``) cells.

One Scala kernel (the distribution's plugins, Spark started lazily so the first jar is added
before Spark runs) with its own cache directory. Every error case is followed by a check that the
kernel still runs and keeps its state.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading

import pytest

from harness.jars import compile_jar, scala_target
from harness.kernel import KernelSession

GREETER = """
package kindling.demo;
public final class Greeter {
  public static String greet(String name) { return "Hello, " + name; }
}
"""

SHOUTER = """
package kindling.demo;
public final class Shouter {
  public static String shout(String text) { return text.toUpperCase() + "!"; }
}
"""

COUNTER = """
package kindling.web;
public final class Counter {
  public static int twice(int n) { return 2 * n; }
}
"""


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("addjar")


@pytest.fixture(scope="module")
def cache(work):
    return work / "cache"


@pytest.fixture(scope="module")
def scala(tmp_path_factory, cache):
    target = scala_target(
        "kindling_scala_addjar", "--spark-init", "lazy", "--conf", "spark.master=local[2]",
        "--conf", f"kindling.python={sys.executable}",
        env={"KINDLING_CACHE_DIR": str(cache)},
    )
    target.check_available()
    session = KernelSession(target, tmp_path_factory.mktemp("logs"), name="addjar")
    session.start(ready_timeout=60)
    yield session
    session.stop()


@pytest.fixture
def kernel(scala):
    scala.forget()
    return scala


@pytest.fixture(scope="module")
def web(work):
    """A real HTTP server on localhost serving ``work/web``."""
    root = work / "web"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


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


def test_a_jar_added_before_spark_starts_reaches_the_repl_and_the_executors(kernel, work, cache):
    jar = compile_jar(work, work / "greeter.jar", {"kindling/demo/Greeter.java": GREETER})
    ok(kernel, "val keep = 41")
    ex = ok(kernel, f"%AddJar {jar}")
    assert "Fetched" in ex.stdout and "greeter.jar" in ex.stdout
    assert list(cache.rglob("greeter.jar")), "the jar is in the cache directory"
    assert ok(kernel, 'kindling.demo.Greeter.greet("Ada")').result_text == 'Hello, Ada'
    # Code that loads classes by name (JDBC drivers, data sources) finds them too.
    ex = ok(kernel, 'Thread.currentThread.getContextClassLoader.loadClass("kindling.demo.Greeter").getSimpleName')
    assert ex.result_text == "Greeter"
    ex = ok(
        kernel,
        'sc.parallelize(1 to 3, 3).map(i => kindling.demo.Greeter.greet(i.toString))'
        '.collect().mkString(",")',
    )
    assert ex.result_text == 'Hello, 1,Hello, 2,Hello, 3'


def test_a_file_url_is_cached_and_reused_unless_forced(kernel, work):
    jar = compile_jar(work, work / "shouter.jar", {"kindling/demo/Shouter.java": SHOUTER})
    url = jar.as_uri()
    assert "Fetched" in ok(kernel, f"%AddJar {url}").stdout
    assert "Using cached" in ok(kernel, f"%AddJar {url}").stdout
    assert "Fetched" in ok(kernel, f"%addjar {url} -f").stdout
    ex = ok(kernel, 'sc.parallelize(Seq("a", "b")).map(kindling.demo.Shouter.shout).collect().mkString')
    assert ex.result_text == 'A!B!'


def test_an_http_jar_added_while_spark_runs(kernel, work, web):
    root, base = web
    compile_jar(work, root / "counter.jar", {"kindling/web/Counter.java": COUNTER})
    ok(kernel, "spark.range(1).count()")
    ex = ok(kernel, f"%AddJar {base}/counter.jar")
    assert f"{base}/counter.jar" in ex.stdout
    ex = ok(kernel, "sc.parallelize(1 to 4).map(kindling.web.Counter.twice).sum().toInt")
    assert ex.result_text == "20"


def test_the_rest_of_the_cell_can_use_the_jar(kernel, work):
    jar = compile_jar(
        work, work / "same-cell.jar",
        {"kindling/same/Same.java": "package kindling.same; public final class Same {"
         " public static int one() { return 1; } }"},
    )
    ex = ok(kernel, f"%AddJar {jar}\nkindling.same.Same.one() + 1")
    assert ex.result_text == "2"


def test_a_file_that_is_not_a_jar_is_refused(kernel, work):
    text = work / "notes.jar"
    text.write_text("these are not classes\n")
    assert "not a jar" in failed(kernel, f"%AddJar {text}", "NotAJar")
    still_running(kernel)


def test_a_missing_file_is_reported(kernel, work):
    missing = work / "nowhere" / "missing.jar"
    assert str(missing) in failed(kernel, f"%AddJar {missing}", "JarNotFound")
    still_running(kernel)


def test_a_missing_url_and_an_unreachable_host_are_reported(kernel, web):
    _, base = web
    assert "404" in failed(kernel, f"%AddJar {base}/absent.jar", "JarNotFound")
    evalue = failed(kernel, "%AddJar http://127.0.0.1:9/unreachable.jar", "JarUnreachable")
    assert "127.0.0.1:9" in evalue
    still_running(kernel)
    assert ok(kernel, 'kindling.demo.Greeter.greet("again")').result_text == 'Hello, again'


def test_wrong_arguments_print_the_usage(kernel):
    ex = kernel.execute("%AddJar")
    assert ex.status == "error"
    assert "%AddJar <path" in "\n".join(ex.errors[0]["content"]["traceback"])
    still_running(kernel)


def named_jar(work, package, name):
    """A jar with ``package.Named``, whose static ``name()`` returns ``name``."""
    source = (
        f"package {package}; public final class Named {{"
        f' public static String name() {{ return "{name}"; }} }}'
    )
    return compile_jar(work, work / f"{name}.jar", {f"{package.replace('.', '/')}/Named.java": source})


def test_python_cells_find_the_classes_of_added_jars_through_the_gateway(kernel, work):
    # Added before the Python interpreter starts: it gets the jar when it is created.
    ok(kernel, f"%AddJar {named_jar(work, 'kindling.py.before', 'before-python')}")
    code = "%%pyspark\nprint(spark._jvm.kindling.py.before.Named.name())"
    assert ok(kernel, code, timeout=180).stdout == "before-python\n"
    # Added while Python runs: the next Python cell finds it.
    ok(kernel, f"%AddJar {named_jar(work, 'kindling.py.after', 'after-python')}")
    code = "%%pyspark\nprint(spark._jvm.kindling.py.after.Named.name())"
    assert ok(kernel, code).stdout == "after-python\n"
    # A class from no jar is still not there (py4j answers with a package, not a class).
    ex = kernel.execute("%%pyspark\nspark._jvm.kindling.py.absent.Named.name()", timeout=60)
    assert ex.status == "error", ex.describe()
    still_running(kernel)


def test_r_cells_find_the_classes_of_added_jars_through_the_backend(kernel, work):
    ok(kernel, f"%AddJar {named_jar(work, 'kindling.r.before', 'before-r')}")
    code = '%%sparkr\ncat(callJStatic("kindling.r.before.Named", "name"), "\\n")'
    assert ok(kernel, code, timeout=180).stdout == "before-r \n"
    ok(kernel, f"%AddJar {named_jar(work, 'kindling.r.after', 'after-r')}")
    code = '%%sparkr\ncat(callJStatic("kindling.r.after.Named", "name"), "\\n")'
    assert ok(kernel, code).stdout == "after-r \n"
    ex = kernel.execute('%%sparkr\ncallJStatic("kindling.r.absent.Named", "name")', timeout=60)
    assert ex.status == "error", ex.describe()
    assert "no such class or method" in ex.errors[0]["content"]["evalue"], ex.describe()
    still_running(kernel)
