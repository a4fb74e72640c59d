# Kindling SparkR bootstrap: run once in the IRkernel child after it starts (and after every
# restart). Loads the R side of the bridge into an attached "kindling" environment, connects to the
# kernel JVM's RBackend and binds the kernel's SparkSession as `spark`, plus `kernel`.
# IRkernel hides errors of silent code, so a failure is written to stderr and ends the child: the
# kernel then reports the message as the reason the start failed.
local({
  fail <- function(message) {
    cat("Kindling SparkR could not start: ", message, "\n", sep = "", file = stderr())
    flush(stderr())
    .Internal(quit("no", 3L, FALSE))
  }
  tryCatch({
    lib <- Sys.getenv("KINDLING_SPARKR_LIB")
    if ("kindling" %in% search()) detach("kindling", character.only = TRUE)
    env <- attach(NULL, name = "kindling")
    for (file in c("backend.R", "dataframe.R")) {
      sys.source(file.path(lib, file), envir = env, keep.source = FALSE)
    }
    env$.registerMethods(env)
    # Data frames and plots show as IRkernel shows them; Spark DataFrames as the kernel renders
    # them (the same table as in Scala and Python cells).
    if (requireNamespace("repr", quietly = TRUE)) {
      for (mime in c("html", "text")) {
        local({
          type <- if (mime == "html") "text/html" else "text/plain"
          registerS3method(paste0("repr_", mime), "SparkDataFrame", function(obj, ...) {
            rendered <- callJMethod(env$.bridge(), "render", obj$jobj)
            rendered[[type]]
          }, envir = asNamespace("repr"))
        })
      }
    }
    # Before each cell: the cell's job group, and `spark` bound again when the kernel replaced
    # the session (%%configure -f) since the last cell.
    env$.sessionId <- NULL
    env$.enterCell <- function() {
      id <- callJMethod(env$.bridge(), "enterCell")
      if (!is.null(env$.sessionId) && nzchar(id) && !identical(id, env$.sessionId)) {
        assign("spark", env$sparkR.session(), envir = globalenv())
      }
      if (nzchar(id)) env$.sessionId <- id
      invisible(NULL)
    }
    version <- callJMethod(env$.bridge(), "sparkVersion")
    env$kernel <- structure(list(data = env$.kernelData, sparkVersion = version),
                            class = "KindlingKernel")
    assign("spark", env$sparkR.session(), envir = globalenv())
    # --conf kindling.sparkr.useSparkR=true: Spark's own SparkR on top (its names mask ours),
    # attached to the same backend over a connection of its own.
    sparkr <- Sys.getenv("KINDLING_SPARKR_PACKAGE")
    if (nzchar(sparkr)) {
      suppressPackageStartupMessages(library(SparkR, lib.loc = sparkr))
      assign("spark", SparkR::sparkR.session(), envir = globalenv())
      env$.enterCell <- function() {
        callJMethod(env$.bridge(), "enterCell")
        get("invokeJava", envir = asNamespace("SparkR"))(
          FALSE, Sys.getenv("KINDLING_SPARKR_BRIDGE"), "enterCell")
        invisible(NULL)
      }
    }
  }, error = function(e) fail(conditionMessage(e)))
})
