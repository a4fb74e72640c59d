# Kindling PySpark bootstrap: run once in the ipykernel child after it starts (and after every
# restart). Attaches to the kernel JVM's py4j gateway (PYSPARK_GATEWAY_PORT/SECRET) and binds the
# kernel's own SparkContext and SparkSession as `sc` and `spark`, plus `kernel`.
def __kindling_bootstrap():
    import os
    import sys
    import types
    from collections.abc import MutableMapping

    import IPython
    import pyspark
    from IPython.display import display as _display
    from pyspark import SparkConf, SparkContext
    from pyspark.java_gateway import launch_gateway
    from py4j.java_gateway import JavaObject, is_instance_of
    from pyspark.sql import DataFrame, SparkSession

    gateway = launch_gateway()
    entry = gateway.entry_point
    jvm_version = entry.sparkVersion()
    if pyspark.__version__ != jvm_version:
        raise RuntimeError(
            "pyspark %s is installed, but the kernel runs Spark %s; they must be the same. "
            "Fix: pip install pyspark==%s ipykernel" % (pyspark.__version__, jvm_version, jvm_version)
        )
    kernel_python = os.environ.get("PYSPARK_PYTHON")
    # PySpark imports pyspark.testing.utils, and with it pandas and numpy (0.4 s or more), at the
    # first py4j call that passes an argument. Import it now: the kernel may still be starting
    # Spark, and bind() below waits for that, so the import overlaps the wait instead of
    # following it. Should it fail, PySpark's own import fails the same way later, where it
    # matters.
    try:
        import pyspark.testing.utils  # noqa: F401
    except Exception:
        pass

    def bind():
        jsc = entry.javaSparkContext()
        conf = SparkConf(_jvm=gateway.jvm, _jconf=jsc.getConf())
        # Executors start their Python workers with sc.pythonExec (read from PYSPARK_PYTHON):
        # spark.pyspark.python when the session has it, as spark-submit does, else this Python.
        executor_python = conf.get("spark.pyspark.python", None) or kernel_python
        if executor_python:
            os.environ["PYSPARK_PYTHON"] = executor_python
        sc = SparkContext(conf=conf, gateway=gateway, jsc=jsc)
        return sc, SparkSession(sc, jsparkSession=entry.session())

    sc, spark = bind()
    # The kernel's own context and session. The kernel uses these, never the user's `sc` and
    # `spark`, which a cell may rebind (`sc = StandardScaler()`).
    bound = {"session": entry.sessionId(), "sc": sc, "spark": spark}

    class SharedData(MutableMapping):
        """kernel.data: the map every language shares. DataFrames cross languages as DataFrames:
        a JVM Dataset (kept by Scala, or by %%sql --var) reads as a PySpark DataFrame of the
        kernel's session, and a PySpark DataFrame is kept as its JVM Dataset, which Scala and SQL
        use as they are. Other values are py4j's (numbers and strings as themselves)."""

        def __init__(self, jmap):
            self._jmap = jmap

        def __getitem__(self, key):
            value = self._jmap.get(key)
            if value is None and not self._jmap.containsKey(key):
                raise KeyError(key)
            if isinstance(value, JavaObject) and is_instance_of(gateway, value, "org.apache.spark.sql.Dataset"):
                return DataFrame(value.toDF(), bound["spark"])
            return value

        def __setitem__(self, key, value):
            if value is None:
                raise TypeError(
                    "kernel.data cannot hold None (the JVM's shared map has no nulls); "
                    "use del kernel.data[%r] to remove an entry" % (key,)
                )
            self._jmap.put(key, value._jdf if isinstance(value, DataFrame) else value)

        def __delitem__(self, key):
            if not self._jmap.containsKey(key):
                raise KeyError(key)
            self._jmap.remove(key)

        def __iter__(self):
            return iter(list(self._jmap.keySet()))

        def __len__(self):
            return self._jmap.size()

        def __repr__(self):
            return "kernel.data(%s)" % ", ".join(repr(k) for k in self)

    class Kernel:
        """The Kindling kernel: `data` is the map every language shares, `display` shows values."""

        @property
        def data(self):
            return SharedData(entry.data())

        def display(self, *values, **kwargs):
            _display(*values, **kwargs)

        def __repr__(self):
            return "<Kindling kernel: kernel.data, kernel.display(value)>"

    shell = IPython.get_ipython()

    def dataframe_bundle(df, *args, **kwargs):
        # The kernel's own renderer, so DataFrames look the same in every language.
        return dict(entry.render(df._jdf))

    shell.display_formatter.mimebundle_formatter.for_type(DataFrame, dataframe_bundle)
    def rebind_after_restart(current):
        # %%configure -f replaced the kernel's session: spark and sc must name the new one.
        if current and current != bound["session"]:
            SparkContext._active_spark_context = None
            SparkSession._instantiatedSession = None
            SparkSession._activeSession = None
            new_sc, new_spark = bind()
            shell.user_ns.update(sc=new_sc, spark=new_spark)
            bound.update(session=current, sc=new_sc, spark=new_spark)

    def pre_run_cell(*args):
        # Spark jobs of a cell run on this thread's JVM twin: give it the cell's job group first.
        # One py4j call, which also names the running session, since it costs every cell.
        rebind_after_restart(entry.enterCell())

    shell.events.register("pre_run_cell", pre_run_cell)
    __kindling_threads_inherit_the_cell(shell, lambda: bound["sc"]._jsc)
    # Also importable as __kindling__.kernel, for code the kernel runs in cells (%%sql --var):
    # users rebind `kernel` (a common name for convolution and SVM kernels).
    module = types.ModuleType("__kindling__", "The Kindling kernel object of this Python child.")
    module.kernel = Kernel()
    sys.modules["__kindling__"] = module
    shell.user_ns.update(sc=sc, spark=spark, kernel=module.kernel)


def __kindling_threads_inherit_the_cell(shell, current_jsc):
    """Python threads a cell starts run their Spark jobs in that cell's job group, as JVM threads
    do: each Python thread has its own JVM thread (PySpark's pinned thread mode), which would
    otherwise start with no job group, so the cell's progress would miss its jobs and an interrupt
    would not cancel them. Only threads started by cell code on the main thread are touched."""
    import threading

    running = []
    shell.events.register("pre_run_cell", lambda *args: running.append(True))
    shell.events.register("post_run_cell", lambda *args: running.clear())
    start = threading.Thread.start

    def start_with_the_cells_properties(thread):
        if running and threading.current_thread() is threading.main_thread():
            jsc = current_jsc()  # the session's, also after %%configure -f replaced it
            properties = jsc.sc().getLocalProperties().clone()
            run = thread.run

            def run_in_the_cell():
                jsc.sc().setLocalProperties(properties)
                run()

            thread.run = run_in_the_cell
        start(thread)

    threading.Thread.start = start_with_the_cells_properties


__kindling_bootstrap()
del __kindling_bootstrap
del __kindling_threads_inherit_the_cell
