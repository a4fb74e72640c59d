# Kindling PySpark bootstrap: run once in the ipykernel child after it starts (and after every
# restart). Attaches to the kernel JVM's py4j gateway (PYSPARK_GATEWAY_PORT/SECRET) and binds the
# kernel's own SparkContext and SparkSession as `sc` and `spark`, plus `kernel`.
def __kindling_bootstrap():
    import IPython
    import pyspark
    from IPython.display import display as _display
    from pyspark import SparkConf, SparkContext
    from pyspark.java_gateway import launch_gateway
    from pyspark.sql import DataFrame, SparkSession

    gateway = launch_gateway()
    entry = gateway.entry_point
    jvm_version = entry.sparkVersion()
    if pyspark.__version__ != jvm_version:
        raise RuntimeError(
            "pyspark %s is installed, but the kernel runs Spark %s; they must be the same. "
            "Fix: pip install pyspark==%s ipykernel" % (pyspark.__version__, jvm_version, jvm_version)
        )
    def bind():
        jsc = entry.javaSparkContext()
        conf = SparkConf(_jvm=gateway.jvm, _jconf=jsc.getConf())
        sc = SparkContext(conf=conf, gateway=gateway, jsc=jsc)
        return sc, SparkSession(sc, jsparkSession=entry.session())

    sc, spark = bind()
    bound = {"session": entry.sessionId()}

    class Kernel:
        """The Kindling kernel: `data` is the map every language shares, `display` shows values."""

        @property
        def data(self):
            return entry.data()

        def display(self, *values, **kwargs):
            _display(*values, **kwargs)

        def __repr__(self):
            return "<Kindling kernel: kernel.data, kernel.display(value)>"

    shell = IPython.get_ipython()

    def dataframe_bundle(df, *args, **kwargs):
        # The kernel's own renderer, so DataFrames look the same in every language.
        return dict(entry.render(df._jdf))

    shell.display_formatter.mimebundle_formatter.for_type(DataFrame, dataframe_bundle)
    # Spark jobs of a cell run on this thread's JVM twin: give it the cell's job group first.
    def rebind_after_restart():
        # %%configure -f replaced the kernel's session: spark and sc must name the new one.
        current = entry.sessionId()
        if current and current != bound["session"]:
            SparkContext._active_spark_context = None
            SparkSession._instantiatedSession = None
            SparkSession._activeSession = None
            new_sc, new_spark = bind()
            shell.user_ns.update(sc=new_sc, spark=new_spark)
            bound["session"] = current

    def pre_run_cell(*args):
        rebind_after_restart()
        entry.enterCell()

    shell.events.register("pre_run_cell", pre_run_cell)
    shell.user_ns.update(sc=sc, spark=spark, kernel=Kernel())


__kindling_bootstrap()
del __kindling_bootstrap
