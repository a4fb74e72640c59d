"""jupyter_kernel_test 0.7.0 against the ``kindling_test`` kernelspec.

Every attribute the test language can support is filled in. The module is imported, not its
class names, so unittest/pytest do not also collect (and run) the base classes against python3.

KINDLING_E2E_KERNEL=ipykernel runs the same suite against ipykernel instead, to check this
module and the isolated kernelspec set-up themselves.
"""

from __future__ import annotations

import jupyter_kernel_test as jkt

from harness import target as target_module

TARGET = target_module.selected()


def _check_built(cls) -> None:
    # A clear message instead of "No such file" from deep inside jupyter_client.
    TARGET.check_available()


if TARGET.is_kindling:

    class KindlingKernelTests(jkt.KernelTests):
        kernel_name = TARGET.kernel_name
        language_name = "kindling-test"
        file_extension = ".ktest"

        code_hello_world = "print hello, world"
        code_stderr = "eprint something went to stderr"

        completion_samples = [
            {"text": "pri", "matches": {"print"}},
            {"text": "cl", "matches": {"clear", "clear-wait"}},
            {"text": "print x\nval", "matches": {"value"}},
            {"text": "zzz", "matches": set()},
        ]
        complete_code_samples = ["print hello", "", "# only a comment", "value 1\nprint 2"]
        incomplete_code_samples = ["print hello \\", "print one\nprint two \\"]
        invalid_code_samples = ["frobnicate now", "print ok\nnonsense here"]

        code_display_data = [
            {"code": "html <b>bold</b>", "mime": "text/html"},
            {"code": "display text/markdown *emphasis*", "mime": "text/markdown"},
        ]
        code_execute_result = [
            {"code": "value 6", "result": "6"},
            {"code": "point 1 2", "mime": "text/html", "result": "<b>(1, 2)</b>"},
        ]
        code_generate_error = "error this cell fails"

        supported_history_operations = ("tail", "range", "search")
        # Matches exactly one distinct input of code_execute_result ("value 6"), as
        # the search subtest's unique=True case requires.
        code_history_pattern = "value*"

        code_inspect_sample = "print"
        code_clear_output = "clear"

        # Pager output travels as an execute_reply payload ("source": "page"), as IPython's `?`.
        code_page_something = "page some help text"

        @classmethod
        def setUpClass(cls) -> None:
            _check_built(cls)
            super().setUpClass()

    class KindlingIopubWelcomeTests(jkt.IopubWelcomeTests):
        kernel_name = TARGET.kernel_name
        support_iopub_welcome = True

        @classmethod
        def setUpClass(cls) -> None:
            _check_built(cls)
            super().setUpClass()

else:

    class IPyKernelTests(jkt.KernelTests):
        """The reference kernel, with the attributes jupyter_kernel_test's own suite uses."""

        kernel_name = TARGET.kernel_name
        language_name = "python"
        file_extension = ".py"
        code_hello_world = "print('hello, world')"
        code_stderr = "import sys; print('test', file=sys.stderr)"
        completion_samples = [{"text": "zi", "matches": {"zip"}}]
        complete_code_samples = ["1", "print('hello, world')", "def f(x):\n  return x*2\n\n\n"]
        incomplete_code_samples = ["print('''hello", "def f(x):\n  x*2"]
        invalid_code_samples = ["import = 7q"]
        code_display_data = [{"code": "from IPython.display import HTML; display(HTML('<b>x</b>'))", "mime": "text/html"}]
        code_execute_result = [{"code": "1+2+3", "result": "6"}, {"code": "[n*n for n in range(1, 4)]", "result": "[1, 4, 9]"}]
        code_generate_error = "raise ValueError('x')"
        supported_history_operations = ("tail", "search")
        code_history_pattern = "1?2*"
        code_inspect_sample = "zip"
        code_clear_output = "from IPython.display import clear_output; clear_output()"
        code_page_something = "zip?"

    class IPyKernelIopubWelcomeTests(jkt.IopubWelcomeTests):
        kernel_name = TARGET.kernel_name
        # ipykernel 7.4 sends iopub_welcome only to the first subscriber; it is the only one here.
        support_iopub_welcome = True
