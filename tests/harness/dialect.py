"""The same user-visible behaviour written in each kernel's language.

Tests ask the dialect for code ("print this", "fail with that") instead of hard-coding the
Kindling test language, so the protocol-level suites also run against ipykernel and prove the
harness right before Kindling exists. Each method documents what the code does.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CompletionCase:
    code: str
    cursor_pos: int  # in code points
    expected_match: str
    cursor_start: int  # in code points
    cursor_end: int


class Dialect:
    language_name: str
    file_extension: str
    error_name: str  # ename of error()
    prelude: str = ""  # run once (silently) after a kernel starts

    def lines(self, *snippets: str) -> str:
        """One cell that runs the snippets in order."""
        return "\n".join(snippets)

    # Each method returns code for one line of a cell.
    def print(self, text: str) -> str:  # stdout: text + newline
        raise NotImplementedError

    def write(self, text: str) -> str:  # stdout: text, no newline
        raise NotImplementedError

    def eprint(self, text: str) -> str:  # stderr: text + newline
        raise NotImplementedError

    def value(self, text: str) -> str:  # execute_result text/plain == text
        raise NotImplementedError

    def point(self, x: int, y: int) -> str:  # execute_result text/html + text/plain "(x, y)"
        raise NotImplementedError

    def display(self, mime: str, text: str) -> str:  # display_data {mime: text, text/plain}
        raise NotImplementedError

    def html(self, text: str) -> str:  # display_data text/html
        raise NotImplementedError

    def update(self, name: str, text: str) -> str:  # display with an id, then update it
        raise NotImplementedError

    def clear(self, wait: bool = False) -> str:  # clear_output(wait)
        raise NotImplementedError

    def error(self, text: str) -> str:  # cell error: ename error_name, evalue text
        raise NotImplementedError

    def sleep(self, millis: int) -> str:  # interruptible wait
        raise NotImplementedError

    def busy(self, millis: int) -> str:  # busy loop that honours interrupts
        raise NotImplementedError

    def input(self, prompt: str) -> str:  # input_request; prints "got: VALUE"
        raise NotImplementedError

    def password(self, prompt: str) -> str:  # password input; prints "got N characters"
        raise NotImplementedError

    def thread(self, text: str) -> str:  # prints text from a thread the cell starts
        raise NotImplementedError

    def set(self, name: str, value: str) -> str:  # shared data map
        raise NotImplementedError

    def get(self, name: str) -> str:  # execute_result text/plain == the stored value
        raise NotImplementedError

    def comm_open(self, target: str) -> str:  # kernel opens a comm, data {"from": "kernel"}
        raise NotImplementedError

    def print_many(self, prefix: str, count: int) -> str:
        """A cell printing ``prefix + i`` for i in range(count), one print per line."""
        raise NotImplementedError

    def noop_comment(self, text: str) -> str:
        """A line that does nothing."""
        return "# " + text

    # Samples for completion, inspection and is_complete.
    completion_cases: tuple[CompletionCase, ...] = ()
    inspect_word: str = ""
    complete_samples: tuple[str, ...] = ()
    incomplete_samples: tuple[str, ...] = ()
    invalid_samples: tuple[str, ...] = ()
    # user_expressions: an expression whose text/plain value is "42", and one that fails.
    expression_42: str = ""
    failing_expression: str = ""


def _cp(s: str) -> int:
    """Length in Unicode code points (what the protocol's cursor positions count)."""
    return len(s)


def _completion_cases(prefix_line: str, stem: str, match: str) -> tuple[CompletionCase, ...]:
    """Completion at the end of a cell whose earlier line has non-BMP characters, and in the
    middle of a cell, both in code points."""
    at_end = prefix_line + "\n" + stem
    middle_head = prefix_line + "\n" + stem
    middle = middle_head + "\n" + prefix_line
    return (
        CompletionCase(stem, _cp(stem), match, 0, _cp(stem)),
        CompletionCase(at_end, _cp(at_end), match, _cp(at_end) - _cp(stem), _cp(at_end)),
        CompletionCase(
            middle, _cp(middle_head), match, _cp(middle_head) - _cp(stem), _cp(middle_head)
        ),
    )


class KindlingTestLanguage(Dialect):
    """The test plugin's language "kindling-test": one ``COMMAND [ARGUMENT]`` per line."""

    language_name = "kindling-test"
    file_extension = ".ktest"
    error_name = "TestError"

    def print(self, text):
        return f"print {text}"

    def write(self, text):
        return f"write {text}"

    def eprint(self, text):
        return f"eprint {text}"

    def value(self, text):
        return f"value {text}"

    def point(self, x, y):
        return f"point {x} {y}"

    def display(self, mime, text):
        return f"display {mime} {text}"

    def html(self, text):
        return f"html {text}"

    def update(self, name, text):
        return f"update {name} {text}"

    def clear(self, wait=False):
        return "clear-wait" if wait else "clear"

    def error(self, text):
        return f"error {text}"

    def sleep(self, millis):
        return f"sleep {millis}"

    def busy(self, millis):
        return f"busy {millis}"

    def input(self, prompt):
        return f"input {prompt}"

    def password(self, prompt):
        return f"password {prompt}"

    def thread(self, text):
        return f"thread {text}"

    def set(self, name, value):
        return f"set {name} {value}"

    def get(self, name):
        return f"get {name}"

    def comm_open(self, target):
        return f"comm-open {target}"

    def print_many(self, prefix, count):
        return "\n".join(f"print {prefix}{i}" for i in range(count))

    completion_cases = _completion_cases("print 😀 naïve 🎉", "pri", "print")
    inspect_word = "print"
    complete_samples = ("print hello", "", "# just a comment")
    incomplete_samples = ("print hello \\", "value 1\nprint a \\")
    invalid_samples = ("frobnicate now",)
    expression_42 = "value 42"
    failing_expression = "error boom"


_PYTHON_PRELUDE = r'''
import sys as _kt_sys, time as _kt_time, threading as _kt_threading, getpass as _kt_getpass
from IPython.display import display as _kt_display, HTML as _kt_HTML, clear_output as _kt_clear_output

class TestError(Exception):
    pass

class _KtValue:
    def __init__(self, text):
        self.text = text
    def __repr__(self):
        return self.text

class _KtPoint:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"({self.x}, {self.y})"
    def _repr_html_(self):
        return f"<b>({self.x}, {self.y})</b>"

_kt_handles = {}
def _kt_update(name, text):
    bundle = {"text/plain": text}
    if name in _kt_handles:
        _kt_handles[name].update(bundle, raw=True)
    else:
        _kt_handles[name] = _kt_display(bundle, raw=True, display_id=True)

def _kt_busy(millis):
    end = _kt_time.monotonic() + millis / 1000
    while _kt_time.monotonic() < end:
        pass

def _kt_thread(text):
    t = _kt_threading.Thread(target=lambda: print(text))
    t.start()
    t.join()

_kt_data = {}

def _kt_echo_target(comm, open_msg):
    comm.send({"opened": open_msg["content"]["data"]})
    def on_msg(msg):
        comm.send({"echo": msg["content"]["data"]}, buffers=msg.get("buffers"))
    comm.on_msg(on_msg)

get_ipython().kernel.comm_manager.register_target("echo", _kt_echo_target)

def _kt_comm_open(target):
    from comm import create_comm
    _kt_data.setdefault("_comms", []).append(create_comm(target_name=target, data={"from": "kernel"}))
'''


class PythonLanguage(Dialect):
    """ipykernel's Python, with a prelude of helpers that mirror the test language."""

    language_name = "python"
    file_extension = ".py"
    error_name = "TestError"
    prelude = _PYTHON_PRELUDE

    def print(self, text):
        return f"print({text!r})"

    def write(self, text):
        return f"print({text!r}, end='')"

    def eprint(self, text):
        return f"print({text!r}, file=_kt_sys.stderr)"

    def value(self, text):
        return f"_KtValue({text!r})"

    def point(self, x, y):
        return f"_KtPoint({x}, {y})"

    def display(self, mime, text):
        return f"_kt_display({{{mime!r}: {text!r}, 'text/plain': {text!r}}}, raw=True)"

    def html(self, text):
        return f"_kt_display(_kt_HTML({text!r}))"

    def update(self, name, text):
        return f"_kt_update({name!r}, {text!r})"

    def clear(self, wait=False):
        return f"_kt_clear_output(wait={wait})"

    def error(self, text):
        return f"raise TestError({text!r})"

    def sleep(self, millis):
        return f"_kt_time.sleep({millis / 1000})"

    def busy(self, millis):
        return f"_kt_busy({millis})"

    def input(self, prompt):
        return f"print('got: ' + input({prompt!r}))"

    def password(self, prompt):
        return f"print('got', len(_kt_getpass.getpass({prompt!r})), 'characters')"

    def thread(self, text):
        return f"_kt_thread({text!r})"

    def set(self, name, value):
        return f"_kt_data[{name!r}] = {value!r}"

    def get(self, name):
        return f"_KtValue(_kt_data.get({name!r}, ''))"

    def comm_open(self, target):
        return f"_kt_comm_open({target!r})"

    def print_many(self, prefix, count):
        return f"for _i in range({count}):\n    print({prefix!r} + str(_i))"

    completion_cases = _completion_cases("s = '😀 naïve 🎉'", "pri", "print")
    inspect_word = "print"
    complete_samples = ("x = 1", "", "# just a comment")
    incomplete_samples = ("for i in range(3):", "x = (1,")
    invalid_samples = ("x = )",)
    expression_42 = "6 * 7"
    failing_expression = "1 / 0"


def _scala_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class ScalaLanguage(Dialect):
    """Scala cells for the Kindling Scala interpreter (``kindling_scala`` kernelspec)."""

    language_name = "scala"
    file_extension = ".scala"
    error_name = "java.lang.IllegalStateException"

    def print(self, text):
        return f"println({_scala_string(text)})"

    def write(self, text):
        return f"print({_scala_string(text)})"

    def eprint(self, text):
        return f"System.err.println({_scala_string(text)})"

    def value(self, text):
        return _scala_string(text)

    def html(self, text):
        return f"kernel.display.html({_scala_string(text)})"

    def display(self, mime, text):
        return f"kernel.display.content({_scala_string(mime)}, {_scala_string(text)})"

    def clear(self, wait=False):
        return f"kernel.display.clear({'true' if wait else 'false'})"

    def error(self, text):
        return f"throw new IllegalStateException({_scala_string(text)})"

    def sleep(self, millis):
        return f"Thread.sleep({millis})"

    expression_42 = "6 * 7"


class RLanguage(Dialect):
    """R cells for the Kindling SparkR interpreter (``kindling_sparkr`` kernelspec); only what
    tests/e2e/test_sparkr.py uses."""

    language_name = "R"
    file_extension = ".r"
    error_name = "simpleError"
