# Kindling SparkR, part 2: a small SparkR-like DataFrame API over the bridge (backend.R). Sourced
# into the "kindling" environment by bootstrap.R after backend.R.

.bridge <- function() {
  if (is.null(.state$bridge)) {
    id <- Sys.getenv("KINDLING_SPARKR_BRIDGE")
    if (!nzchar(id)) stop("KINDLING_SPARKR_BRIDGE is not set: not started by the Kindling kernel")
    bridge <- .jobj(id)
    bridge$ref$keep <- TRUE # owned by the kernel, never released from R
    .state$bridge <- bridge
  }
  .state$bridge
}

.sdf <- function(jobj) structure(list(jobj = jobj), class = "SparkDataFrame")
.column <- function(jobj) structure(list(jobj = jobj), class = "Column")
.functions <- function(name, ...) callJStatic("org.apache.spark.sql.functions", name, ...)
.columnArgs <- function(args) {
  jarray(lapply(args, function(a) {
    if (inherits(a, "Column")) a$jobj else if (is.character(a)) a else
      stop("expected a column name or a Column, got ", class(a)[[1]])
  }))
}

# The kernel's SparkSession (a jobj), shared with Scala, Python and SQL cells.
sparkR.session <- function(...) callJMethod(.bridge(), "session")

# Runs Spark SQL on the kernel's session: sql("SELECT 1")
sql <- function(sqlQuery) .sdf(callJMethod(sparkR.session(), "sql", sqlQuery))

# A table or temporary view as a SparkDataFrame.
tableToDF <- function(tableName) .sdf(callJMethod(sparkR.session(), "table", tableName))

# table("name") is a Spark table (as in SparkR); any other call is base::table.
table <- function(...) {
  args <- list(...)
  if (length(args) == 1 && is.null(names(args)) && is.character(args[[1]]) &&
      length(args[[1]]) == 1) {
    return(tableToDF(args[[1]]))
  }
  base::table(...)
}

# Reads a file into a SparkDataFrame: read.df("people.csv", "csv", header = "true")
read.df <- function(path, source = "parquet", ...) {
  options <- list(...)
  reader <- callJMethod(sparkR.session(), "read")
  reader <- callJMethod(reader, "format", source)
  for (name in names(options)) {
    reader <- callJMethod(reader, "option", name, as.character(options[[name]]))
  }
  .sdf(callJMethod(reader, "load", path))
}

# A SparkDataFrame from a local R data.frame.
createDataFrame <- function(data) {
  data <- as.data.frame(data, stringsAsFactors = FALSE)
  types <- vapply(data, function(col) {
    if (inherits(col, "Date")) "Date"
    else if (inherits(col, "POSIXt")) "POSIXct"
    else if (is.factor(col) || is.character(col)) "character"
    else if (is.integer(col)) "integer"
    else if (is.numeric(col)) "double"
    else if (is.logical(col)) "logical"
    else stop("cannot send column of class ", class(col)[[1]], " to Spark")
  }, character(1))
  columns <- lapply(names(data), function(name) {
    col <- data[[name]]
    if (is.factor(col)) col <- as.character(col)
    if (inherits(col, "POSIXt")) col <- as.POSIXct(col)
    if (inherits(col, "Date") || inherits(col, "POSIXt") || anyNA(col)) {
      lapply(seq_along(col), function(i) if (is.na(col[i])) NULL else col[i])
    } else {
      jarray(col)
    }
  })
  .sdf(callJMethod(.bridge(), "createDataFrame", jarray(names(data)), jarray(unname(types)),
                   columns))
}
as.DataFrame <- createDataFrame

.toDataFrame <- function(parts) {
  names <- parts[[1]]
  types <- parts[[2]]
  columns <- parts[[3]]
  out <- lapply(seq_along(names), function(i) {
    values <- columns[[i]]
    missing <- vapply(values, is.null, logical(1))
    type <- types[[i]]
    na <- switch(type, integer = NA_integer_, double = NA_real_, logical = NA,
                 character = NA_character_, Date = NA_character_, POSIXct = NA_real_)
    filled <- if (length(values) == 0) na[0] else unlist(lapply(values, function(v) if (is.null(v)) na else v))
    if (type == "Date") filled <- as.Date(filled)
    if (type == "POSIXct") filled <- as.POSIXct(filled, origin = "1970-01-01")
    filled
  })
  names(out) <- unlist(names)
  as.data.frame(out, stringsAsFactors = FALSE, optional = TRUE)
}

# Brings a SparkDataFrame to R as a data.frame.
collect <- function(x, ...) UseMethod("collect")
collect.SparkDataFrame <- function(x, ...) .toDataFrame(callJMethod(.bridge(), "collect", x$jobj))

head.SparkDataFrame <- function(x, num = 6L, ...) {
  collect(.sdf(callJMethod(x$jobj, "limit", as.integer(num))))
}
take <- function(x, num) head.SparkDataFrame(x, num)
limit <- function(x, num) .sdf(callJMethod(x$jobj, "limit", as.integer(num)))

count <- function(x, ...) UseMethod("count")
count.SparkDataFrame <- function(x, ...) callJMethod(x$jobj, "count")
count.Column <- function(x, ...) .column(.functions("count", x$jobj))
count.GroupedData <- function(x, ...) .sdf(callJMethod(x$jobj, "count"))

columns <- function(x) unlist(callJMethod(x$jobj, "columns"))
names.SparkDataFrame <- function(x) columns(x)
dim.SparkDataFrame <- function(x) c(count.SparkDataFrame(x), length(columns(x)))

printSchema <- function(x) cat(callJMethod(.bridge(), "schemaTree", x$jobj))
schema <- function(x) callJMethod(x$jobj, "schema")
showDF <- function(x, numRows = 20L, truncate = TRUE) {
  cat(callJMethod(.bridge(), "showString", x$jobj, as.integer(numRows), truncate))
}

createOrReplaceTempView <- function(x, viewName) {
  callJMethod(x$jobj, "createOrReplaceTempView", viewName)
  invisible(NULL)
}

cache <- function(x) { callJMethod(x$jobj, "cache"); invisible(x) }

select <- function(x, col, ...) {
  cols <- c(list(col), list(...))
  if (length(cols) == 1 && is.character(col) && length(col) > 1) cols <- as.list(col)
  .sdf(callJMethod(.bridge(), "select", x$jobj, .columnArgs(cols)))
}

# filter() on anything but a SparkDataFrame is stats::filter.
filter <- function(x, condition, ...) {
  if (!inherits(x, "SparkDataFrame")) return(stats::filter(x, condition, ...))
  if (inherits(condition, "Column")) condition <- condition$jobj
  .sdf(callJMethod(x$jobj, "filter", condition))
}
where <- function(x, condition) filter(x, condition)

arrange <- function(x, col, ...) {
  .sdf(callJMethod(.bridge(), "orderBy", x$jobj, .columnArgs(c(list(col), list(...)))))
}
orderBy <- arrange

withColumn <- function(x, colName, col) {
  if (!inherits(col, "Column")) col <- lit(col)
  .sdf(callJMethod(x$jobj, "withColumn", colName, col$jobj))
}

groupBy <- function(x, ...) {
  grouped <- callJMethod(.bridge(), "groupBy", x$jobj, .columnArgs(list(...)))
  structure(list(jobj = grouped), class = "GroupedData")
}
group_by <- groupBy

# agg(groupBy(df, "dept"), avg(df$salary), total = sum(df$salary)), or agg(df, ...).
# A named argument name = "fn" applies fn to column name: agg(gd, salary = "max").
agg <- function(x, ...) {
  args <- list(...)
  exprs <- lapply(seq_along(args), function(i) {
    a <- args[[i]]
    name <- if (is.null(names(args))) "" else names(args)[[i]]
    if (is.character(a)) {
      if (!nzchar(name)) stop("agg: a string argument needs a column name, as in salary = \"max\"")
      return(.functions("expr", paste0(a, "(`", name, "`)")))
    }
    if (!inherits(a, "Column")) stop("agg: expected aggregate Columns, got ", class(a)[[1]])
    if (nzchar(name)) callJMethod(a$jobj, "alias", name) else a$jobj
  })
  if (inherits(x, "SparkDataFrame")) x <- groupBy(x)
  .sdf(callJMethod(.bridge(), "agg", x$jobj, jarray(exprs)))
}
summarize <- agg

print.SparkDataFrame <- function(x, ...) {
  fields <- callJMethod(callJMethod(x$jobj, "schema"), "simpleString")
  cat("SparkDataFrame", sub("^struct<(.*)>$", "[\\1]", fields), "\n", sep = "")
  invisible(x)
}

print.GroupedData <- function(x, ...) {
  cat("GroupedData\n")
  invisible(x)
}

# --- columns ---------------------------------------------------------------------------------

# df$name is a column (df$jobj, the DataFrame's JVM object, is reserved).
`$.SparkDataFrame` <- function(x, name) {
  if (identical(name, "jobj")) return(unclass(x)[["jobj"]])
  .column(callJMethod(unclass(x)[["jobj"]], "col", name))
}
`[[.SparkDataFrame` <- function(x, i) {
  if (identical(i, "jobj")) return(unclass(x)[["jobj"]])
  .column(callJMethod(unclass(x)[["jobj"]], "col", i))
}
`$.Column` <- function(x, name) unclass(x)[[name]]

col <- function(x) .column(.functions("col", x))
column <- col
lit <- function(x) .column(.functions("lit", x))
expr <- function(x) .column(.functions("expr", x))
alias <- function(object, data) .column(callJMethod(object$jobj, "alias", data))
desc <- function(x) .column(callJMethod(if (is.character(x)) col(x)$jobj else x$jobj, "desc"))
asc <- function(x) .column(callJMethod(if (is.character(x)) col(x)$jobj else x$jobj, "asc"))
cast <- function(x, dataType) .column(callJMethod(x$jobj, "cast", dataType))
isNull <- function(x) .column(callJMethod(x$jobj, "isNull"))
isNotNull <- function(x) .column(callJMethod(x$jobj, "isNotNull"))

avg <- function(x) .column(.functions("avg", x$jobj))
mean.Column <- function(x, ...) avg(x)
countDistinct <- function(x) .column(callJMethod(.bridge(), "countDistinct", x$jobj))
n_distinct <- countDistinct

Summary.Column <- function(..., na.rm = FALSE) {
  args <- list(...)
  if (length(args) != 1) stop(.Generic, " on a Column takes one column")
  fn <- switch(.Generic, sum = "sum", max = "max", min = "min",
               stop(.Generic, " is not defined for Spark columns"))
  .column(.functions(fn, args[[1]]$jobj))
}

Ops.Column <- function(e1, e2) {
  operand <- function(e) if (inherits(e, "Column")) e$jobj else e
  if (missing(e2)) {
    if (.Generic == "!") return(.column(.functions("not", e1$jobj)))
    if (.Generic == "-") return(.column(.functions("negate", e1$jobj)))
    stop("unary ", .Generic, " is not defined for Spark columns")
  }
  if (!inherits(e1, "Column")) e1 <- lit(e1)
  method <- switch(.Generic,
    "==" = "equalTo", "!=" = "notEqual", ">" = "gt", ">=" = "geq", "<" = "lt", "<=" = "leq",
    "+" = "plus", "-" = "minus", "*" = "multiply", "/" = "divide", "%%" = "mod",
    "&" = "and", "|" = "or",
    stop(.Generic, " is not defined for Spark columns"))
  .column(callJMethod(e1$jobj, method, operand(e2)))
}

print.Column <- function(x, ...) {
  cat("Column ", callJMethod(x$jobj, "toString"), "\n", sep = "")
  invisible(x)
}

# --- the kernel ------------------------------------------------------------------------------

# kernel$data: the map shared by every language (kernel$data[["name"]], kernel$data$name <- 1).
.kernelData <- structure(list(), class = "KindlingData")
.fromJvm <- function(value) {
  if (inherits(value, "jobj") && isTRUE(callJMethod(.bridge(), "isDataFrame", value))) {
    return(.sdf(value))
  }
  value
}
`[[.KindlingData` <- function(x, i) .fromJvm(callJMethod(.bridge(), "dataGet", i))
`$.KindlingData` <- function(x, name) x[[name]]
`[[<-.KindlingData` <- function(x, i, value) {
  if (inherits(value, "SparkDataFrame") || inherits(value, "Column")) value <- value$jobj
  callJMethod(.bridge(), "dataPut", i, value)
  x
}
`$<-.KindlingData` <- function(x, name, value) { x[[name]] <- value; x }
names.KindlingData <- function(x) {
  n <- callJMethod(.bridge(), "dataNames")
  if (is.null(n)) character(0) else unlist(n)
}
print.KindlingData <- function(x, ...) {
  cat("kernel$data: ", paste(names(x), collapse = ", "), "\n", sep = "")
  invisible(x)
}
