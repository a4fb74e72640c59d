"""jupyter_kernel_test 0.7.0 against the ``kindling_sql`` kernelspec: every cell is Spark SQL.

SQL has no stdout, stderr, display or pager of its own, so those samples are left out (the suite
skips them); execution, errors, completion, is_complete and history are all checked.
"""

from __future__ import annotations

import jupyter_kernel_test as jkt

from harness.target import SQL

ANSWER = "+------+\n|answer|\n+------+\n|    42|\n+------+"


class SqlKernelTests(jkt.KernelTests):
    kernel_name = SQL.kernel_name
    language_name = "sql"
    file_extension = ".sql"

    completion_samples = [
        {"text": "SELE", "matches": {"SELECT"}},
        {"text": "select 1 whe", "matches": {"when", "where"}},
        # the view setUpClass creates, and its columns after "view."
        {"text": "SELECT * FROM conformance_peo", "matches": {"conformance_people"}},
        {"text": "SELECT conformance_people.na", "matches": {"name"}},
        {"text": "zzzNothing", "matches": set()},
    ]
    complete_code_samples = [
        "SELECT 1",
        "SELECT 1;",
        "",
        "CREATE TEMPORARY VIEW v AS SELECT 1 AS x; SELECT * FROM v",
        "SELECT 'a;b' AS s",
    ]
    incomplete_code_samples = ["SELECT 'unfinished", "SELECT (1 + 2", "SELECT 1 +", "/* open"]
    invalid_code_samples = ["SELEC 1", "SELECT 1)"]

    code_execute_result = [
        {"code": "SELECT 6 * 7 AS answer", "result": ANSWER},
        {"code": "SELECT 1 AS one;\nSELECT 6 * 7 AS answer", "result": ANSWER},
    ]
    code_generate_error = "SELECT * FROM no_such_table_anywhere"
    # Spark's documentation of the function (DESCRIBE FUNCTION EXTENDED)
    code_inspect_sample = "upper"

    supported_history_operations = ("tail", "range", "search")
    # Matches exactly one distinct input of code_execute_result.
    code_history_pattern = "SELECT 6*"

    @classmethod
    def setUpClass(cls) -> None:
        SQL.check_available()
        super().setUpClass()
        # The first cell starts Spark, which can take longer than jupyter_kernel_test's
        # per-request timeout on a loaded machine; start it here (silent: no history, no count).
        reply = cls.kc.execute_interactive(
            "CREATE OR REPLACE TEMPORARY VIEW conformance_people AS SELECT 'Ada' AS name, 36 AS age",
            silent=True,
            store_history=False,
            timeout=180,
        )
        assert reply["content"]["status"] == "ok", reply["content"]
