# Driven by RDataFrameApiIT: the SparkR-like DataFrame API (dataframe.R) against the test JVM's
# real SparkSession. Prints "PASS name" or "FAIL name: reason" per check; the Java test reads them
# and checks what R left in the session.
lib <- Sys.getenv("KINDLING_SPARKR_LIB")
env <- attach(NULL, name = "kindling")
for (file in c("backend.R", "dataframe.R")) sys.source(file.path(lib, file), envir = env)
.registerMethods(env)

check <- function(name, expr) {
  result <- tryCatch(if (isTRUE(expr)) "PASS" else "not TRUE", error = function(e) conditionMessage(e))
  cat(if (result == "PASS") paste("PASS", name) else paste0("FAIL ", name, ": ", result), "\n", sep = "")
}

# Written by the Java test (R's own temp files go when R exits; the JVM reads the view later).
csv <- Sys.getenv("KINDLING_TEST_CSV")
people <- read.df(csv, "csv", header = "true", inferSchema = "true")

check("read.df and count", identical(count(people), 5))
check("columns and names", identical(columns(people), c("name", "age", "city")) &&
      identical(names(people), columns(people)))
check("dim", identical(dim(people), c(5, 3)))
check("print shows the schema", identical(capture.output(print(people)),
                                          "SparkDataFrame[name:string,age:int,city:string]"))
check("printSchema", any(grepl("|-- age: integer", capture.output(printSchema(people)), fixed = TRUE)))
check("showDF", any(grepl("|  Grace| 45|New York|", capture.output(showDF(people)), fixed = TRUE)))
check("sql on a temp view", {
  createOrReplaceTempView(people, "people")
  identical(collect(sql("SELECT max(age) AS m FROM people"))$m, 45L)
})
check("table() is a Spark table for one name", identical(count(table("people")), 5))
check("table() is base::table otherwise", identical(as.vector(table(c("a", "b", "a"))), c(2L, 1L)))
check("tableToDF", identical(count(tableToDF("people")), 5))
check("a JVM-made view is visible", identical(collect(table("jvm_view"))$answer, 42L))
check("collect types", {
  got <- collect(sql("SELECT 1 AS i, CAST(2 AS BIGINT) AS l, 2.5 AS d, 'x' AS s, true AS b,
                     DATE'2024-02-29' AS day, CAST(NULL AS INT) AS none"))
  identical(got$i, 1L) && identical(got$l, 2) && identical(got$d, 2.5) && identical(got$s, "x") &&
    identical(got$b, TRUE) && identical(got$day, as.Date("2024-02-29")) && identical(got$none, NA_integer_)
})
check("collect timestamps", {
  got <- collect(sql("SELECT TIMESTAMP'2024-01-02 03:04:05' AS t"))
  inherits(got$t, "POSIXct") && format(got$t, "%Y-%m-%d %H:%M:%S") == "2024-01-02 03:04:05"
})
check("collect an empty result keeps the columns", {
  got <- collect(sql("SELECT name, age FROM people WHERE age > 100"))
  identical(nrow(got), 0L) && identical(names(got), c("name", "age")) && is.integer(got$age)
})
check("head", { h <- head(people, 2); is.data.frame(h) && nrow(h) == 2 })
check("limit and take", identical(count(limit(people, 3)), 3) && nrow(take(people, 1)) == 1)
check("select by name", identical(columns(select(people, "name", "city")), c("name", "city")))
check("select by vector of names", identical(columns(select(people, c("age", "name"))), c("age", "name")))
check("select columns and expressions", {
  got <- collect(select(people, people$name, alias(people$age + 1L, "next_age")))
  identical(names(got), c("name", "next_age")) && got$next_age[got$name == "Ada"] == 37
})
check("filter with a Column", identical(collect(filter(people, people$age > 40))$name, c("Grace", "Alan")))
check("filter() of a time series is stats::filter", identical(as.vector(filter(1:4, rep(1, 2), sides = 1)), c(NA, 3, 5, 7)))
check("filter with a SQL string", identical(count(filter(people, "city = 'London'")), 2))
check("filter with & | !", {
  a <- count(filter(people, people$age > 15 & people$city == "London"))
  b <- count(filter(people, people$age < 15 | people$city == "Helsinki"))
  c <- count(filter(people, !(people$city == "London")))
  identical(c(a, b, c), c(2, 2, 3))
})
check("arrange and desc", identical(collect(arrange(people, desc(people$age)))$name[1], "Grace"))
check("withColumn", identical(collect(withColumn(people, "double_age", people$age * 2))$double_age[1], 72))
check("groupBy and agg", {
  got <- collect(arrange(agg(groupBy(people, "city"), n = count(people$name), oldest = max(people$age),
                             youngest = min(people$age), total = sum(people$age),
                             mean_age = avg(people$age)), "city"))
  identical(got$city, c("Helsinki", "London", "New York")) && identical(got$n, c(1, 2, 2)) &&
    identical(got$oldest, c(17L, 41L, 45L)) && identical(got$youngest, c(17L, 36L, 12L)) &&
    identical(got$total, c(17, 77, 57)) && identical(got$mean_age, c(17, 38.5, 28.5))
})
check("agg with name = function strings", identical(collect(agg(people, age = "max"))[[1]], 45L))
check("agg on the whole frame", identical(collect(agg(people, mean = mean(people$age)))$mean, 30.2))
check("count of grouped data", identical(sum(collect(count(groupBy(people, "city")))$count), 5))
check("countDistinct", identical(collect(agg(people, n = countDistinct(people$city)))$n, 3))
check("createDataFrame round trip", {
  local <- data.frame(i = c(1L, NA, 3L), d = c(0.5, 1.5, NA), s = c("a", NA, "c"),
                      b = c(TRUE, FALSE, NA), day = as.Date(c("2024-01-02", NA, "2024-03-04")),
                      stringsAsFactors = FALSE)
  identical(collect(createDataFrame(local)), local)
})
check("createDataFrame of one row and of factors", {
  one <- collect(createDataFrame(data.frame(x = 1L, f = factor("lvl"))))
  identical(one$x, 1L) && identical(one$f, "lvl")
})
check("createDataFrame of POSIXct", {
  t <- as.POSIXct("2024-05-06 07:08:09", tz = "UTC")
  back <- collect(createDataFrame(data.frame(t = t)))$t
  abs(as.double(back) - as.double(t)) < 1e-3
})
check("createDataFrame rejects lists", inherits(tryCatch(createDataFrame(data.frame(x = I(list(1, 2)))),
                                                          error = function(e) e), "error"))
check("createOrReplaceTempView from R", {
  createOrReplaceTempView(createDataFrame(data.frame(v = c(1L, 2L, 3L))), "r_view")
  identical(count(sql("SELECT * FROM r_view")), 3)
})
check("a Spark error is an R error with Spark's message", {
  msg <- tryCatch({ sql("SELECT * FROM no_such_table"); "" }, error = function(e) conditionMessage(e))
  grepl("no_such_table", msg) || grepl("TABLE_OR_VIEW_NOT_FOUND", msg)
})
check("kernel data holds a DataFrame both ways", {
  .kernelData[["from_r"]] <- sql("SELECT 5 AS five")
  identical(collect(.kernelData[["from_r"]])$five, 5L)
})
cat("DONE\n")
