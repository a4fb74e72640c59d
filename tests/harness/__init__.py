"""Shared helpers for Kindling's end-to-end tests, conformance run, fuzz test and benchmark.

- ``paths``: where the distribution, the test plugin and the repository are.
- ``jupyter_env``: an isolated Jupyter environment with the ``kindling_test`` kernelspec.
- ``target``: which kernel the suites run against (Kindling, or ipykernel to check the harness).
- ``dialect``: the code snippets each kernel's language needs for the same behaviour.
- ``kernel``: a running kernel plus a client that collects replies and IOPub messages by parent.
- ``wire``: a raw ZeroMQ client that signs, frames and parses messages itself.
"""
