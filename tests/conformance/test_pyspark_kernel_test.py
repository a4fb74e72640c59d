"""jupyter_kernel_test 0.7.0 against the ``kindling_pyspark`` kernelspec: Python cells in the
ipykernel child, through the kernel's proxy. Every sample is filled, the pager included (ipykernel
answers ``print?`` with an execute_reply payload, which the proxy passes through).
"""

from __future__ import annotations

import jupyter_kernel_test as jkt

from harness import target as target_module

if target_module.selected().is_kindling:

    class PySparkKernelTests(jkt.KernelTests):
        kernel_name = target_module.KINDLING_PYSPARK.kernel_name
        language_name = "python"
        file_extension = ".py"

        code_hello_world = "print('hello, world')"
        code_stderr = "import sys; print('test', file=sys.stderr)"
        completion_samples = [{"text": "zi", "matches": {"zip"}}]
        complete_code_samples = ["1", "print('hello, world')", "def f(x):\n  return x*2\n\n\n"]
        incomplete_code_samples = ["print('''hello", "def f(x):\n  x*2"]
        invalid_code_samples = ["import = 7q"]
        code_display_data = [
            {"code": "from IPython.display import HTML; display(HTML('<b>x</b>'))", "mime": "text/html"},
            {"code": "from IPython.display import Markdown; display(Markdown('*x*'))", "mime": "text/markdown"},
        ]
        code_execute_result = [
            {"code": "1+2+3", "result": "6"},
            {"code": "[n*n for n in range(1, 4)]", "result": "[1, 4, 9]"},
        ]
        code_generate_error = "raise ValueError('x')"
        supported_history_operations = ("tail", "range", "search")
        code_history_pattern = "1?2*"
        code_inspect_sample = "zip"
        code_clear_output = "from IPython.display import clear_output; clear_output()"
        code_page_something = "print?"

        @classmethod
        def setUpClass(cls) -> None:
            target_module.KINDLING_PYSPARK.check_available()
            super().setUpClass()
