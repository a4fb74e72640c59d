# Kindling SparkR, part 1: the client side of Spark's RBackend protocol (see
# org.apache.spark.api.r.SerDe and RBackendHandler). Sourced into the "kindling" environment of the
# IRkernel child by bootstrap.R. Plain base R, no packages.

.state <- new.env(parent = emptyenv())
.state$con <- NULL
.state$released <- character(0)

# --- writing R values (R -> JVM) -------------------------------------------------------------

.writeInt <- function(con, value) writeBin(as.integer(value), con, endian = "big")
.writeDouble <- function(con, value) writeBin(as.double(value), con, endian = "big")
.writeString <- function(con, value) {
  bytes <- charToRaw(enc2utf8(as.character(value)))
  .writeInt(con, length(bytes) + 1L)
  writeBin(bytes, con, endian = "big")
  writeBin(as.raw(0L), con, endian = "big")
}
.writeTypeByte <- function(con, code) writeBin(charToRaw(code), con)

# An R vector of length one travels as a scalar; jarray() makes it travel as a JVM array.
jarray <- function(x) structure(list(value = x), class = "kindling_jarray")

.isScalarNA <- function(x) is.atomic(x) && length(x) == 1 && !is.raw(x) && is.na(x)

.scalarCode <- function(x) {
  if (inherits(x, "jobj")) return("j")
  if (inherits(x, "Date")) return("D")
  if (inherits(x, "POSIXt")) return("t")
  if (is.raw(x)) return("r")
  if (is.integer(x) || is.factor(x)) return("i")
  if (is.double(x)) return("d")
  if (is.character(x)) return("c")
  if (is.logical(x)) return("b")
  if (is.environment(x)) return("e")
  stop("cannot send a value of class ", paste(class(x), collapse = "/"), " to the JVM")
}

.writeUntyped <- function(con, code, x) {
  switch(code,
    i = .writeInt(con, x),
    d = .writeDouble(con, x),
    c = .writeString(con, x),
    b = .writeInt(con, if (isTRUE(x)) 1L else 0L),
    D = .writeString(con, format(x, "%Y-%m-%d")),
    t = .writeDouble(con, as.double(as.POSIXct(x))),
    r = { .writeInt(con, length(x)); writeBin(x, con) },
    j = .writeString(con, .jobjId(x)),
    e = .writeEnv(con, x))
}

.writeEnv <- function(con, env) {
  keys <- ls(env, all.names = TRUE)
  .writeInt(con, length(keys))
  if (length(keys) > 0) {
    .writeTypeByte(con, "c")
    .writeInt(con, length(keys))
    for (k in keys) .writeString(con, k)
    .writeInt(con, length(keys))
    for (k in keys) .writeObject(con, get(k, envir = env))
  }
}

# Homogeneous atomic vectors become typed JVM arrays (int[], double[], String[], boolean[]);
# anything else (lists, dates, vectors with NA) a list of typed values (Object[]).
.writeArray <- function(con, x) {
  code <- if (is.atomic(x)) .scalarCode(x) else if (length(x) == 0) "c" else .scalarCode(x[[1]])
  if (is.atomic(x) && code %in% c("i", "d", "c", "b") && !anyNA(x)) {
    .writeTypeByte(con, "a")
    .writeTypeByte(con, code)
    .writeInt(con, length(x))
    for (v in as.list(x)) .writeUntyped(con, code, v)
  } else {
    .writeList(con, x)
  }
}

.writeList <- function(con, x) {
  .writeTypeByte(con, "l")
  .writeInt(con, length(x))
  for (i in seq_along(x)) .writeObject(con, x[[i]])
}

.writeObject <- function(con, x) {
  if (is.null(x) || .isScalarNA(x)) return(.writeTypeByte(con, "n"))
  if (inherits(x, "kindling_jarray")) return(.writeArray(con, x$value))
  if (inherits(x, "Column") || inherits(x, "SparkDataFrame") || inherits(x, "GroupedData")) {
    x <- x$jobj
  }
  if (is.list(x) && !inherits(x, "jobj") && !inherits(x, "POSIXlt")) return(.writeList(con, x))
  if (is.factor(x)) x <- as.character(x)
  if (!is.environment(x) && !inherits(x, "jobj") && length(x) != 1 && !is.raw(x)) {
    return(.writeArray(con, x))
  }
  code <- .scalarCode(x)
  .writeTypeByte(con, code)
  .writeUntyped(con, code, x)
}

# --- reading JVM values (JVM -> R) -----------------------------------------------------------

.readInt <- function(con) {
  v <- readBin(con, integer(), n = 1, size = 4, endian = "big")
  if (length(v) == 0) stop("the connection to the Spark driver was closed")
  v
}
.readDouble <- function(con) readBin(con, double(), n = 1, size = 8, endian = "big")
.readString <- function(con) {
  n <- .readInt(con)
  s <- if (n == 0) "" else rawToChar(readBin(con, raw(), n = n))
  Encoding(s) <- "UTF-8"
  s
}
.readTypeByte <- function(con) rawToChar(readBin(con, raw(), n = 1))

.readTyped <- function(con, code) {
  switch(code,
    n = NULL,
    i = .readInt(con),
    d = .readDouble(con),
    b = .readInt(con) != 0L,
    c = .readString(con),
    r = readBin(con, raw(), n = .readInt(con)),
    D = { s <- .readString(con); if (s == "NA") as.Date(NA) else as.Date(s) },
    t = { v <- .readDouble(con); as.POSIXct(if (is.nan(v)) NA_real_ else v, origin = "1970-01-01") },
    a = .readArray(con),
    l = .readList(con),
    e = .readEnv(con),
    s = { names <- .readObject(con); values <- .readObject(con); names(values) <- unlist(names); values },
    j = .jobj(.readString(con)),
    stop("unknown type '", code, "' from the JVM"))
}

.readObject <- function(con) .readTyped(con, .readTypeByte(con))

# JVM arrays of primitives and strings come back as R vectors; other arrays as lists.
.readArray <- function(con) {
  code <- .readTypeByte(con)
  n <- .readInt(con)
  values <- lapply(seq_len(n), function(i) .readTyped(con, code))
  if (code %in% c("i", "d", "c", "b")) {
    empty <- switch(code, i = integer(0), d = double(0), c = character(0), b = logical(0))
    return(if (n == 0) empty else unlist(values))
  }
  values
}

.readList <- function(con) {
  n <- .readInt(con)
  lapply(seq_len(n), function(i) .readObject(con))
}

.readEnv <- function(con) {
  n <- .readInt(con)
  out <- list()
  for (i in seq_len(n)) {
    key <- .readString(con)
    value <- .readObject(con)
    out[key] <- list(value)
  }
  out
}

# --- JVM object references -------------------------------------------------------------------

.jobj <- function(id) {
  ref <- new.env(parent = emptyenv())
  ref$id <- id
  ref$released <- FALSE
  # Collected references are released on the JVM with the next call (not from the finalizer:
  # it may run in the middle of another call).
  reg.finalizer(ref, function(e) {
    if (!isTRUE(e$released) && !isTRUE(e$keep)) .state$released <- c(.state$released, e$id)
  })
  structure(list(ref = ref), class = "jobj")
}

.jobjId <- function(x) {
  if (isTRUE(x$ref$released)) stop("the JVM object ", x$ref$id, " was released")
  x$ref$id
}

print.jobj <- function(x, ...) {
  cat("Java ref type ", .jobjClassName(x), " id ", x$ref$id, "\n", sep = "")
  invisible(x)
}

.jobjClassName <- function(x) {
  tryCatch(callJMethod(callJMethod(x, "getClass"), "getName"), error = function(e) "?")
}

# Releases a JVM object now; the reference cannot be used afterwards.
releaseJObject <- function(x) {
  if (!isTRUE(x$ref$released)) {
    .invoke(TRUE, "SparkRHandler", "rm", list(x$ref$id))
    x$ref$released <- TRUE
  }
  invisible(NULL)
}

# --- calls -----------------------------------------------------------------------------------

# Connects (or reconnects after an interrupted call) to the RBackend in the kernel JVM, with the
# port and secret from the environment.
.connect <- function() {
  port <- as.integer(Sys.getenv("EXISTING_SPARKR_BACKEND_PORT"))
  secret <- Sys.getenv("SPARKR_BACKEND_AUTH_SECRET")
  if (is.na(port) || !nzchar(secret)) {
    stop("EXISTING_SPARKR_BACKEND_PORT and SPARKR_BACKEND_AUTH_SECRET are not set: ",
         "this R session was not started by the Kindling kernel")
  }
  timeout <- as.integer(Sys.getenv("SPARKR_BACKEND_CONNECTION_TIMEOUT", "6000"))
  con <- socketConnection("localhost", port, server = FALSE, blocking = TRUE, open = "wb",
                          timeout = timeout)
  .writeString(con, secret)
  flush(con)
  if (.readString(con) != "ok") {
    close(con)
    stop("the Spark driver refused the SparkR connection (wrong secret)")
  }
  .state$con <- con
  # A new connection is served by another JVM thread: give it the running cell's job group.
  bridge <- Sys.getenv("KINDLING_SPARKR_BRIDGE")
  if (nzchar(bridge)) try(.invoke(FALSE, bridge, "enterCell", list()), silent = TRUE)
  con
}

.connection <- function() if (is.null(.state$con)) .connect() else .state$con

.request <- function(isStatic, objId, method, args) {
  body <- rawConnection(raw(0), "r+")
  on.exit(close(body))
  .writeInt(body, if (isStatic) 1L else 0L)
  .writeString(body, objId)
  .writeString(body, method)
  .writeInt(body, length(args))
  for (a in args) .writeObject(body, a)
  payload <- rawConnectionValue(body)
  c(writeBin(length(payload), raw(), endian = "big"), payload)
}

.invoke <- function(isStatic, objId, method, args) {
  message <- .request(isStatic, objId, method, args)
  con <- .connection()
  done <- FALSE
  # An interrupt (or any failure) in the middle of a call leaves the stream out of step: drop the
  # connection so the next call opens a fresh one.
  on.exit(if (!done) {
    try(close(con), silent = TRUE)
    .state$con <- NULL
  })
  writeBin(message, con)
  flush(con)
  status <- .readInt(con)
  while (status == 1L) status <- .readInt(con) # keep-alive while the JVM works
  if (status != 0L) {
    error <- .readString(con)
    done <- TRUE
    stop(.shortError(error, objId, method), call. = FALSE)
  }
  value <- .readObject(con)
  done <- TRUE
  value
}

# The first line of the JVM's exception; RBackend sends none when no class or method matched.
.shortError <- function(text, objId, method) {
  lines <- strsplit(text, "\n", fixed = TRUE)[[1]]
  lines <- lines[nzchar(trimws(lines))]
  if (length(lines) > 0) return(lines[[1]])
  static <- !grepl("^[0-9]+$", objId)
  target <- if (static) objId else paste0("JVM object ", objId)
  missing <- if (static) "no such class or method" else "no such method"
  paste0("calling ", method, " on ", target, " failed: ", missing, ", or no signature ",
         "matches the arguments' types (the kernel log says which)")
}

# Registers the S3 methods defined in env (print.jobj, collect.SparkDataFrame, ...). S3 lookup
# goes from the global environment straight to base, so methods in an attached environment are
# not found unless registered.
.registerMethods <- function(env) {
  # Makes env a top-level environment, so UseMethod looks in its methods table for its own
  # generics (collect, count).
  assign(".packageName", "kindling", envir = env)
  classes <- c("SparkDataFrame", "Column", "GroupedData", "KindlingData", "jobj")
  for (name in ls(env, all.names = TRUE)) {
    for (cls in classes) {
      suffix <- paste0(".", cls)
      if (endsWith(name, suffix) && nchar(name) > nchar(suffix)) {
        generic <- substr(name, 1, nchar(name) - nchar(suffix))
        holder <- if (exists(generic, envir = env, inherits = FALSE)) env else
          environment(get(generic, envir = globalenv()))
        registerS3method(generic, cls, get(name, envir = env),
                         envir = if (is.null(holder)) baseenv() else holder)
      }
    }
  }
}

.releasePending <- function() {
  pending <- .state$released
  .state$released <- character(0)
  for (id in pending) try(.invoke(TRUE, "SparkRHandler", "rm", list(id)), silent = TRUE)
}

.call <- function(isStatic, objId, method, args) {
  if (length(.state$released) > 0) .releasePending()
  .invoke(isStatic, objId, method, args)
}

# Calls a static method: callJStatic("java.lang.Math", "max", 1L, 2L)
callJStatic <- function(className, methodName, ...) {
  .call(TRUE, className, methodName, list(...))
}

# Calls a method on a JVM object: callJMethod(obj, "toString")
callJMethod <- function(obj, methodName, ...) {
  if (inherits(obj, "Column") || inherits(obj, "SparkDataFrame") || inherits(obj, "GroupedData")) {
    obj <- obj$jobj
  }
  if (!inherits(obj, "jobj")) stop("callJMethod needs a JVM object (jobj), not ", class(obj)[[1]])
  .call(FALSE, .jobjId(obj), methodName, list(...))
}

# Creates a JVM object: newJObject("java.util.ArrayList", 10L)
newJObject <- function(className, ...) {
  .call(TRUE, className, "<init>", list(...))
}

# Whether the backend answers: sends a value and returns what the JVM sent back.
.echo <- function(x) .call(TRUE, "SparkRHandler", "echo", list(x))
