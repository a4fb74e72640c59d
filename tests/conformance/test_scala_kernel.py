"""jupyter_kernel_test 0.7.0 against the ``kindling_scala`` kernelspec (the Scala interpreter).

Runs whatever KINDLING_E2E_KERNEL selects: it is the Scala interpreter's conformance.
"""

from __future__ import annotations

import jupyter_kernel_test as jkt

from harness.target import SCALA


class ScalaKernelTests(jkt.KernelTests):
    kernel_name = SCALA.kernel_name
    language_name = "scala"
    file_extension = ".scala"

    code_hello_world = 'println("hello, world")'
    code_stderr = 'System.err.println("something went to stderr")'

    completion_samples = [
        {"text": "List(1, 2).hea", "matches": {"head", "headOption"}},
        {"text": "math.sqr", "matches": {"sqrt"}},
        {"text": "sparkSess", "matches": set()},
        {"text": "zzzNothing", "matches": set()},
    ]
    complete_code_samples = ["6 * 7", "", "case class A(x: Int)", "val x = 1\nx + 1"]
    incomplete_code_samples = ["def f(x: Int) = {", "val x = 1 +", 'val s = """unfinished']
    invalid_code_samples = ["val = 5", "1 + )"]

    code_display_data = [
        {"code": 'kernel.display.html("<b>bold</b>")', "mime": "text/html"},
        {"code": 'kernel.display.markdown("*emphasis*")', "mime": "text/markdown"},
    ]
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": "List(1, 2, 3).map(_ * 2)", "result": "List(2, 4, 6)"},
    ]
    code_generate_error = 'throw new IllegalStateException("this cell fails")'

    supported_history_operations = ("tail", "range", "search")
    # Matches exactly one distinct input of code_execute_result ("6*7").
    code_history_pattern = "6*"

    code_inspect_sample = "println"
    code_clear_output = "kernel.display.clear()"
    code_page_something = "println?"

    @classmethod
    def setUpClass(cls) -> None:
        SCALA.check_available()
        super().setUpClass()
        # The compiler starts in the background; on a loaded machine the first cell can take
        # longer than jupyter_kernel_test's per-request timeout, whose late reply would then be
        # taken for the next request's. Wait for it here (silent: no history, no count).
        reply = cls.kc.execute_interactive(
            "val ready = true", silent=True, store_history=False, timeout=180
        )
        assert reply["content"]["status"] == "ok", reply["content"]
