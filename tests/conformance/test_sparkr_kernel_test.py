"""jupyter_kernel_test 0.7.0 against the ``kindling_sparkr`` kernelspec: R cells in the IRkernel
child, through the kernel's proxy. The samples are the ones IRkernel itself supports: it shows
values as display_data (it sends no execute_result) and answers no history requests, so those two
tests are left out; the pager comes as an execute_reply payload, which the proxy passes through.
"""

from __future__ import annotations

import jupyter_kernel_test as jkt

from harness import target as target_module

if target_module.selected().is_kindling:

    class SparkRKernelTests(jkt.KernelTests):
        kernel_name = target_module.KINDLING_SPARKR.kernel_name
        language_name = "R"
        file_extension = ".r"

        code_hello_world = 'print("hello, world")'
        code_stderr = 'message("test")'
        completion_samples = [
            {"text": "zi", "matches": {"zip"}},
            {"text": "createOrRepl", "matches": {"createOrReplaceTempView"}},
        ]
        complete_code_samples = ["1", 'print("hello, world")', "f <- function(x) {\n  x*2\n}"]
        incomplete_code_samples = ['print("hello', "f <- function(x) {\n  x*2"]
        invalid_code_samples = ["x <- )"]
        code_display_data = [
            {"code": "plot(1:10)", "mime": "image/png"},
            {"code": "1:3", "mime": "text/plain"},
            {"code": "1:3", "mime": "text/html"},
            {"code": "head(collect(sql('SELECT id FROM range(3)')))", "mime": "text/html"},
            {"code": "IRdisplay::display_html('<b>x</b>')", "mime": "text/html"},
        ]
        code_generate_error = 'stop("x")'
        code_inspect_sample = "print"
        code_clear_output = "IRdisplay::clear_output()"
        code_page_something = "?cat"

        @classmethod
        def setUpClass(cls) -> None:
            target_module.KINDLING_SPARKR.check_available()
            super().setUpClass()
            # The first cell waits for the R child and Spark; its start-up output belongs to it.
            reply = cls.kc.execute_interactive("invisible(count(sql('SELECT 1')))", timeout=300)
            assert reply["content"]["status"] == "ok", reply
