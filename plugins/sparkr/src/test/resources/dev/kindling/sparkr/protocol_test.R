# Driven by RBridgeProtocolIT: the R side of the bridge against Spark's real RBackend in the test
# JVM. Prints "PASS name" or "FAIL name: reason" per check; the Java test reads them.
lib <- Sys.getenv("KINDLING_SPARKR_LIB")
env <- attach(NULL, name = "kindling")
for (file in c("backend.R", "dataframe.R")) sys.source(file.path(lib, file), envir = env)
.registerMethods(env)

check <- function(name, expr) {
  result <- tryCatch(if (isTRUE(expr)) "PASS" else "FAIL: not TRUE",
                     error = function(e) paste("FAIL:", conditionMessage(e)))
  cat(if (startsWith(result, "PASS")) paste("PASS", name) else paste0("FAIL ", name, ": ", sub("^FAIL: ", "", result)), "\n", sep = "")
}

# Round trips through SparkRHandler.echo: R -> JVM -> R.
check("echo integer", identical(.echo(42L), 42L))
check("echo negative integer", identical(.echo(-7L), -7L))
check("echo double", identical(.echo(3.25), 3.25))
check("echo string", identical(.echo("hello"), "hello"))
check("echo unicode string", identical(.echo("h\u00e9llo \u2603"), "h\u00e9llo \u2603"))
check("echo empty string", identical(.echo(""), ""))
check("echo TRUE", identical(.echo(TRUE), TRUE))
check("echo FALSE", identical(.echo(FALSE), FALSE))
check("echo NULL", is.null(.echo(NULL)))
check("echo NA is NULL", is.null(.echo(NA)))
check("echo date", identical(.echo(as.Date("2024-02-29")), as.Date("2024-02-29")))
check("echo time", abs(as.double(.echo(as.POSIXct(1700000000.5, origin = "1970-01-01"))) - 1700000000.5) < 1e-3)
check("echo raw", identical(.echo(as.raw(c(1, 2, 255))), as.raw(c(1, 2, 255))))
check("echo integer vector", identical(.echo(1:5), 1:5))
check("echo double vector", identical(.echo(c(1.5, 2.5)), c(1.5, 2.5)))
# String[] is an Object[] on the JVM: it comes back as a list, as in SparkR.
check("echo string vector", identical(.echo(c("a", "b")), list("a", "b")))
check("echo logical vector", identical(.echo(c(TRUE, FALSE)), c(TRUE, FALSE)))
check("echo one-element array", identical(.echo(jarray(7L)), 7L))
check("echo empty array", identical(.echo(jarray(integer(0))), integer(0)))
check("echo mixed list", identical(.echo(list(1L, "a", TRUE)), list(1L, "a", TRUE)))
check("echo nested list", identical(.echo(list(list(1L, "x"), list(2.5, list(FALSE, "deep")))),
                                    list(list(1L, "x"), list(2.5, list(FALSE, "deep")))))
check("echo list with NULL", identical(.echo(list(1L, NULL, "z")), list(1L, NULL, "z")))
check("echo vector with NA", identical(.echo(c(1L, NA, 3L)), list(1L, NULL, 3L)))
check("echo environment as named list", {
  e <- new.env(); e$a <- 1L; e$b <- "two"
  got <- .echo(e)
  identical(got[order(names(got))], list(a = 1L, b = "two"))
})

# Static and instance calls, constructors, release.
check("static call", identical(callJStatic("java.lang.Math", "max", 3L, 9L), 9L))
check("static call long is double", identical(callJStatic("java.lang.Long", "parseLong", "12345678901"), 12345678901))
check("new object and methods", {
  list <- newJObject("java.util.ArrayList")
  callJMethod(list, "add", "x")
  callJMethod(list, "add", "y")
  identical(callJMethod(list, "size"), 2L) && identical(callJMethod(list, "get", 1L), "y")
})
check("jobj prints its class", any(grepl("java.lang.StringBuilder", capture.output(print(newJObject("java.lang.StringBuilder", "x"))))))
# java.util.Map values are converted: they arrive as named lists.
check("a JVM map arrives as a named list", identical(newJObject("java.util.HashMap"), list()))
check("JVM exception becomes an R error", {
  msg <- tryCatch({ callJStatic("java.lang.Integer", "parseInt", "nope"); "" },
                  error = function(e) conditionMessage(e))
  grepl("NumberFormatException", msg)
})
check("unknown method is an R error", {
  msg <- tryCatch({ callJStatic("java.lang.Math", "noSuchMethod", 1L); "" },
                  error = function(e) conditionMessage(e))
  grepl("noSuchMethod", msg)
})
check("the connection works after an error", identical(.echo("still"), "still"))
check("released object cannot be used", {
  obj <- newJObject("java.lang.StringBuilder", "abc")
  releaseJObject(obj)
  inherits(tryCatch(callJMethod(obj, "toString"), error = function(e) e), "error")
})
check("collected references are released with the next call", {
  for (i in 1:5) newJObject("java.lang.Object")
  gc()
  pending <- length(.state$released)
  .echo(1L)
  pending >= 5 && length(.state$released) == 0
})

# Values the JVM test put into kernel.data, read as R values (JVM -> R).
d <- kernel_data <- .kernelData
check("data int", identical(d[["int"]], 7L))
check("data long", identical(d[["long"]], 5e9))
check("data double", identical(d[["double"]], 0.5))
check("data string", identical(d[["string"]], "text"))
check("data boolean", identical(d[["boolean"]], TRUE))
check("data date", identical(d[["date"]], as.Date("2020-01-31")))
check("data int array", identical(d[["ints"]], c(1L, 2L, 3L)))
check("data object array", identical(d[["objects"]], list("a", 1L, NULL)))
check("data map", { m <- d[["map"]]; identical(m[order(names(m))], list(k = "v", n = 1L)) })
check("data missing is NULL", is.null(d[["missing"]]))
check("data names", all(c("int", "string") %in% names(d)))
check("data DataFrame is a SparkDataFrame", inherits(d[["frame"]], "SparkDataFrame"))

# Values R puts into kernel.data (R -> JVM); the Java test checks their JVM types.
d[["r_int"]] <- 11L
d[["r_double"]] <- 2.5
d$r_string <- "from R"
d[["r_logical"]] <- FALSE
d[["r_date"]] <- as.Date("2021-12-24")
d[["r_vector"]] <- c(1.5, 2.5, 3.5)
d[["r_list"]] <- list("a", 2L, list(TRUE))
cat("DONE\n")
