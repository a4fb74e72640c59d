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
    jsc = entry.javaSparkContext()
    conf = SparkConf(_jvm=gateway.jvm, _jconf=jsc.getConf())
    sc = SparkContext(conf=conf, gateway=gateway, jsc=jsc)
    spark = SparkSession(sc, jsparkSession=entry.session())

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
    shell.events.register("pre_run_cell", lambda *args: entry.enterCell())
    shell.user_ns.update(sc=sc, spark=spark, kernel=Kernel())


__kindling_bootstrap()
del __kindling_bootstrap
